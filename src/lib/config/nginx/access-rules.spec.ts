import { describe, expect, it } from 'vitest';
import { parseSite } from './debian-site';
import { accessVerdict, addressBytes, parseCidr, realClientAddress } from './access-rules';
import { serverBlocks } from './query';
import type { Directive } from './types';

/** The chain [server, location] of the first location in a one-server site. */
function chain(body: string): Directive[] {
  const server = serverBlocks(parseSite(`server {\n    listen 80;\n${body}}\n`, 'nginx/site.conf'))[0]!;
  const location = server.block!.find((d) => d.name === 'location');
  return location ? [server, location] : [server];
}

describe('allow and deny', () => {
  it('reads addresses and CIDRs as ngx_ptocidr does', () => {
    expect(addressBytes('127.0.0.1')).toEqual([127, 0, 0, 1]);
    expect(addressBytes('::1')).toEqual([...Array<number>(15).fill(0), 1]);
    expect(addressBytes('::ffff:10.0.0.1')?.slice(10)).toEqual([0xff, 0xff, 10, 0, 0, 1]);
    expect(addressBytes('256.0.0.1')).toBeNull();
    expect(parseCidr('10.0.0.0/33')).toBeNull();
    expect(parseCidr('2001:db8::/32')?.bits).toBe(32);
  });

  it('lets the first matching rule decide, in order', () => {
    const rules = chain('    location /h { allow 127.0.0.1; deny all; }\n');
    expect(accessVerdict(rules, '127.0.0.1').denied).toBe(false);
    expect(accessVerdict(rules, '127.0.0.2').denied).toBe(true);
    const reversed = chain('    location /h { deny all; allow 127.0.0.1; }\n');
    expect(accessVerdict(reversed, '127.0.0.1').denied).toBe(true);
  });

  it('lets in an address no rule matches: allow alone refuses nobody', () => {
    const verdict = accessVerdict(chain('    location /h { allow 127.0.0.1; }\n'), '203.0.113.5');
    expect(verdict).toEqual({ denied: false, rule: null });
  });

  it('matches CIDRs, IPv6 and IPv4-mapped clients', () => {
    const rules = chain('    location /h { allow 10.0.0.0/8; allow ::1; deny all; }\n');
    expect(accessVerdict(rules, '10.200.3.4').denied).toBe(false);
    expect(accessVerdict(rules, '11.0.0.1').denied).toBe(true);
    expect(accessVerdict(rules, '::1').denied).toBe(false);
    expect(accessVerdict(rules, '::ffff:10.1.1.1').denied).toBe(false);
  });

  it('inherits the whole list only into a level that has none', () => {
    const inherits = chain('    deny 127.0.0.2;\n    location /h { proxy_pass http://127.0.0.1:8000; }\n');
    expect(accessVerdict(inherits, '127.0.0.2').denied).toBe(true);
    const own = chain('    deny 127.0.0.2;\n    location /h { allow 127.0.0.1; }\n');
    expect(accessVerdict(own, '127.0.0.2').denied).toBe(false);
  });
});

describe('realip', () => {
  const xff: Array<[string, string]> = [['X-Forwarded-For', '10.6.6.6, 203.0.113.5']];
  it("takes X-Forwarded-For's last entry only from a trusted address", () => {
    const rules = chain('    set_real_ip_from 127.0.0.1;\n    real_ip_header X-Forwarded-For;\n');
    expect(realClientAddress(rules, '127.0.0.1', xff)).toBe('203.0.113.5');
    expect(realClientAddress(rules, '198.51.100.7', xff)).toBe('198.51.100.7');
  });

  it('trusting everyone hands $remote_addr to the client; recursive skips trusted entries', () => {
    const everyone = chain('    set_real_ip_from 0.0.0.0/0;\n    real_ip_header X-Forwarded-For;\n    real_ip_recursive on;\n'); // prettier-ignore
    expect(realClientAddress(everyone, '198.51.100.7', xff)).toBe('10.6.6.6');
    expect(realClientAddress(chain(''), '198.51.100.7', xff)).toBe('198.51.100.7');
  });
});
