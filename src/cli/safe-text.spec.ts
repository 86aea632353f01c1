import { describe, expect, test } from 'vitest';
import { escapeControls, safeJson } from './safe-text';

describe('escapeControls', () => {
  test('ESC sequences, newlines and bells are shown, not obeyed', () => {
    expect(escapeControls('a\u001b[2J\nNo findings\r\u0007')).toBe('a\\e[2J\\nNo findings\\r\\x07');
  });

  test('C1 controls (CSI as one character), DEL and bidirectional overrides', () => {
    expect(escapeControls('x\u009b2J\u007f\u202eevil\u2066')).toBe('x\\x9b2J\\x7f\\u202eevil\\u2066');
  });

  test('tabs, accents and ordinary text stay as they are', () => {
    expect(escapeControls('café\tok — “quoted”')).toBe('café\tok — “quoted”');
  });
});

describe('safeJson', () => {
  test('C1 and bidirectional characters become JSON escapes, and the value is the same', () => {
    const value = { message: 'x\u009b2J\u202e\u001b[0m' };
    const text = safeJson(value);
    // eslint-disable-next-line no-control-regex -- the point: none of them raw
    expect(text).not.toMatch(/[\u001b\u009b\u202e]/);
    expect(text).toContain('\\u009b');
    expect(text).toContain('\\u202e');
    expect(JSON.parse(text)).toEqual(value);
  });
});
