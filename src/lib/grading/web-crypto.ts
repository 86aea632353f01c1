/**
 * WebCrypto for the checks that hash, sign or verify (the debugger PIN, Flask's session cookie, X.509 chains).
 * Browsers expose `crypto.subtle` only in a secure context (https, or http on localhost); a course served over
 * plain http on a network address (a workshop room, docs/workshop.md) has none. A check must not fail the
 * learner's work for that: it is blocked, and says why and what to do.
 */
import { BlockedError } from './types';

export const NO_WEB_CRYPTO =
  'This check could not run: the page is not a secure context (plain http on a network address), so the browser ' +
  'withholds WebCrypto, which the check needs to hash, sign and verify. Open the course on https, or on ' +
  'http://localhost, and check again.';

export function subtleCrypto(): SubtleCrypto {
  const subtle = (globalThis.crypto as Crypto | undefined)?.subtle;
  if (subtle === undefined) throw new BlockedError({ message: NO_WEB_CRYPTO });
  return subtle;
}
