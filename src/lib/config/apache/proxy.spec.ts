import { describe, expect, it } from 'vitest';
import { apacheRequestFor, parseApacheSite, serverBanner, virtualApache } from '.';

const SITE = `ServerTokens Prod
ProxyRequests Off
<VirtualHost *:80>
    ServerName catch-all.invalid
    <Location />
        Require all denied
    </Location>
</VirtualHost>
<VirtualHost *:80>
    ServerName shop.example
    Redirect permanent / https://shop.example/
</VirtualHost>
<VirtualHost *:443>
    ServerName shop.example
    SSLEngine on
    Header always set Strict-Transport-Security "max-age=63072000"
    Header set X-Only-On-Success yes
    ProxyPreserveHost On
    RequestHeader set X-Forwarded-Proto "https"
    ProxyPass /static !
    ProxyPass / http://127.0.0.1:8000/
    ProxyPassReverse / http://127.0.0.1:8000/
</VirtualHost>
`;
const config = parseApacheSite(SITE, 'apache/shop.conf');

describe('the virtual Apache', () => {
  it('picks the first vhost of an address for a name no vhost claims', () => {
    const decision = virtualApache(config, apacheRequestFor('http', 80, 'evil.example', '/'));
    expect(decision.kind === 'answer' && decision.status).toBe(403);
  });

  it('redirects by name on port 80, keeping the path', () => {
    const decision = virtualApache(config, apacheRequestFor('http', 80, 'shop.example', '/orders?x=1'));
    expect(decision.kind === 'answer' && decision.headers).toContainEqual([
      'Location',
      'https://shop.example/orders?x=1',
    ]);
  });

  it('appends X-Forwarded-For/-Host/-Server to what the client sent, and never adds -Proto itself', () => {
    const decision = virtualApache(
      config,
      apacheRequestFor('https', 443, 'shop.example', '/', [['X-Forwarded-For', '10.6.6.6']]),
    );
    expect(decision.kind).toBe('proxy');
    if (decision.kind !== 'proxy') return;
    expect(decision.headers).toContainEqual(['X-Forwarded-For', '10.6.6.6, 203.0.113.7']);
    expect(decision.headers).toContainEqual(['X-Forwarded-Host', 'shop.example']);
    expect(decision.headers).toContainEqual(['X-Forwarded-Server', 'shop.example']);
    expect(decision.headers).toContainEqual(['X-Forwarded-Proto', 'https']);
    expect(decision.headers[0]).toEqual(['Host', 'shop.example']);
    expect(decision.reverse('http://127.0.0.1:8000/login')).toBe('https://shop.example/login');
  });

  it('tries ProxyPass in order: the exclusion written first keeps /static/ off the app', () => {
    const decision = virtualApache(config, apacheRequestFor('https', 443, 'shop.example', '/static/app.css'));
    expect(decision.kind).toBe('answer');
    const swapped = parseApacheSite(
      SITE.replace('    ProxyPass /static !\n', '').replace(
        '    ProxyPassReverse',
        '    ProxyPass /static !\n    ProxyPassReverse',
      ),
      'apache/shop.conf',
    );
    expect(virtualApache(swapped, apacheRequestFor('https', 443, 'shop.example', '/static/app.css')).kind).toBe(
      'proxy',
    );
  });

  it('sends onsuccess headers on 2xx only, always headers on every status', () => {
    const decision = virtualApache(config, apacheRequestFor('https', 443, 'shop.example', '/'));
    const names = (status: number) => decision.responseHeaders(status).map(([name]) => name);
    expect(names(200)).toEqual(['Server', 'Strict-Transport-Security', 'X-Only-On-Success']);
    expect(names(404)).toEqual(['Server', 'Strict-Transport-Security']);
  });

  it('is a forward proxy for an absolute URL only with ProxyRequests On', () => {
    const open = parseApacheSite(SITE.replace('ProxyRequests Off', 'ProxyRequests On'), 'apache/shop.conf');
    const request = apacheRequestFor('http', 80, '169.254.169.254', 'http://169.254.169.254/latest/meta-data/');
    expect(virtualApache(open, request).kind).toBe('forward');
    // ProxyRequests Off: the URL's host picks the vhost (the catch-all), which refuses it.
    const closed = virtualApache(config, request);
    expect(closed.kind === 'answer' && closed.status).toBe(403);
  });

  it("follows ServerTokens, Debian's security.conf saying OS when the site says nothing", () => {
    expect(serverBanner(config)).toBe('Apache');
    expect(serverBanner(parseApacheSite('', 'apache/shop.conf'))).toMatch(/^Apache\/2\.4\.\d+ \(Debian\)$/);
  });

  it("follows certbot --apache's redirect (RewriteCond %{SERVER_NAME} =name, [END,NE,R=permanent]) as a 301", () => {
    const certbot = parseApacheSite(
      `<VirtualHost *:80>
    ServerName shop.example
    RewriteEngine on
    RewriteCond %{SERVER_NAME} =shop.example
    RewriteRule ^ https://%{SERVER_NAME}%{REQUEST_URI} [END,NE,R=permanent]
</VirtualHost>
`,
      'apache/shop.conf',
    );
    const decision = virtualApache(certbot, apacheRequestFor('http', 80, 'shop.example', '/orders'));
    expect(decision.kind === 'answer' && [decision.status, decision.headers]).toEqual([
      301,
      expect.arrayContaining([['Location', 'https://shop.example/orders']]),
    ]);
    // The condition names the site: another name is not redirected by it.
    const other = virtualApache(certbot, apacheRequestFor('http', 80, 'www.shop.example', '/orders'));
    expect(other.kind === 'answer' && other.status).toBe(404);
  });
});

describe('ProxyPass joins the backend URL and the rest of the path as written (mod_proxy, apache2 2.4.71)', () => {
  const site = (alias: string, url: string) =>
    parseApacheSite(`<VirtualHost *:80>\n    ServerName shop.example\n    ProxyPass ${alias} ${url}\n</VirtualHost>\n`, 'apache/shop.conf'); // prettier-ignore
  const ask = (alias: string, url: string, path: string) =>
    virtualApache(site(alias, url), apacheRequestFor('http', 80, 'shop.example', path));

  it('a slash on the path side only: / reaches the app, /orders/abc is a 500 naming the host it made', () => {
    const root = ask('/', 'http://127.0.0.1:8000', '/');
    expect(root.kind === 'proxy' && root.path).toBe('/');
    const orders = ask('/', 'http://127.0.0.1:8000', '/orders/abc');
    expect(orders.kind === 'answer' && [orders.status, orders.errorLog]).toEqual([
      500,
      'AH00898: DNS lookup failure for: 127.0.0.1:8000orders',
    ]);
  });

  it('a slash on the backend side only passes a double slash on', () => {
    const decision = ask('/app', 'http://127.0.0.1:8000/', '/app/x?q=1');
    expect(decision.kind === 'proxy' && decision.path).toBe('//x?q=1');
  });
});

describe('<Proxy> sections guard proxied requests (mod_proxy proxy_walk, apache2 2.4.71)', () => {
  const guarded = (section: string) =>
    parseApacheSite(SITE.replace('ProxyRequests Off', `ProxyRequests On\n${section}`), 'apache/shop.conf');
  const metadata = apacheRequestFor('http', 80, '169.254.169.254', 'http://169.254.169.254/latest/meta-data/');
  const shop = apacheRequestFor('https', 443, 'shop.example', '/orders/1');

  it('<Proxy *> Require all denied refuses the forward request and the reverse-proxied shop alike', () => {
    const config = guarded('<Proxy *>\n    Require all denied\n</Proxy>');
    for (const request of [metadata, shop]) {
      const decision = virtualApache(config, request);
      expect(decision.kind === 'answer' && decision.status).toBe(403);
    }
  });

  it('Require ip and Require local let in only the clients they name', () => {
    const config = guarded('<Proxy *>\n    Require ip 10.0.0.0/8\n    Require local\n</Proxy>');
    expect(virtualApache(config, metadata).kind).toBe('answer');
    expect(virtualApache(config, { ...metadata, client: '10.1.2.3' }).kind).toBe('forward');
    expect(virtualApache(config, { ...shop, client: '127.0.0.1' }).kind).toBe('proxy');
  });

  it('a <ProxyMatch> matches the backend URL, and a <Location> with its own Require overrides it', () => {
    const config = guarded('<ProxyMatch "/admin">\n    Require all denied\n</ProxyMatch>');
    expect(virtualApache(config, { ...shop, path: '/admin/x' }).kind).toBe('answer');
    expect(virtualApache(config, shop).kind).toBe('proxy');
    const overridden = parseApacheSite(
      SITE.replace('ProxyRequests Off', '<Proxy *>\n    Require all denied\n</Proxy>').replace(
        '    ProxyPass /static !',
        '    <Location />\n        Require all granted\n    </Location>\n    ProxyPass /static !',
      ),
      'apache/shop.conf',
    );
    expect(virtualApache(overridden, shop).kind).toBe('proxy');
  });
});
