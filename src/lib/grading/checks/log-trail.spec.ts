import { describe, expect, test } from 'vitest';
import { firstAddress } from './log-trail';

describe('the first address of a log line, the one readers take for the client', () => {
  test.each([
    ['198.51.100.23 - - [29/Nov/2026:13:02:15 +0000] "GET / HTTP/1.1" 200 348 "-" "curl/8.11.1"', '198.51.100.23'],
    ['10.6.6.6, 198.51.100.23 d355a1 - - [29/Nov/2026:13:02:15 +0000] "GET / HTTP/1.1"', '10.6.6.6'],
    ['{"time":"2026-11-29T13:02:15+00:00","client":"198.51.100.23","request":"GET / HTTP/1.1"}', '198.51.100.23'],
    ['[2026-11-29 13:02:15,601] WARNING in app: 2001:db8::7 failed login', '2001:db8::7'],
    ['[29/Nov/2026:13:02:15 +0000] "GET / HTTP/1.1" 200 curl/8.11.1', undefined],
  ])('%s', (line, first) => {
    expect(firstAddress(line)).toBe(first);
  });
});
