import { describe, expect, it } from 'vitest';
import { matchLocation, namedLocation, parseLocation } from './location';
import { parseNginx } from './parse';
import { serverBlocks } from './query';
import type { Directive } from './types';

function server(body: string): Directive {
  return serverBlocks(parseNginx(`server {\n${body}\n}`, 'site.conf'))[0] as Directive;
}

function selected(s: Directive, uri: string): string | null {
  const m = matchLocation(s, uri);
  return m ? `${m.chain.map((l) => l.args.join(' ')).join(' > ')}` : null;
}

describe('parseLocation', () => {
  it.each([
    ['location / {}', '', '/'],
    ['location = /x {}', '=', '/x'],
    ['location =/x {}', '=', '/x'],
    ['location ^~ /s/ {}', '^~', '/s/'],
    ['location ^~/s/ {}', '^~', '/s/'],
    ['location ~ \\.php$ {}', '~', '\\.php$'],
    ['location ~*\\.png$ {}', '~*', '\\.png$'],
    ['location @app {}', '@', 'app'],
  ])('%s', (text, modifier, pattern) => {
    expect(parseLocation(parseNginx(text, 'x').directives[0] as Directive)).toEqual({ modifier, pattern });
  });
});

describe('matchLocation', () => {
  const s = server(`
    location = / { }
    location / { }
    location /images/ { }
    location ^~ /static/ { }
    location ~* \\.(gif|jpg)$ { }
    location ~ ^/images/(?<name>.+)\\.png$ { }
    location /docs/ {
      location /docs/api/ { }
      location ~ \\.md$ { }
    }
    location ~ ^/docs/ { }
    location @fallback { }
  `);

  it('prefers an exact match', () => {
    expect(selected(s, '/')).toBe('= /');
  });

  it('uses the longest prefix when no regex matches', () => {
    expect(selected(s, '/index.html')).toBe('/');
    expect(selected(s, '/images/a.txt')).toBe('/images/');
  });

  it('lets the first matching regex beat the longest prefix, in config order', () => {
    expect(selected(s, '/images/a.jpg')).toBe('~* \\.(gif|jpg)$');
    expect(selected(s, '/IMAGES/A.JPG')).toBe('~* \\.(gif|jpg)$');
    const png = matchLocation(s, '/images/logo.png');
    expect(png?.location.args[1]).toBe('^/images/(?<name>.+)\\.png$');
    expect(png?.named).toEqual({ name: 'logo' });
    expect(png?.captures).toEqual(['/images/logo.png', 'logo']);
  });

  it('skips regexes when the longest prefix is ^~', () => {
    expect(selected(s, '/static/a.jpg')).toBe('^~ /static/');
  });

  it('searches nested locations of the longest prefix, then the outer regexes', () => {
    expect(selected(s, '/docs/api/x')).toBe('~ ^/docs/');
    expect(selected(s, '/docs/a.md')).toBe('/docs/ > ~ \\.md$');
    const plain = server('location /docs/ { location /docs/api/ { } }');
    expect(selected(plain, '/docs/api/x')).toBe('/docs/ > /docs/api/');
    expect(selected(plain, '/docs/x')).toBe('/docs/');
  });

  it('never matches named locations by URI, and finds them by name', () => {
    expect(selected(server('location @app { }'), '/app')).toBeNull();
    expect(namedLocation(s, '@fallback')?.args).toEqual(['@fallback']);
  });

  it('is case-sensitive for prefixes and ~, case-insensitive for ~*', () => {
    const c = server('location /Admin { }\nlocation ~ ^/Case$ { }');
    expect(selected(c, '/admin')).toBeNull();
    expect(selected(c, '/case')).toBeNull();
    expect(selected(c, '/Case')).toBe('~ ^/Case$');
  });
});
