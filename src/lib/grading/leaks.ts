/**
 * Recognises what a response leaks. Used on bodies the app really sent, after an attack, so a
 * pattern here confirms behaviour rather than guessing from source text.
 */
import { PROJECT_DIR } from '../runtime/protocol';

const TRACEBACK_MARKERS: Array<[RegExp, string]> = [
  [/Traceback \(most recent call last\)/, 'a Python traceback'],
  [/__debugger__|class="?debugger"?|werkzeug\.debug/i, "Werkzeug's interactive debugger page"],
  [
    /File (?:<cite[^>]*>)?&?(?:quot;|")?\/[^\s"&]+\.py(?:&quot;|")?(?:<\/cite>)?,? line/,
    'source file paths and line numbers',
  ],
  [/\b[A-Z][A-Za-z]*(?:Error|Exception): /, 'exception text'],
];

/** What kind of traceback material the body carries, or null when it carries none. */
export function tracebackIn(body: string): string | null {
  for (const [pattern, label] of TRACEBACK_MARKERS) if (pattern.test(body)) return label;
  if (body.includes(PROJECT_DIR + '/')) return 'paths of the project on the server';
  return null;
}

/** Project source paths (e.g. /srv/shop/app.py) named in a body. */
export function projectPathsIn(body: string): string[] {
  const escaped = PROJECT_DIR.replace(/[/.]/g, '\\$&');
  const matches = body.match(new RegExp(`${escaped}/[\\w./-]+\\.py`, 'g')) ?? [];
  return [...new Set(matches)];
}
