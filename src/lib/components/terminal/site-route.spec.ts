import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { ServingInfo } from '../../runtime/protocol';
import { parseCurl, type Command, type CurlRequest } from './commands';
import { FakeRuntime, okResponse } from './fake-runtime';
import { lessonFile } from '../../../cli/lessons-fs';
import { formatHops, planRequest, sendPlanned, VISITOR_ADDRESS, type RequestPlan } from './site-route';

const SERVING: ServingInfo = {
  server: 'gunicorn',
  host: '127.0.0.1',
  port: 8000,
  debug: false,
  debugger: false,
  console: false,
  pinDisabled: false,
  reloader: false,
  calledFrom: null,
  settings: {},
};

/** Plain http, like the lesson 05 starter. */
const HTTP_ONLY = `server {
    listen 80;
    server_name shop.example;
    location / { proxy_pass http://127.0.0.1:8000; }
}
`;

/** Redirect to https, TLS on 443, unknown names dropped: like the lesson 05 solution. */
const WITH_TLS = `server {
    listen 80 default_server;
    server_name _;
    return 444;
}
server {
    listen 80;
    server_name shop.example;
    return 301 https://$host$request_uri;
}
server {
    listen 443 ssl;
    server_name shop.example;
    ssl_certificate /etc/ssl/shop.pem;
    ssl_certificate_key /etc/ssl/shop.key;
    location / {
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_pass http://127.0.0.1:8000;
    }
}
`;

function curl(line: string): CurlRequest {
  const command = parseCurl(line.split(' ').slice(1));
  if (command.name !== 'curl')
    throw new Error(`not a curl: ${(command as Extract<Command, { name: 'error' }>).message}`);
  return command.request;
}

function nginxPlan(plan: RequestPlan): Extract<RequestPlan, { via: 'nginx' }> {
  expect(plan.via).toBe('nginx');
  return plan as Extract<RequestPlan, { via: 'nginx' }>;
}

const header = (headers: Array<[string, string]>, name: string) =>
  headers.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => v);

describe('planRequest', () => {
  it('sends straight to the app without an nginx config, URL reduced to its path', () => {
    expect(planRequest({ 'app.py': '' }, curl('curl -H X-A:1 http://localhost:5000/x?y=1'))).toEqual({
      via: 'app',
      request: { method: 'GET', path: '/x?y=1', headers: [['X-A', '1']] },
    });
  });

  it('takes a bare path as the site over plain http when nginx has no TLS server', () => {
    const plan = nginxPlan(planRequest({ 'nginx/shop.conf': HTTP_ONLY }, curl('curl -i /orders/abc')));
    expect(plan.url).toBe('http://shop.example/orders/abc');
    expect(plan.note).toMatch(/no TLS server on port 443/);
    expect(plan.request).toMatchObject({ scheme: 'http', path: '/orders/abc', client: VISITOR_ADDRESS });
    expect(plan.request.headers).toEqual([
      ['Host', 'shop.example'],
      ['User-Agent', 'curl/8.11.1'],
      ['Accept', '*/*'],
    ]);
  });

  it('takes a bare path as https when nginx serves TLS on 443', () => {
    const plan = nginxPlan(planRequest({ 'nginx/shop.conf': WITH_TLS }, curl('curl /')));
    expect(plan.url).toBe('https://shop.example/');
    expect(plan.request.scheme).toBe('https');
    expect(plan.note).toBeNull();
  });

  it('follows a full URL: scheme, Host, and -H replacing curl defaults', () => {
    const plan = nginxPlan(
      planRequest(
        { 'nginx/shop.conf': WITH_TLS },
        curl('curl -H Host:evil.test -H X-Forwarded-For:10.6.6.6 http://shop.example/a'),
      ),
    );
    expect(plan.url).toBe('http://shop.example/a');
    expect(plan.request.scheme).toBe('http');
    expect(header(plan.request.headers, 'host')).toEqual(['evil.test']);
    expect(header(plan.request.headers, 'x-forwarded-for')).toEqual(['10.6.6.6']);
    expect(header(plan.request.headers, 'user-agent')).toEqual(['curl/8.11.1']);
  });

  it('refuses ports nginx does not listen on from outside', () => {
    const plan = planRequest({ 'nginx/shop.conf': HTTP_ONLY }, curl('curl http://shop.example:8000/'));
    expect(plan).toEqual({ via: 'none', message: expect.stringMatching(/^curl: \(7\) .*shop\.example port 8000/) });
  });

  it('reports an nginx config that does not parse like nginx -t, with file and line', () => {
    const plan = planRequest({ 'nginx/shop.conf': 'server {\n    listen 80\n}\n' }, curl('curl /'));
    expect(plan.via).toBe('none');
    expect((plan as { message: string }).message).toMatch(/^nginx: \[emerg\] .+ in nginx\/shop\.conf:3\n.*test failed/);
  });
});

describe('sendPlanned', () => {
  it('goes to the app server directly with no hops; its log streams on its own', async () => {
    const runtime = new FakeRuntime();
    runtime.answer = () => okResponse({ log: 'GET / 200\n' });
    const exchange = await sendPlanned(runtime, 'terminal', SERVING, planRequest({}, curl('curl /')));
    expect(runtime.requests).toEqual([{ session: 'terminal', request: { method: 'GET', path: '/', headers: [] } }]);
    expect(exchange).toMatchObject({ failure: null, hops: [], response: { status: 200, body: 'hi' } });
    expect(exchange.response).not.toHaveProperty('log');
  });

  it("remembers limit_req between a session's curls: six pasted at once, the sixth refused", async () => {
    const limited = `limit_req_zone $binary_remote_addr zone=login:10m rate=5r/s;\n${HTTP_ONLY.replace(
      'location / {',
      'location = /login { limit_req zone=login burst=4 nodelay; limit_req_status 429; proxy_pass http://127.0.0.1:8000; }\n    location / {',
    )}`;
    const runtime = new FakeRuntime();
    const statuses: number[] = [];
    for (let n = 1; n <= 6; n++) {
      const plan = planRequest({ 'nginx/shop.conf': limited }, curl(`curl -d user=admin&password=guess${n} -H X-Forwarded-For:10.0.0.${n} /login`)); // prettier-ignore
      statuses.push((await sendPlanned(runtime, 'limits', SERVING, plan)).response?.status ?? 0);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(runtime.requests).toHaveLength(5);
  });

  it('proxies to the app from nginx, which logs the visitor; the app logs what it saw', async () => {
    const runtime = new FakeRuntime();
    runtime.answer = () => okResponse({ log: 'app line\n' });
    const plan = planRequest({ 'nginx/shop.conf': WITH_TLS }, curl('curl -H X-Forwarded-For:10.6.6.6 /orders/1'));
    const exchange = await sendPlanned(runtime, 'terminal', SERVING, plan);
    const sent = runtime.requests[0]!.request;
    expect(sent.client).toBe('127.0.0.1');
    // $proxy_add_x_forwarded_for appends the visitor to the forgery: the app must count hops.
    expect(header(sent.headers, 'x-forwarded-for')).toEqual([`10.6.6.6, ${VISITOR_ADDRESS}`]);
    expect(exchange.hops.map((h) => h.name)).toEqual(['nginx', 'app']);
    expect(exchange.hops[0]!.log).toMatch(/^198\.51\.100\.23 - - \[.+\] "GET \/orders\/1 HTTP\/1\.1" 200 2 /);
    expect(exchange.hops[1]!.log).toBe('app line\n');
  });

  it('fills in the reason of a redirect nginx answers itself, and shows only the nginx hop', async () => {
    const runtime = new FakeRuntime();
    const plan = planRequest({ 'nginx/shop.conf': WITH_TLS }, curl('curl -i http://shop.example/x'));
    const exchange = await sendPlanned(runtime, 'terminal', SERVING, plan);
    expect(runtime.requests).toEqual([]);
    expect(exchange.response).toMatchObject({ status: 301, reason: 'Moved Permanently' });
    expect(header(exchange.response!.headers, 'location')).toEqual(['https://shop.example/x']);
    // Once, as nginx sends it (curl -I showed it twice).
    expect(header(exchange.response!.headers, 'server')).toEqual(['nginx/1.22.1']);
    expect(exchange.hops.map((h) => h.name)).toEqual(['nginx']);
  });

  it("turns nginx's 444 into curl's empty reply, with nginx's log line", async () => {
    const plan = planRequest({ 'nginx/shop.conf': WITH_TLS }, curl('curl -H Host:evil.test http://shop.example/'));
    const exchange = await sendPlanned(new FakeRuntime(), 'terminal', SERVING, plan);
    expect(exchange.response).toBeNull();
    expect(exchange.failure).toBe('curl: (52) Empty reply from server');
    expect(exchange.hops[0]!.log).toContain('" 444 0 ');
  });

  it('says the connection was refused for https to an nginx without TLS', async () => {
    const plan = planRequest({ 'nginx/shop.conf': HTTP_ONLY }, curl('curl https://shop.example/'));
    const exchange = await sendPlanned(new FakeRuntime(), 'terminal', SERVING, plan);
    expect(exchange).toMatchObject({ response: null, hops: [] });
    expect(exchange.failure).toBe(
      'curl: (7) Failed to connect to shop.example port 443: Connection refused (nothing listens on port 443)',
    );
  });

  it('says the TLS handshake failed when port 443 speaks plain http', async () => {
    const conf = 'server { listen 443; server_name shop.example; location / { proxy_pass http://127.0.0.1:8000; } }';
    const plan = planRequest({ 'nginx/shop.conf': conf }, curl('curl https://shop.example/'));
    const exchange = await sendPlanned(new FakeRuntime(), 'terminal', SERVING, plan);
    expect(exchange).toMatchObject({ response: null, hops: [], failure: expect.stringMatching(/^curl: \(35\) /) });
  });

  it('explains a 502 when the app server listens elsewhere', async () => {
    const runtime = new FakeRuntime();
    const plan = planRequest({ 'nginx/shop.conf': HTTP_ONLY }, curl('curl /'));
    const exchange = await sendPlanned(runtime, 'terminal', { ...SERVING, port: 5000 }, plan);
    expect(runtime.requests).toEqual([]);
    expect(exchange.response?.status).toBe(502);
    expect(exchange.hops.map((h) => h.name)).toEqual(['nginx', 'nginx']);
    expect(exchange.hops[1]!.log).toContain('(the app server listens on 127.0.0.1:5000)');
    expect(exchange.note).toMatch(/same address and port/);
  });
});

describe('formatHops', () => {
  it('labels every line with its hop and marks an empty log', () => {
    const text = formatHops([
      { name: 'nginx', log: 'n1' },
      { name: 'app', log: 'a1\na2\n' },
      { name: 'app', log: '' },
    ]);
    // eslint-disable-next-line no-control-regex -- colours are dropped to compare the text
    expect(text.replace(/\x1b\[\d+m/g, '')).toBe('nginx  │ n1\napp    │ a1\napp    │ a2\napp    │ (logged nothing)\n');
  });
});

describe('curl through an Apache site (apache/*.conf, lesson 12)', () => {
  const SITE = `ProxyRequests On
<VirtualHost *:80>
    ServerName shop.example
    RequestHeader set X-Forwarded-Proto "https"
    ProxyPass / http://127.0.0.1:8000/
</VirtualHost>
`;
  const curl = (line: string[]) => (parseCurl(line) as Extract<Command, { name: 'curl' }>).request;

  it('goes through Apache, and the app gets what mod_proxy_http appends', async () => {
    const plan = planRequest({ 'apache/shop.conf': SITE }, curl(['-H', 'X-Forwarded-For: 10.6.6.6', '/']));
    expect(plan.via).toBe('apache');
    const runtime = new FakeRuntime();
    const exchange = await sendPlanned(runtime, 'terminal', SERVING, plan);
    const sent = runtime.requests[0]?.request;
    expect(sent?.headers).toContainEqual(['X-Forwarded-For', `10.6.6.6, ${VISITOR_ADDRESS}`]);
    expect(sent?.headers).toContainEqual(['X-Forwarded-Proto', 'https']);
    expect(exchange.hops.map((hop) => hop.name)).toEqual(['apache', 'app']);
    expect(exchange.hops[0]?.log).toMatch(/^shop\.example:80 198\.51\.100\.23 - - \[/);
    expect(formatHops(exchange.hops)).toContain('apache │');
  });

  it('with ProxyRequests On, fetches the URL a --request-target names, and says so', async () => {
    const plan = planRequest(
      { 'apache/shop.conf': SITE },
      curl(['--request-target', 'http://169.254.169.254/latest/meta-data/', 'http://shop.example/']),
    );
    const runtime = new FakeRuntime();
    const exchange = await sendPlanned(runtime, 'terminal', SERVING, plan);
    expect(runtime.requests).toHaveLength(0);
    expect(exchange.response?.status).toBe(200);
    expect(exchange.note).toContain('open proxy');
  });

  it('a site apachectl -t refuses sends nothing and says why, at its line', () => {
    const plan = planRequest({ 'apache/shop.conf': 'Listen 80\n' }, curl(['/']));
    expect(plan.via === 'none' && plan.message).toContain(
      'Syntax error on line 1 of apache/shop.conf:\nCannot define multiple Listeners on the same IP:port',
    );
  });
});

describe("lesson 12's banner attack through the virtual Apache", () => {
  const starter = {
    'apache/shop.conf': lessonFile(
      join(import.meta.dirname, '../../../../lessons/12-apache-proxy'),
      'starter/apache/shop.conf',
    ),
  };

  it("an answer Apache makes itself (%2f, AllowEncodedSlashes Off) names Debian's version; the app's keeps its own", async () => {
    const runtime = new FakeRuntime();
    const own = await sendPlanned(runtime, 'terminal', SERVING, planRequest(starter, curl('curl -i https://shop.example/%2f'))); // prettier-ignore
    expect(runtime.requests).toEqual([]);
    expect(own.response?.status).toBe(404);
    expect(header(own.response?.headers ?? [], 'Server')).toEqual(['Apache/2.4.71 (Debian)']);
    expect(own.response?.body).toContain('Apache/2.4.71 (Debian) Server at shop.example Port 443');
    runtime.answer = () => okResponse({ headers: [['Server', 'gunicorn']] });
    const proxied = await sendPlanned(runtime, 'terminal', SERVING, planRequest(starter, curl('curl -i https://shop.example/'))); // prettier-ignore
    expect(header(proxied.response?.headers ?? [], 'Server')).toEqual(['gunicorn']);
  });
});
