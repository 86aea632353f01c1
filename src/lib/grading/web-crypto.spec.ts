import { afterEach, describe, expect, test, vi } from 'vitest';
import { forgeFlaskSession } from './flask-session';
import { BlockedError } from './types';
import { NO_WEB_CRYPTO, subtleCrypto } from './web-crypto';

describe('subtleCrypto', () => {
  afterEach(() => vi.unstubAllGlobals());

  test('is the platform WebCrypto where there is one', () => {
    expect(subtleCrypto()).toBe(globalThis.crypto.subtle);
  });

  test('blocks, with what to do, where the page is not a secure context', async () => {
    // A plain-http page on a LAN address: crypto.getRandomValues exists, crypto.subtle does not.
    vi.stubGlobal('crypto', { getRandomValues: globalThis.crypto.getRandomValues.bind(globalThis.crypto) });
    expect(() => subtleCrypto()).toThrow(BlockedError);
    expect(() => subtleCrypto()).toThrow(NO_WEB_CRYPTO);
    await expect(forgeFlaskSession({ user: 'admin' }, 'leaked-key')).rejects.toThrow(BlockedError);
  });
});
