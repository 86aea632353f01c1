/**
 * The page's side of the offline workshop: registers the service worker (src/sw/sw.ts) through
 * workbox-window, follows how much of the site it has saved, and when a new build is waiting,
 * offers the reload that lets it take over (never on its own: a page must not mix two builds).
 */
import { Workbox } from 'workbox-window';
import { isPrecacheProgress } from './messages';
import type { OfflineState } from './offline-line';

/** Built by vite-plugin-pwa beside index.html; relative, so a site served under a path works too. */
const WORKER_URL = './sw.js';

class Offline {
  state = $state<OfflineState>('off');
  done = $state(0);
  total = $state(0);
  private workbox: Workbox | null = null;

  /**
   * Only in a built site (the dev server has no worker) and a browser that has service workers and lets this
   * page register one; resolves once the registration is settled (never rejects).
   */
  async register(): Promise<void> {
    if (!import.meta.env.PROD || !('serviceWorker' in navigator) || this.workbox) return;
    // After the page's own load: the first visit's download of Python comes first.
    if (document.readyState !== 'complete') await new Promise((done) => addEventListener('load', done, { once: true }));
    // Asks the browser not to evict the saved site under storage pressure (granted or not, silently).
    void navigator.storage?.persist?.().catch(() => false);
    const workbox = new Workbox(WORKER_URL);
    this.workbox = workbox;
    navigator.serviceWorker.addEventListener('message', (event) => {
      if (!isPrecacheProgress(event.data) || this.state === 'update') return;
      this.done = event.data.done;
      this.total = event.data.total;
      if (this.state !== 'ready') this.state = event.data.done >= event.data.total ? 'ready' : 'saving';
    });
    // Messages from a worker that does not control this page yet (the first install) wait until this.
    navigator.serviceWorker.startMessages();
    workbox.addEventListener('installed', (event) => {
      if (!event.isUpdate) this.state = 'ready';
    });
    workbox.addEventListener('waiting', () => (this.state = 'update'));
    workbox.addEventListener('controlling', (event) => {
      if (event.isUpdate) location.reload();
    });
    let registration: ServiceWorkerRegistration | undefined;
    try {
      registration = await workbox.register();
    } catch {
      // The browser refused the worker (blocked by policy or by a test browser, private browsing, a storage
      // error); Playwright's serviceWorkers: 'block' even resolves with no registration, which workbox-window
      // then reads. The site simply has no offline copy, as in a browser without service workers.
      return;
    }
    // Already saved by an earlier visit, and nothing newer waiting.
    if (registration?.active && !registration.waiting && !registration.installing && this.state === 'off') {
      this.state = 'ready';
    }
  }

  /** The learner's click: the waiting build takes over, and the page reloads into it. */
  reload(): void {
    this.workbox?.messageSkipWaiting();
  }
}

export const offline = new Offline();
