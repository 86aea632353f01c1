import { describe, expect, it } from 'vitest';
import { pcreToRegExp, UnsupportedRegexError } from './regex';

describe('pcreToRegExp', () => {
  it('converts named groups in both PCRE spellings', () => {
    expect(pcreToRegExp('^/u/(?P<id>\\d+)$').exec('/u/42')?.groups).toEqual({ id: '42' });
    expect(pcreToRegExp("^/u/(?'id'\\d+)$").exec('/u/7')?.groups).toEqual({ id: '7' });
    expect(pcreToRegExp('^/u/(?<id>\\d+)$').exec('/u/1')?.groups).toEqual({ id: '1' });
  });

  it('handles case-insensitivity, a leading (?i), anchors and POSIX classes', () => {
    expect(pcreToRegExp('\\.PNG$', true).test('/a.png')).toBe(true);
    expect(pcreToRegExp('(?i)^/ADMIN').test('/admin')).toBe(true);
    expect(pcreToRegExp('\\A/x\\z').test('/x')).toBe(true);
    expect(pcreToRegExp('^[[:alpha:]]+$').test('abc')).toBe(true);
    expect(pcreToRegExp('^[]a]$').test(']')).toBe(true);
    expect(pcreToRegExp('^/x(?#comment)y$').test('/xy')).toBe(true);
  });

  it.each([
    ['a++', /possessive/],
    ['(?>a)', /atomic/],
    ['\\Qa.b\\E', /\\Q/],
    ['a(?i)b', /inline options/],
    ['(?R)', /inline options/],
    ['\\Ga', /\\G/],
    ['(unclosed', /Unterminated group|Invalid regular expression/],
  ])('rejects %s with a reason', (pattern, reason) => {
    expect(() => pcreToRegExp(pattern)).toThrow(UnsupportedRegexError);
    expect(() => pcreToRegExp(pattern)).toThrow(reason);
  });
});
