import { describe, expect, it } from 'vitest';
import { formatCombined, timeLocal } from './access-log';

describe('access log', () => {
  const time = new Date(Date.UTC(2025, 10, 28, 13, 5, 9));

  it('formats $time_local', () => {
    expect(timeLocal(time)).toBe('28/Nov/2025:13:05:09 +0000');
    expect(timeLocal(time, 60)).toBe('28/Nov/2025:14:05:09 +0100');
    expect(timeLocal(time, -330)).toBe('28/Nov/2025:07:35:09 -0530');
  });

  it('writes the combined format with dashes for missing values and escapes quotes', () => {
    expect(
      formatCombined({
        remoteAddr: '203.0.113.9',
        time,
        request: 'GET /x HTTP/1.1',
        status: 200,
        bodyBytesSent: 612,
        userAgent: 'curl/8.1 "quoted"',
      }),
    ).toBe('203.0.113.9 - - [28/Nov/2025:13:05:09 +0000] "GET /x HTTP/1.1" 200 612 "-" "curl/8.1 \\x22quoted\\x22"');
  });
});
