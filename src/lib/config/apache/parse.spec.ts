import { describe, expect, it } from 'vitest';
import { ApacheSyntaxError, parseApacheSite } from '.';
import { logicalLines, words } from './lexer';

const refusal = (text: string) => {
  try {
    parseApacheSite(text, 'apache/shop.conf');
  } catch (error) {
    if (error instanceof ApacheSyntaxError) return { file: error.file, line: error.line, reason: error.reason };
    throw error;
  }
  return null;
};

describe('the httpd lexer', () => {
  it('joins a line ending in a backslash with the next and numbers it by the last', () => {
    expect(logicalLines('ServerName a \\\n  b\nFoo\n')).toEqual([
      { text: 'ServerName a   b', line: 2 },
      { text: 'Foo', line: 3 },
    ]);
  });

  it('splits words as ap_getword_conf: quotes removed, escaped quotes kept', () => {
    expect(words('set X "a b" \'c\' "d\\"e"')).toEqual(['set', 'X', 'a b', 'c', 'd"e']);
  });
});

describe('parseApacheSite (as apachectl -t on Debian)', () => {
  it("accepts a proxy site inside Debian's apache2.conf, with the modules it needs", () => {
    const config = parseApacheSite(
      '<VirtualHost *:443>\n  SSLEngine on\n  ProxyPass / http://127.0.0.1:8000/\n  Header always set X-Frame-Options DENY\n</VirtualHost>\n',
      'apache/shop.conf',
    );
    expect(config.files).toContain('apache/shop.conf');
    expect(config.files).toContain('/etc/apache2/ports.conf');
    expect(config.modules.has('proxy_http_module')).toBe(true);
  });

  it('names an unknown directive and a directive of a module that is not enabled alike', () => {
    const message = (name: string) =>
      `Invalid command '${name}', perhaps misspelled or defined by a module not included in the server configuration`;
    expect(refusal('\nProxyPas / http://a/\n')).toEqual({
      file: 'apache/shop.conf',
      line: 2,
      reason: message('ProxyPas'),
    });
    expect(refusal('ExpiresActive On\n')?.reason).toBe(message('ExpiresActive'));
  });

  it("refuses a directive where -L does not allow it, in httpd's words", () => {
    expect(refusal('<Location />\nProxyRequests Off\n</Location>\n')?.reason).toBe(
      'ProxyRequests not allowed in <Location> context',
    );
    expect(refusal('<VirtualHost *:80>\nServerTokens Prod\n</VirtualHost>\n')).toMatchObject({
      line: 2,
      reason: 'ServerTokens cannot occur within <VirtualHost> section',
    });
  });

  it("counts arguments as config.c does, with the directive's description", () => {
    expect(refusal('ServerName a b\n')?.reason).toBe(
      'ServerName takes one argument, The hostname and port of the server',
    );
    expect(refusal('ProxyPreserveHost Yes\n')?.reason).toBe('ProxyPreserveHost must be On or Off');
  });

  it('reports a section left open at its own line, and a stray closing tag', () => {
    expect(refusal('Foo\n<VirtualHost *:80>\n')).toMatchObject({ line: 2 });
    expect(refusal('Foo\n<VirtualHost *:80>\n')?.reason).toContain('<VirtualHost> was not closed.');
    expect(refusal('</VirtualHost>\n')?.reason).toBe('</VirtualHost> without matching <VirtualHost> section');
  });

  it('skips the body of an <IfModule> whose module is not loaded, and reads it when it is', () => {
    expect(refusal('<IfModule mod_expires.c>\nExpiresActive On\n</IfModule>\n')).toBeNull();
    expect(refusal('<IfModule headers_module>\nNoSuchThing\n</IfModule>\n')?.line).toBe(2);
  });

  it('judges ProxyPass URLs and Listen clashes with ports.conf', () => {
    expect(refusal('ProxyPass / 127.0.0.1:8000\n')?.reason).toBe('ProxyPass URL must be absolute!: 127.0.0.1:8000');
    expect(refusal('Listen 80\n')?.reason).toBe('Cannot define multiple Listeners on the same IP:port');
  });

  it("words mod_ssl's, mod_alias's and mod_proxy's refusals as apache2 2.4.71 does (each read off apache2 -t)", () => {
    const reason = (text: string) => refusal(text)?.reason ?? 'Syntax OK';
    expect(reason('SSLProtocol all +SSLv3\n')).toBe('SSLv3 not supported by this version of OpenSSL');
    expect(reason('SSLProtocol all -SSLv3 -SSLv2\n')).toBe('Syntax OK');
    expect(reason('SSLProtocol +SSLv2\n')).toBe('SSLProtocol: SSLv2 is no longer supported');
    expect(reason('SSLCipherSuite ssl HIGH\n')).toBe("protocol 'ssl' not supported");
    expect(reason('<Location />\n  SSLCipherSuite TLSv1.3 TLS_AES_256_GCM_SHA384\n</Location>\n')).toBe(
      'TLSv1.3 ciphers cannot be set inside a directory context',
    );
    expect(reason('<Location /x>\n  Alias /static/ /srv/static/\n</Location>\n')).toBe(
      'Alias cannot occur within directory context',
    );
    expect(reason('<Files x>\n  Alias /srv/static/\n</Files>\n')).toBe('Alias cannot occur within <Files> section');
    expect(reason('<Location /x>\n  Alias /srv/static/\n</Location>\n')).toBe('Syntax OK');
    expect(reason('ProxyVia 1\n')).toBe('ProxyVia must be one of: off | on | full | block');
  });
});

describe('sections inside sections (core.c ap_check_cmd_context, apache2 2.4.71)', () => {
  it('refuses <Files> inside <Location>, at the <Files> line', () => {
    const site = '<Location />\n    <Files "*.bak">\n        Require all denied\n    </Files>\n</Location>\n';
    expect(() => parseApacheSite(site, 'apache/shop.conf')).toThrow('<Files> cannot occur within <Location> section');
  });
});
