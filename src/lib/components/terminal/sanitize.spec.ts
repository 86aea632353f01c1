import { describe, expect, it } from 'vitest';
import { sanitizeForTerminal } from './sanitize';

describe('sanitizeForTerminal', () => {
  it('leaves plain text, tabs and line feeds alone and turns CRLF into LF', () => {
    expect(sanitizeForTerminal('a\tb\nc é ✓')).toBe('a\tb\nc é ✓');
    expect(sanitizeForTerminal('HTTP/1.1 200 OK\r\nX: 1\r\n')).toBe('HTTP/1.1 200 OK\nX: 1\n');
  });

  it('drops cursor movement, erase and scroll sequences whole', () => {
    expect(sanitizeForTerminal('ok\x1b[2A\x1b[2K\x1b[1;1Hforged\x1b[3J\x1b[?1049h')).toBe('okforged');
    expect(sanitizeForTerminal('\x1b7saved\x1b8\x1bc\x1b(B')).toBe('saved');
  });

  it('drops OSC strings (links, title, clipboard), ended by BEL or ST', () => {
    expect(sanitizeForTerminal('\x1b]8;;https://evil.example\x07click\x1b]8;;\x07')).toBe('click');
    expect(sanitizeForTerminal('\x1b]0;title\x1b\\x\x1b]52;c;cGF5bG9hZA==\x07y')).toBe('xy');
    expect(sanitizeForTerminal('\x1bP+q544e\x1b\\z')).toBe('z');
  });

  it('drops queries whose answers xterm would type into the prompt', () => {
    expect(sanitizeForTerminal('a\x1b[c\x1b[>c\x1b[6n\x1b[5n\x1b[18tb')).toBe('ab');
  });

  it('drops the C1 forms of CSI and OSC', () => {
    expect(sanitizeForTerminal('a\u009b2Jb\u009d8;;http://x\u009cc')).toBe('abc');
  });

  it('shows other control characters in caret notation instead of obeying them', () => {
    expect(sanitizeForTerminal('pass\rFAIL')).toBe('pass^MFAIL');
    expect(sanitizeForTerminal('abc\b\b\bxyz\x07\x7f')).toBe('abc^H^H^Hxyz^G^?');
    expect(sanitizeForTerminal('\u0085')).toBe('<U+0085>');
  });

  it('keeps colours only when asked, and never a colour sequence that hides a movement', () => {
    const log = '\x1b[1m\x1b[31mWARNING\x1b[0m: dev server';
    expect(sanitizeForTerminal(log)).toBe('WARNING: dev server');
    expect(sanitizeForTerminal(log, { keepColours: true })).toBe(log);
    expect(sanitizeForTerminal('\x1b[31;1H', { keepColours: true })).toBe('');
  });

  it('shows what follows an unterminated sequence instead of swallowing it', () => {
    expect(sanitizeForTerminal('a\x1b]8;;http://x no end')).toBe('a8;;http://x no end');
    expect(sanitizeForTerminal('tail\x1b')).toBe('tail');
    expect(sanitizeForTerminal('\x1b[12')).toBe('12');
  });

  it('is linear: 5 MB of escape-laden text in well under a second', () => {
    const body = '\x1b[2A\x1b]8;;x\x07\x1b['.repeat(400_000);
    const started = performance.now();
    const out = sanitizeForTerminal(body);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(out).not.toContain('\x1b');
  });
});
