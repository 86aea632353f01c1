/**
 * The attacker's view of a response. A raw Werkzeug debugger page is 14 kB of HTML nobody reads in
 * a terminal; what an attacker takes from it is the plain-text traceback (file paths, code) and any
 * secret in the code or the error message. This module pulls those out and marks them with ANSI.
 * Pure: strings in, strings out.
 */

const RESET = '\x1b[0m';
const PATH_STYLE = '\x1b[1;33m'; // bold yellow
const SECRET_STYLE = '\x1b[1;31m'; // bold red
const NOTE_STYLE = '\x1b[1;36m'; // bold cyan

/** Werkzeug's debugger page carries a copy/paste friendly traceback in a `<textarea>` under `div.plain`. */
export function isWerkzeugDebuggerPage(body: string): boolean {
  return body.includes('<textarea') && (body.includes('Copy/Paste friendly') || body.includes('// Werkzeug Debugger'));
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decode the HTML entities Werkzeug's escaping produces (named basics, decimal and hex references). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** The plain-text traceback of a debugger page, or null when the page has none. */
export function extractPlainTraceback(html: string): string | null {
  const plain = html.indexOf('class="plain"');
  // indexOf rather than a regex: `<textarea[^>]*>[\s\S]*?</textarea>` retried from every
  // `<textarea` of a page that never closes one is quadratic.
  const open = html.indexOf('<textarea', plain === -1 ? 0 : plain);
  const tagEnd = open === -1 ? -1 : html.indexOf('>', open);
  const close = tagEnd === -1 ? -1 : html.indexOf('</textarea>', tagEnd);
  if (close === -1) return null;
  return decodeEntities(html.slice(tagEnd + 1, close)).trimEnd();
}

export interface SourceLine {
  file: string;
  line: number;
  text: string;
}

/**
 * The source lines the page shows around each frame (Werkzeug renders a few lines before the
 * failing one). They are visible to anyone who gets the page, even when the traceback text is not.
 */
export function extractFrameSources(html: string): SourceLine[] {
  const lines: SourceLine[] = [];
  // Frame by frame, each regex confined to the text between one frame's <cite> and the next: a
  // lazy `[\s\S]*?` over the whole page rescans the rest of it from every frame (quadratic on a
  // hostile page full of unclosed frames).
  const marker = '<cite class="filename">';
  const starts: number[] = [];
  for (let at = html.indexOf(marker); at !== -1; at = html.indexOf(marker, at + marker.length)) starts.push(at);
  const frame =
    /^<cite class="filename">([\s\S]*?)<\/cite>,\s*line <em class="line">(\d+)<\/em>[\s\S]*?<div class="source[^"]*">([\s\S]*?)<\/div>/;
  starts.forEach((start, index) => {
    const m = frame.exec(html.slice(start, starts[index + 1] ?? html.length));
    if (!m) return;
    const file = decodeEntities(stripTags(m[1]!)).replace(/^"|"$/g, '');
    const current = Number(m[2]);
    const pres = [...m[3]!.matchAll(/<pre class="line (before|current|after)">([\s\S]*?)<\/pre>/g)];
    const currentIndex = pres.findIndex((p) => p[1] === 'current');
    pres.forEach((p, i) => {
      // The current line carries the caret markers on a second line; keep the code only.
      const text = decodeEntities(stripTags(p[2]!)).split('\n')[0]!;
      lines.push({ file, line: current + i - (currentIndex === -1 ? 0 : currentIndex), text });
    });
  });
  return lines;
}

function stripTags(html: string): string {
  return html.replace(/<[^>]*>/g, '');
}

export interface SecretSpan {
  start: number;
  end: number;
  value: string;
}

const SECRET_NAME = /secret|passw(or)?d|passwd|token|api[_-]?key|private[_-]?key|access[_-]?key|credential/i;

/**
 * Spans of a text that look like leaked secrets:
 * - the quoted value assigned to a secret-like name (`SECRET_KEY = '…'`, `app.secret_key = "…"`,
 *   `app.config['SECRET_KEY'] = '…'`, `"password": "…"`),
 * - the fallback default of a secret read from the environment (`os.environ.get('SECRET_KEY', '…')`),
 * - an unquoted `SECRET_KEY=…` as in env files, unit files and logs,
 * - a URL with a password in it (`postgres://user:pass@host/db`).
 */
export function findSecrets(text: string): SecretSpan[] {
  const spans: SecretSpan[] = [];
  const add = (start: number, value: string) => {
    if (value.length < 3) return; // '' or 'x' are placeholders, not secrets
    spans.push({ start, end: start + value.length, value });
  };

  // name = 'value'   name: "value"   ['NAME'] = 'value'
  // A name only starts where a word starts (the lookbehind): without it every position inside a
  // long run of letters starts a scan to the run's end, quadratic (50 kB of letters took seconds).
  const assignment =
    /((?<![\w.])[A-Za-z_][\w.]*(?:\[\s*['"][^'"\n]+['"]\s*\])?|['"][^'"\n]+['"])\s*[:=]\s*(['"])([^'"\n]*)\2/g;
  for (const m of text.matchAll(assignment)) {
    if (!SECRET_NAME.test(m[1]!)) continue;
    add(m.index + m[0].length - m[3]!.length - 1, m[3]!);
  }
  // environ.get('SECRET_KEY', 'fallback')   getenv("TOKEN", "fallback")
  const fallback = /(?:environ\.get|getenv)\(\s*['"]([^'"\n]+)['"]\s*,\s*(['"])([^'"\n]*)\2/g;
  for (const m of text.matchAll(fallback)) {
    if (!SECRET_NAME.test(m[1]!)) continue;
    add(m.index + m[0].length - m[3]!.length - 1, m[3]!);
  }
  // SECRET_KEY=value (unquoted)
  const envLine = /\b([A-Z][A-Z0-9_]*)=([^\s'"]+)/g;
  for (const m of text.matchAll(envLine)) {
    if (!SECRET_NAME.test(m[1]!)) continue;
    add(m.index + m[1]!.length + 1, m[2]!);
  }
  // scheme://user:password@host...
  const credentialUrl = /(?<![a-z0-9+.-])[a-z][a-z0-9+.-]*:\/\/[^\s:/@'"]+:[^\s@/'"]+@[^\s'"<>]+/gi;
  for (const m of text.matchAll(credentialUrl)) add(m.index, m[0]);

  return mergeSpans(spans);
}

function mergeSpans(spans: SecretSpan[]): SecretSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: SecretSpan[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) {
      if (span.end > last.end) {
        last.end = span.end;
        last.value = '';
      }
      continue;
    }
    merged.push({ ...span });
  }
  return merged;
}

const FILE_LINE = /^\s*File "[^"]+", line \d+/;

/**
 * Mark a text for the terminal: traceback lines that name a file in bold yellow, secrets in bold
 * red (inside a yellow line the yellow resumes after the secret). Line ends stay `\n`.
 */
export function highlightLeaks(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const base = FILE_LINE.test(line) ? PATH_STYLE : '';
      let out = '';
      let at = 0;
      for (const span of findSecrets(line)) {
        out += line.slice(at, span.start) + SECRET_STYLE + line.slice(span.start, span.end) + RESET + base;
        at = span.end;
      }
      out += line.slice(at);
      return base || out !== line ? `${base}${out}${RESET}` : line;
    })
    .join('\n');
}

/**
 * What the terminal prints for a debugger page: a one-line note, the plain traceback (highlighted),
 * then any secret-looking source lines the page shows around its frames that the traceback does not.
 * Null when the body is not a debugger page.
 */
export function attackerView(body: string): string | null {
  if (!isWerkzeugDebuggerPage(body)) return null;
  const traceback = extractPlainTraceback(body);
  if (traceback === null) return null;
  const consoleOpen = /EVALEX\s*=\s*true/.test(body);
  const noPin = /EVALEX_TRUSTED\s*=\s*true/.test(body);
  const consoleNote = consoleOpen
    ? noPin
      ? ' Its Python console is open to anyone: no PIN.'
      : ' Its Python console is behind a PIN.'
    : '';
  const out = [
    `${NOTE_STYLE}* This is Werkzeug's interactive debugger page (${body.length} bytes of HTML).${consoleNote} Its traceback, as an attacker reads it:${RESET}`,
    highlightLeaks(traceback),
  ];
  const seen = new Set<string>();
  const extra = extractFrameSources(body).filter((s) => {
    const key = `${s.file}:${s.line}`;
    if (seen.has(key) || findSecrets(s.text).length === 0 || traceback.includes(s.text.trim())) return false;
    seen.add(key);
    return true;
  });
  if (extra.length > 0) {
    out.push(`${NOTE_STYLE}* The page also shows the source around each frame, secrets included:${RESET}`);
    for (const s of extra) out.push(`  ${PATH_STYLE}${s.file}:${s.line}${RESET}  ${highlightLeaks(s.text.trim())}`);
  }
  return out.join('\n');
}
