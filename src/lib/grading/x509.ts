/**
 * @peculiar/x509, ready to use: it resolves its algorithms through tsyringe, which needs the Reflect metadata
 * API loaded first, and it signs and verifies with the platform's WebCrypto (browser, worker and Node alike).
 * Import X.509 from here, never from the package directly, so the polyfill always comes first.
 */
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(globalThis.crypto);

export * from '@peculiar/x509';
