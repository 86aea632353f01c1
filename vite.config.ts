/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import type { ServerResponse } from 'node:http';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { lessonsPlugin } from './scripts/vite-lessons-plugin.ts';
import { precompressPlugin } from './scripts/vite-precompress-plugin.ts';
import { offlineWorkerOptions } from './scripts/vite-offline-worker.ts';
import { pyodideManifestPlugin } from './scripts/vite-pyodide-manifest-plugin.ts';

/**
 * Cross-origin isolation (COOP + COEP) gives the page SharedArrayBuffer, which the Stop button
 * needs to interrupt Python without restarting it. The CSP allows nothing from another origin;
 * 'wasm-unsafe-eval' lets Pyodide compile its WebAssembly. The same headers are in deploy/nginx.conf.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  // Pyodide compiles WebAssembly; nothing else is evaluated from strings.
  "script-src 'self' 'wasm-unsafe-eval'",
  // Monaco and xterm set inline styles on their elements.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  // The preview renders responses in a sandboxed srcdoc frame.
  "frame-src 'self' about: data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The preview's frame (public/preview-frame.html) shows the learner's app, scripts included
 * (Werkzeug's debugger runs on them): inline scripts and styles, data: images and fonts, and
 * nothing fetched from anywhere. It is sandboxed without allow-same-origin, so those scripts run
 * in an opaque origin. Only this file gets this policy.
 */
export const previewFrameContentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'unsafe-inline'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  'font-src data:',
  'media-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');
export const PREVIEW_FRAME_PATH = '/preview-frame.html';

/** Sets a response header that the headers `vite preview` sets later (every file's same set) do not replace. */
function pinHeader(res: ServerResponse, name: string, value: string): void {
  const setHeader = res.setHeader.bind(res);
  setHeader(name, value);
  res.setHeader = (header, headerValue) =>
    header.toLowerCase() === name.toLowerCase() ? res : setHeader(header, headerValue);
}

/**
 * `vite preview` (what `npm start` serves) sends one set of headers to every file: this swaps the
 * CSP for the preview's frame, and lets a browser keep Vite's hashed assets, whose names change
 * with their content, for a year without asking again, as deploy/nginx/prodready.conf does.
 */
function previewHeaders(): Plugin {
  return {
    name: 'prodready-preview-headers',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = req.url?.split('?')[0] ?? '';
        if (path === PREVIEW_FRAME_PATH) pinHeader(res, 'Content-Security-Policy', previewFrameContentSecurityPolicy);
        if (/(^|\/)assets\//.test(path)) pinHeader(res, 'Cache-Control', 'public, max-age=31536000, immutable');
        next();
      });
    },
  };
}

export const securityHeaders: Record<string, string> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

export default defineConfig({
  // Relative, so the same dist/ also runs under a path (an LMS serves a SCORM package that way).
  base: './',
  plugins: [svelte(), lessonsPlugin(), VitePWA(offlineWorkerOptions), precompressPlugin(), previewHeaders()],
  // The worker's own plugins: it names the Python assets by content (vite-pyodide-manifest-plugin.ts).
  worker: { format: 'es', plugins: () => [pyodideManifestPlugin()] },
  optimizeDeps: { exclude: ['pyodide'] },
  // The dev server injects inline scripts for hot reload, so the CSP applies to the built site only.
  server: { headers: securityHeaders, host: '127.0.0.1' },
  preview: { headers: { ...securityHeaders, 'Content-Security-Policy': contentSecurityPolicy }, host: '127.0.0.1' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
  test: {
    include: ['src/**/*.spec.ts', 'tests/**/*.spec.ts', 'deploy/**/*.spec.ts'],
    exclude: ['tests/e2e/**', 'tests/reality/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    expect: { requireAssertions: true },
    // Pyodide is heavy; one worker process keeps memory and start-up time down.
    pool: 'forks',
    fileParallelism: false,
  },
});
