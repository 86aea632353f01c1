import { describe, expect, it } from 'vitest';
import { parseRequestUri } from './uri';

describe('parseRequestUri', () => {
  it.each([
    ['/a/b?x=1', '/a/b', 'x=1'],
    ['/a//b///c', '/a/b/c', ''],
    ['/a/./b/../c', '/a/c', ''],
    ['/a/b/..', '/a/', ''],
    ['/%61%2e%2e/x', '/a../x', ''],
    ['/a/%2e%2e/x', '/x', ''],
    ['/static../x', '/static../x', ''],
    ['/a%20b', '/a b', ''],
    ['http://host.test/p?q', '/p', 'q'],
  ])('%s → %s', (target, uri, args) => {
    expect(parseRequestUri(target)).toMatchObject({ requestUri: target, uri, args });
  });

  it('answers 400 (null) for targets nginx rejects', () => {
    expect(parseRequestUri('/../etc/passwd')).toBeNull();
    expect(parseRequestUri('/%2e%2e/x')).toBeNull();
    expect(parseRequestUri('relative')).toBeNull();
    expect(parseRequestUri('/a%00b')).toBeNull();
  });
});
