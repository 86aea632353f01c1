// First: the Python worker starts downloading before anything else is evaluated.
import './lib/state/start-python';
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';

export default mount(App, { target: document.getElementById('app')! });
