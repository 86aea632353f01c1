import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { HttpResponse } from '../../runtime/protocol';
import { CURL_BODY_LIMIT, formatCurlOutput } from './curl-output';

const response = (over: Partial<HttpResponse> = {}): HttpResponse => ({
  status: 200,
  reason: 'OK',
  headers: [
    ['Content-Type', 'text/plain; charset=utf-8'],
    ['Content-Length', '5'],
  ],
  body: 'hello',
  log: '',
  interrupted: false,
  ...over,
});
// eslint-disable-next-line no-control-regex -- ANSI and terminal escapes are what this matches
const stripAnsi = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

describe('formatCurlOutput', () => {
  it('prints the body only by default, ending with a newline', () => {
    expect(formatCurlOutput(response(), { include: false, headOnly: false })).toBe('hello\n');
  });

  it('prints the status line and headers with -i', () => {
    const out = formatCurlOutput(response({ status: 500, reason: 'INTERNAL SERVER ERROR', body: 'x\n' }), {
      include: true,
      headOnly: false,
    });
    expect(out).toBe(
      'HTTP/1.1 500 INTERNAL SERVER ERROR\nContent-Type: text/plain; charset=utf-8\nContent-Length: 5\n\nx\n',
    );
  });

  it('prints headers only with -I', () => {
    expect(formatCurlOutput(response(), { include: true, headOnly: true })).toMatch(/Content-Length: 5\n\n$/);
  });

  it('shows a debugger page as its traceback', () => {
    const page = readFileSync(new URL('./fixtures/debugger-keyerror.html', import.meta.url), 'utf8');
    const out = stripAnsi(formatCurlOutput(response({ status: 500, body: page }), { include: false, headOnly: false }));
    expect(out).toContain('Traceback (most recent call last):');
    expect(out).not.toContain('<html');
  });

  it('marks secrets in a plain body', () => {
    const out = formatCurlOutput(response({ body: '{"secret_key": "abc123"}' }), { include: false, headOnly: false });
    expect(out).toContain('\x1b[1;31mabc123\x1b[0m');
  });

  it('says when the request was stopped', () => {
    expect(formatCurlOutput(response({ interrupted: true }), { include: true, headOnly: false })).toContain('stopped');
  });

  it("never passes the app's escape sequences to the terminal, in the body or the headers", () => {
    const out = formatCurlOutput(
      response({
        reason: 'OK\x1b[2J',
        headers: [['X-Evil', '\x1b]8;;https://evil.example\x07link\x1b]8;;\x07']],
        body: 'line\x1b[1A\x1b[2Kforged\x1b[c\x1b[6n',
      }),
      { include: true, headOnly: false },
    );
    expect(out).toBe('HTTP/1.1 200 OK\nX-Evil: link\n\nlineforged\n');
  });

  it('cuts a large body, says so, and stays fast on bodies built to make the highlighter backtrack', () => {
    const hostile = [
      'a'.repeat(5_000_000),
      'a.'.repeat(2_500_000),
      '<textarea>Copy/Paste friendly <cite class="filename">'.repeat(100_000),
      ' '.repeat(2_000_000) + 'x',
    ];
    for (const body of hostile) {
      const started = performance.now();
      const out = stripAnsi(formatCurlOutput(response({ body }), { include: false, headOnly: false }));
      expect(performance.now() - started).toBeLessThan(1500);
      expect(out.length).toBeLessThan(CURL_BODY_LIMIT + 200);
      expect(out).toMatch(/body cut: the terminal shows the first 64 kB of [\d.]+ MB/);
    }
  });

  it('highlights a body just under the limit in well under a second', () => {
    const body = ('x'.repeat(200) + ' password = "hunter22"\n').repeat(Math.floor(CURL_BODY_LIMIT / 224));
    const started = performance.now();
    const out = formatCurlOutput(response({ body }), { include: false, headOnly: false });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(out).toContain('\x1b[1;31mhunter22\x1b[0m');
    expect(out).not.toContain('body cut');
  });
});
