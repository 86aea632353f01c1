import { describe, expect, it } from 'vitest';
import { headerValue, isHtml, normalizePath } from './content';

describe('preview content', () => {
  it('finds headers without regard to case', () => {
    expect(headerValue({ headers: [['content-type', 'text/html']] }, 'Content-Type')).toBe('text/html');
    expect(headerValue({ headers: [] }, 'Content-Type')).toBeNull();
  });

  it('treats only HTML as HTML', () => {
    expect(isHtml({ headers: [['Content-Type', 'text/html; charset=utf-8']] })).toBe(true);
    expect(isHtml({ headers: [['Content-Type', 'application/json']] })).toBe(false);
    expect(isHtml({ headers: [['Content-Type', 'text/htmlx']] })).toBe(false);
    expect(isHtml({ headers: [] })).toBe(false);
  });

  it('normalises the address bar', () => {
    expect(normalizePath('')).toBe('/');
    expect(normalizePath('orders/1')).toBe('/orders/1');
    expect(normalizePath(' /a?b=1 ')).toBe('/a?b=1');
    expect(normalizePath('http://localhost:5000/x')).toBe('/x');
    expect(normalizePath('http://localhost:5000')).toBe('/');
  });
});
