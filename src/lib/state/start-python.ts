/**
 * Imported first by main.ts, so the worker starts downloading Pyodide before the rest of the
 * app's modules are evaluated. Python boot never waits on the UI (and never on Monaco).
 */
import { runtime } from './runtime.svelte';

performance.mark('prodready:python-start');
runtime.start();
