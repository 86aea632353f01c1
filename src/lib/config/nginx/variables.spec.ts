import { describe, expect, it } from 'vitest';
import { evaluate, hostOf, variable, type VariableContext } from './variables';

const base: VariableContext = {
  scheme: 'https',
  method: 'POST',
  requestUri: '/a%20b/c?x=1&Y=2',
  uri: '/a b/c',
  args: 'x=1&Y=2',
  hasArgs: true,
  headers: [
    ['Host', 'Example.COM:8443'],
    ['X-Forwarded-For', '6.6.6.6'],
    ['Cookie', 'a=1'],
    ['cookie', 'session=abc'],
    ['User-Agent', 'curl/8'],
  ],
  remoteAddr: '203.0.113.9',
  serverPort: 8443,
  serverName: 'example.com',
  captures: ['/a b/c', 'a b'],
  named: { id: '42' },
  vars: new Map([['target', '/new']]),
};

describe('variables', () => {
  it('derives $host from Host without port, lowercased, else the server name', () => {
    expect(hostOf(base)).toBe('example.com');
    expect(hostOf({ ...base, headers: [['Host', '[::1]:8080']] })).toBe('[::1]');
    expect(hostOf({ ...base, headers: [] })).toBe('example.com');
    expect(hostOf({ ...base, requestUri: 'http://Other.test/x' })).toBe('other.test');
  });

  it.each([
    ['$scheme://$host$request_uri', 'https://example.com/a%20b/c?x=1&Y=2'],
    ['${uri}?$args', '/a b/c?x=1&Y=2'],
    ['$remote_addr $server_port $request_method $server_name', '203.0.113.9 8443 POST example.com'],
    ['$http_user_agent|$http_x_forwarded_for|$http_missing|', 'curl/8|6.6.6.6||'],
    ['$proxy_add_x_forwarded_for', '6.6.6.6, 203.0.113.9'],
    ['$arg_y $arg_x', '2 1'],
    ['$cookie_session $http_cookie', 'abc a=1; session=abc'],
    ['$1-$id-$target', 'a b-42-/new'],
    ['$https$is_args', 'on?'],
  ])('%s', (template, expected) => {
    expect(evaluate(template, base)).toEqual({ value: expected, unknown: [] });
  });

  it('uses the client address alone when no X-Forwarded-For came in', () => {
    expect(variable({ ...base, headers: [] }, 'proxy_add_x_forwarded_for')).toBe('203.0.113.9');
  });

  it('reports unknown variables and evaluates them as empty', () => {
    expect(evaluate('a$nope${also}b', base)).toEqual({ value: 'ab', unknown: ['nope', 'also'] });
  });

  it('knows $proxy_host only once proxy_pass is known', () => {
    expect(evaluate('$proxy_host', base).value).toBe('');
    expect(evaluate('$proxy_host', { ...base, proxyHost: 'app' }).value).toBe('app');
  });
});
