#!/usr/bin/env node
// Takes one boot of the built site apart with a real profile (docs/performance.md): a Chrome trace
// of chromium (categories below, CPU sampling of every thread included) from navigation to
// "Python ready", then splits the Python worker's time by what it ran. Prints the breakdown; with
// --out FILE keeps the trace (open it in chromium's about:tracing or Perfetto).
//
// Usage: node scripts/bench-profile.js [--warm] [--runs N] [--port P] [--out FILE]
//   --warm   boot once untraced, then trace a second boot in the same browser context (its HTTP
//            cache and V8's wasm code cache kept)
//   --runs N boots to profile (default 1); the breakdown of each is printed
// `npx vite build` first; this script only reads dist/.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS, startPreview } from './bench-browser.js';

const CATEGORIES = [
  'v8',
  'v8.wasm',
  'devtools.timeline',
  'blink.user_timing',
  'disabled-by-default-v8.compile',
  'disabled-by-default-v8.cpu_profiler',
  'disabled-by-default-devtools.timeline',
  'netlog',
  'disabled-by-default-netlog',
  'loading',
];

function parseArgs(argv) {
  const opts = { warm: false, runs: 1, port: 0, out: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--warm') opts.warm = true;
    else if (argv[i] === '--out') opts.out = argv[++i];
    else if (argv[i] === '--runs' || argv[i] === '--port') opts[argv[i].slice(2)] = Number(argv[++i]);
    else {
      console.error(`bench-profile: bad argument ${argv[i]}`);
      process.exit(2);
    }
  }
  return opts;
}

async function readStream(cdp, handle) {
  const chunks = [];
  for (;;) {
    const { data, eof, base64Encoded } = await cdp.send('IO.read', { handle, size: 1 << 22 });
    chunks.push(base64Encoded ? Buffer.from(data, 'base64').toString('utf8') : data);
    if (eof) break;
  }
  await cdp.send('IO.close', { handle });
  return chunks.join('');
}

/** One traced boot: navigation to the python-ready marker. Returns the trace's events. */
async function tracedBoot(browser, context, url) {
  const cdp = await browser.newBrowserCDPSession();
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordUntilFull' },
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId('python-ready').waitFor({ timeout: 240_000 });
  await page.waitForTimeout(200);
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  const { stream } = await done;
  const text = await readStream(cdp, stream);
  await page.close();
  await cdp.detach();
  const parsed = JSON.parse(text);
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

// ---------------------------------------------------------------------------------------------
// The analysis

/** The Python worker's thread: the one whose user-timing marks say `prodready:`. */
function workerThread(events) {
  const names = new Map();
  for (const e of events) if (e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  const marked = events.find((e) => e.cat?.includes('user_timing') && e.name.startsWith('prodready:boot'));
  if (marked) return { key: `${marked.pid}:${marked.tid}`, name: names.get(`${marked.pid}:${marked.tid}`) };
  const worker = [...names].find(([, name]) => name.startsWith('DedicatedWorker'));
  return worker ? { key: worker[0], name: worker[1] } : null;
}

/** User-timing marks and measures of one thread, in ms from the first of them. */
function marks(events, key) {
  return events
    .filter((e) => `${e.pid}:${e.tid}` === key && e.cat?.includes('user_timing') && e.name.startsWith('prodready:'))
    .map((e) => ({ name: e.name, ph: e.ph, ts: e.ts, id: e.id ?? e.id2?.local }));
}

/**
 * The sampled CPU profile of one thread, from the trace's Profile/ProfileChunk events: for each
 * sample, its time and the stack's top node. Returns the nodes and samples.
 */
function cpuProfile(events, key) {
  const [pid, tid] = key.split(':').map(Number);
  const profile = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  if (!profile) return null;
  const nodes = new Map();
  const samples = [];
  let time = profile.args.data.startTime;
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.pid !== pid || e.id !== profile.id) continue;
    const data = e.args.data;
    for (const node of data.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    const ids = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < ids.length; i++) {
      time += deltas[i] ?? 0;
      samples.push({ ts: time, node: ids[i] });
    }
  }
  return { nodes, samples };
}

/** What kind of code a profile node is: wasm (Python's interpreter), GC, JS, idle, … */
function kind(node) {
  const f = node.callFrame;
  if (f.functionName === '(garbage collector)') return 'gc';
  if (f.functionName === '(idle)') return 'idle';
  if (f.functionName === '(program)') return 'program (V8/Blink outside JS: compile, copy, decode)';
  if (
    f.url?.includes('.wasm') ||
    f.url?.startsWith('wasm://') ||
    (/^\$?[A-Za-z_]/.test(f.functionName) && f.codeType === 'wasm')
  )
    return 'wasm';
  if (f.codeType === 'other' && f.functionName.startsWith('js-to-wasm')) return 'wasm';
  return `js ${f.url ? path.basename(f.url.split('?')[0]) : '(native)'}`;
}

function breakdown(profile, from, to) {
  const totals = new Map();
  const functions = new Map();
  const { nodes, samples } = profile;
  for (let i = 0; i < samples.length - 1; i++) {
    const s = samples[i];
    if (s.ts < from || s.ts >= to) continue;
    const dt = Math.min(samples[i + 1].ts, to) - s.ts;
    const node = nodes.get(s.node);
    if (!node) continue;
    const k = kind(node);
    totals.set(k, (totals.get(k) ?? 0) + dt);
    const f = node.callFrame;
    const fn = `${f.functionName || '(anonymous)'} ${f.url ? path.basename(f.url.split('?')[0]) : ''}:${f.lineNumber}`;
    functions.set(fn, (functions.get(fn) ?? 0) + dt);
  }
  return { totals, functions };
}

/** Trace events of the worker thread (complete or begin/end) whose names say what V8 did. */
function v8Events(events, key, from, to) {
  const sums = new Map();
  for (const e of events) {
    if (`${e.pid}:${e.tid}` !== key || e.ph !== 'X' || e.ts < from || e.ts > to) continue;
    if (!/v8|wasm/.test(e.cat ?? '')) continue;
    const entry = sums.get(e.name) ?? { count: 0, ms: 0 };
    entry.count++;
    entry.ms += (e.dur ?? 0) / 1000;
    sums.set(e.name, entry);
  }
  return sums;
}

function report(events) {
  const worker = workerThread(events);
  if (!worker) throw new Error('no Python worker thread in the trace');
  const list = marks(events, worker.key);
  const at = (name) => list.find((m) => m.name === name && (m.ph === 'R' || m.ph === 'I' || m.ph === 'n'))?.ts;
  const navigation = events.find((e) => e.name === 'navigationStart' || e.name === 'NavigationStart')?.ts;
  const zero = navigation ?? list[0]?.ts;
  const rel = (ts) => (ts === undefined ? '—' : `${((ts - zero) / 1000).toFixed(0).padStart(6)} ms`);
  console.log(`worker thread: ${worker.name} (${worker.key}); times from navigation start`);
  for (const m of list.filter((x) => x.ph === 'R' || x.ph === 'I' || x.ph === 'n'))
    console.log(`  ${rel(m.ts)}  ${m.name}`);
  // Measures: begin/end pairs (ph 'b'/'e') of user timing.
  const measures = new Map();
  for (const e of events) {
    if (`${e.pid}:${e.tid}` !== worker.key || !e.cat?.includes('user_timing') || !e.name.startsWith('prodready:'))
      continue;
    if (e.ph === 'b') measures.set(e.name, { start: e.ts });
    if (e.ph === 'e' && measures.has(e.name)) measures.get(e.name).end = e.ts;
  }
  for (const [name, { start, end }] of measures)
    console.log(`  ${rel(start)} → ${rel(end)}  ${((end - start) / 1000).toFixed(0).padStart(5)} ms  ${name}`);

  const profile = cpuProfile(events, worker.key);
  const spans = [];
  const restoreStart = at('prodready:boot:wasm-instantiated');
  const restoreEnd = at('prodready:boot:restored');
  const first = list[0]?.ts;
  const last = at('prodready:boot:ready');
  if (first && last) spans.push(['whole boot (worker)', first, last]);
  if (restoreStart && restoreEnd) spans.push(['wasm instantiated → restored', restoreStart, restoreEnd]);
  if (restoreEnd && last) spans.push(['restored → ready', restoreEnd, last]);
  for (const [label, from, to] of spans) {
    console.log(`\n${label}: ${((to - from) / 1000).toFixed(0)} ms`);
    if (profile) {
      const { totals, functions } = breakdown(profile, from, to);
      for (const [k, us] of [...totals].sort((a, b) => b[1] - a[1]))
        console.log(`  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`);
      console.log('  top functions (self time):');
      for (const [fn, us] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, 15))
        console.log(`    ${(us / 1000).toFixed(0).padStart(6)} ms  ${fn}`);
    }
    const v8 = v8Events(events, worker.key, from, to);
    console.log('  V8 trace events on the worker thread (summed duration, may nest):');
    for (const [name, { count, ms }] of [...v8].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15))
      console.log(`    ${ms.toFixed(0).padStart(6)} ms  ${String(count).padStart(5)}×  ${name}`);
  }
  // V8 compiles wasm on background threads too: its compile events anywhere in the renderer.
  const compile = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !/wasm/.test(e.cat ?? '') || e.ts < first || e.ts > last) continue;
    const entry = compile.get(e.name) ?? { count: 0, ms: 0 };
    entry.count++;
    entry.ms += (e.dur ?? 0) / 1000;
    compile.set(e.name, entry);
  }
  console.log('\nwasm events on all threads during the boot (summed):');
  for (const [name, { count, ms }] of [...compile].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15))
    console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${String(count).padStart(6)}×  ${name}`);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const { child, origin } = await startPreview(opts.port || 4415);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    console.log(
      `load average: ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
    );
    for (let run = 0; run < opts.runs; run++) {
      // A fresh context has an empty HTTP cache and wasm code cache; --warm boots once in it first.
      const context = await browser.newContext({ serviceWorkers: 'block' });
      if (opts.warm) {
        const page = await context.newPage();
        await page.goto(`${origin}/#/01-the-open-door`);
        await page.getByTestId('python-ready').waitFor({ timeout: 240_000 });
        await page.close();
      }
      const events = await tracedBoot(browser, context, `${origin}/#/01-the-open-door`);
      if (opts.out) fs.writeFileSync(run ? `${opts.out}.${run}` : opts.out, JSON.stringify(events));
      console.log(`\n=== ${opts.warm ? 'warm' : 'cold'} boot ${run + 1}/${opts.runs} ===`);
      report(events);
      await context.close();
    }
  } finally {
    await browser.close();
    child.kill();
  }
}

main().catch((error) => {
  console.error(`bench-profile: ${error.stack ?? error}`);
  process.exit(1);
});
