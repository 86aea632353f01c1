// First: the Python worker starts downloading. The browser sends the worker's request only once
// this task yields, so the app itself (Svelte, lessons, Markdown) comes as a separate chunk.
import './lib/state/start-python';

// The app's stylesheet comes with the app chunk, so it does not hold up the first paint of the
// static shell in index.html (whose few styles are inline).
const [{ mount }, { default: App }] = await Promise.all([
  import('svelte'),
  import('./App.svelte'),
  import('./app.css'),
]);
performance.mark('prodready:modules-evaluated');
const target = document.getElementById('app')!;
target.replaceChildren(); // the static shell from index.html
mount(App, { target });
performance.mark('prodready:mounted');

// Inside an LMS the course reports to it (src/lib/lms/); anywhere else the site saves itself for
// offline use (src/lib/offline/). An LMS needs the network anyway, and updates its own copy.
const [{ startLms }, { offline }] = await Promise.all([
  import('./lib/lms/start'),
  import('./lib/offline/offline.svelte'),
]);
if (!startLms(window)) void offline.register();
