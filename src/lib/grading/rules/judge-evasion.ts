/**
 * judge-evasion: the code production imports can tell that it is being judged (it imports Pyodide's
 * bridges or the harness, or tests for the Emscripten platform) and so can behave like a fixed app
 * only when judged, or rewrite what the judge reports. Read with Python's ast by a script the
 * harness runs in a session of its own (judge-evasion-scan.ts); the project's code is never imported.
 */
import type { Rule } from '../rule';
import { SCAN_COMMAND_VAR, SCAN_FILE, SCAN_MARKER, SCAN_SOURCE } from './judge-evasion-scan';

/** Its own session, so the app the other rules run is left alone. */
const SCAN_SESSION = 'judge-evasion';

interface Sniff {
  file: string;
  line: number;
  what: string;
}

export const judgeEvasion: Rule = {
  id: 'judge-evasion',
  scope: 'app',
  needs: { beforeRunning: true },
  severity: 'high',
  title: 'The code can tell it is being judged',
  explanation:
    'prodready runs the app in Pyodide (CPython compiled to WebAssembly for Emscripten). Code that imports ' +
    "Pyodide's modules (js, pyodide, pyodide_js) or the judge's own harness, or tests sys.platform, " +
    'platform.system() or sys.modules for Emscripten or Pyodide, can behave one way when judged and another ' +
    'in production, or rewrite what the judge reports: no result about such an app can be trusted.',
  fix: 'Remove the check or the import; production code has no reason to know about Pyodide or prodready.',
  references: [
    'https://pyodide.org/en/stable/usage/faq.html#how-to-detect-that-code-is-run-with-pyodide',
    'https://docs.python.org/3/library/sys.html#sys.platform',
  ],
  async evaluate(context) {
    const outcome = await context.runtime.call('run', {
      session: SCAN_SESSION,
      files: { ...context.files, [SCAN_FILE]: SCAN_SOURCE },
      command: `python ${SCAN_FILE}`,
      env: { [SCAN_COMMAND_VAR]: context.production.command },
    });
    await context.runtime.call('stop', { session: SCAN_SESSION });
    const line = outcome.log.split('\n').find((text) => text.startsWith(SCAN_MARKER));
    if (!line) {
      return { findings: [], inconclusive: `the code could not be read: ${outcome.exit?.message ?? 'no answer'}` };
    }
    const sniffs = JSON.parse(line.slice(SCAN_MARKER.length)) as Sniff[];
    return {
      findings: sniffs.map((sniff) => ({
        rule: 'judge-evasion',
        severity: 'high',
        message: `This code ${sniff.what}: code that can tell it is being judged can pass only when judged.`,
        file: sniff.file,
        line: sniff.line,
      })),
    };
  },
};
