import { describe, expect, it } from 'vitest';
import { parseSite } from './debian-site';
import { LimitReqState } from './limit-req';
import { virtualProxy, type ProxyDecision } from './proxy';

const site = (zone: string, limit: string, extra = '') =>
  parseSite(
    `limit_req_zone ${zone} zone=login:10m rate=5r/s;\nserver {\n    listen 80;\n    server_name shop.example;\n` +
      `    location = /login {\n        ${limit}\n${extra}        proxy_pass http://127.0.0.1:8000;\n    }\n}\n`,
    'nginx/site.conf',
  );

/** Statuses of `count` requests at the times given (ms), 0 for one that nginx passes to the app. */
function replay(
  config: ReturnType<typeof site>,
  times: number[],
  client = (_n: number) => '198.51.100.7',
  xff = false,
) {
  const limits = new LimitReqState();
  return times.map((now, n) => {
    const decision: ProxyDecision = virtualProxy(
      config,
      {
        scheme: 'http',
        port: 80,
        method: 'POST',
        path: '/login',
        headers: [
          ['Host', 'shop.example'],
          ...(xff ? ([['X-Forwarded-For', `10.0.0.${n}`]] as [string, string][]) : []),
        ],
        client: client(n),
      },
      { limits, now },
    );
    return decision.kind === 'proxy' ? 0 : decision.kind === 'return' ? decision.status : -1;
  });
}

const together = (n: number) => Array<number>(n).fill(1000);

describe('limit_req', () => {
  it('passes burst+1 requests that arrive together and refuses the next with 503', () => {
    expect(replay(site('$binary_remote_addr', 'limit_req zone=login burst=4 nodelay;'), together(6))).toEqual([
      0, 0, 0, 0, 0, 503,
    ]);
  });

  it('answers limit_req_status', () => {
    const config = site('$binary_remote_addr', 'limit_req zone=login burst=1;', '        limit_req_status 429;\n');
    expect(replay(config, together(3))).toEqual([0, 0, 429]);
  });

  it('drains at the rate: one request every 200 ms at 5r/s is never refused', () => {
    expect(replay(site('$binary_remote_addr', 'limit_req zone=login;'), [0, 200, 400, 600, 800, 1000])).toEqual([
      0, 0, 0, 0, 0, 0,
    ]);
    expect(replay(site('$binary_remote_addr', 'limit_req zone=login;'), [0, 100])).toEqual([0, 503]);
  });

  it('holds requests beyond delay= and refuses only beyond burst=', () => {
    const config = site('$binary_remote_addr', 'limit_req zone=login burst=3;');
    const limits = new LimitReqState();
    const send = () => virtualProxy(config, { scheme: 'http', port: 80, method: 'POST', path: '/login', headers: [['Host', 'shop.example']], client: '198.51.100.7' }, { limits, now: 0 }); // prettier-ignore
    expect([send(), send(), send(), send(), send()].map((d) => [d.kind, d.delayMs])).toEqual([
      ['proxy', 0],
      ['proxy', 200],
      ['proxy', 400],
      ['proxy', 600],
      ['return', 0],
    ]);
  });

  it('counts per key: a key the client writes gives every forged value its own bucket', () => {
    expect(
      replay(site('$http_x_forwarded_for', 'limit_req zone=login burst=4 nodelay;'), together(8), undefined, true),
    ).toEqual(Array<number>(8).fill(0));
    expect(
      replay(site('$binary_remote_addr', 'limit_req zone=login burst=4 nodelay;'), together(8), undefined, true),
    ).toContain(503);
  });

  it('does not count a request whose key is empty, and counts each client apart', () => {
    expect(replay(site('$http_x_forwarded_for', 'limit_req zone=login;'), together(4))).toEqual([0, 0, 0, 0]);
    expect(replay(site('$binary_remote_addr', 'limit_req zone=login;'), together(3), (n) => `198.51.100.${n}`)).toEqual(
      [0, 0, 0],
    );
  });

  it('refuses nothing in a dry run', () => {
    const config = site('$binary_remote_addr', 'limit_req zone=login;', '        limit_req_dry_run on;\n');
    expect(replay(config, together(3))).toEqual([0, 0, 0]);
  });
});
