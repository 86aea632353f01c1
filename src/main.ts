// First: the Python worker starts downloading. The browser sends the worker's request only once
// this task yields, so the app itself (Svelte, lessons, Markdown) comes as a separate chunk.
import './lib/state/start-python';
import './app.css';

const [{ mount }, { default: App }] = await Promise.all([import('svelte'), import('./App.svelte')]);
performance.mark('prodready:modules-evaluated');
mount(App, { target: document.getElementById('app')! });
performance.mark('prodready:mounted');
