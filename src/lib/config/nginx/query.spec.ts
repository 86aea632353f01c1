import { describe, expect, it } from 'vitest';
import { parseNginx } from './parse';
import {
  blocks,
  effectiveArrayDirective,
  effectiveDirective,
  httpBlocks,
  ifCondition,
  listens,
  parseListen,
  serverBlocks,
  serverNames,
} from './query';
import type { Directive } from './types';

const CONF = parseNginx(
  `http {
  server_tokens off;
  proxy_set_header Host $host;
  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
  add_header X-A a;
  server {
    listen 443 ssl http2 default_server;
    server_name example.com www.example.com;
    server_name extra.example.com;
    add_header X-B b always;
    location / { }
    location /api/ {
      proxy_set_header X-Request-Id $request_id;
      location /api/inner/ { server_tokens on; }
    }
  }
}`,
  'nginx.conf',
);
const http = httpBlocks(CONF)[0] as Directive;
const server = serverBlocks(CONF)[0] as Directive;
const [root, api] = blocks(server, 'location') as [Directive, Directive];
const inner = blocks(api, 'location')[0] as Directive;

describe('query', () => {
  it('finds http and server blocks, also at the top level of a site snippet', () => {
    expect(serverBlocks(CONF)).toHaveLength(1);
    const snippet = parseNginx('server { listen 80; }\nserver { listen 81; }', 'site.conf');
    expect(serverBlocks(snippet).map((s) => listens(s)[0]?.port)).toEqual([80, 81]);
  });

  it('collects server names across server_name directives', () => {
    expect(serverNames(server)).toEqual(['example.com', 'www.example.com', 'extra.example.com']);
  });

  it.each([
    ['listen 80;', { address: '*', port: 80, ssl: false, defaultServer: false }],
    ['listen 127.0.0.1:8080 default;', { address: '127.0.0.1', port: 8080, defaultServer: true }],
    ['listen [::]:443 ssl;', { address: '[::]', port: 443, ssl: true }],
    ['listen [::1];', { address: '[::1]', port: 80 }],
    ['listen localhost;', { address: 'localhost', port: 80 }],
    ['listen *:8000 ssl http2 proxy_protocol;', { address: '*', port: 8000, http2: true, proxyProtocol: true }],
    ['listen unix:/run/nginx.sock;', { unix: '/run/nginx.sock' }],
  ])('parses %s', (text, expected) => {
    const d = parseNginx(text, 'x').directives[0] as Directive;
    expect(parseListen(d)).toMatchObject(expected);
  });

  it('defaults to *:80 without a listen directive', () => {
    const s = serverBlocks(parseNginx('server { }', 'x'))[0] as Directive;
    expect(listens(s)).toMatchObject([{ address: '*', port: 80, directive: null }]);
  });

  it('inherits array directives only when the level has none of its own', () => {
    const names = (ds: Directive[]): string[] => ds.map((d) => d.args[0] as string);
    expect(names(effectiveArrayDirective([http, server, root], 'proxy_set_header'))).toEqual([
      'Host',
      'X-Forwarded-For',
    ]);
    expect(names(effectiveArrayDirective([http, server, api], 'proxy_set_header'))).toEqual(['X-Request-Id']);
    expect(names(effectiveArrayDirective([http, server, api, inner], 'proxy_set_header'))).toEqual(['X-Request-Id']);
    expect(names(effectiveArrayDirective([http, server, root], 'add_header'))).toEqual(['X-B']);
    expect(names(effectiveArrayDirective([http], 'add_header'))).toEqual(['X-A']);
    expect(effectiveArrayDirective([server], 'proxy_hide_header')).toEqual([]);
  });

  it('lets the innermost plain directive win', () => {
    expect(effectiveDirective([http, server, root], 'server_tokens')?.args).toEqual(['off']);
    expect(effectiveDirective([http, server, api, inner], 'server_tokens')?.args).toEqual(['on']);
    expect(effectiveDirective([http, server], 'ssl_protocols')).toBeUndefined();
  });

  it('strips the parentheses from if conditions', () => {
    const conds = parseNginx('if ($a = b) {}\nif ( $x ) {}\nif ($u ~ "^(x)") {}\nif (-f $f) {}', 'x').directives;
    expect(conds.map(ifCondition)).toEqual([['$a', '=', 'b'], ['$x'], ['$u', '~', '^(x)'], ['-f', '$f']]);
  });
});
