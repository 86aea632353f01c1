import { afterEach, describe, expect, test, vi } from 'vitest';

/** A browser whose service worker container exists but registers nothing, as Playwright's serviceWorkers: 'block'. */
function blockedServiceWorkers(register: () => Promise<unknown>) {
  vi.stubEnv('PROD', true);
  vi.stubGlobal('document', { readyState: 'complete' });
  vi.stubGlobal('addEventListener', () => undefined);
  vi.stubGlobal('location', { href: 'http://127.0.0.1:4173/' });
  vi.stubGlobal('navigator', {
    serviceWorker: { register, controller: null, addEventListener: () => undefined, startMessages: () => undefined },
  });
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('offline registration a browser refuses', () => {
  test('a registration that resolves with nothing (Playwright blocks service workers) leaves the site without offline mode, quietly', async () => {
    const register = vi.fn(async () => undefined);
    blockedServiceWorkers(register);
    const { offline } = await import('./offline.svelte');
    await expect(offline.register()).resolves.toBeUndefined();
    expect(register).toHaveBeenCalledOnce();
    expect(offline.state).toBe('off');
  });

  test('a registration the browser rejects (private browsing, a policy) is quiet too', async () => {
    blockedServiceWorkers(async () =>
      Promise.reject(new DOMException('Failed to register a ServiceWorker', 'SecurityError')),
    );
    const { offline } = await import('./offline.svelte');
    await expect(offline.register()).resolves.toBeUndefined();
    expect(offline.state).toBe('off');
  });
});
