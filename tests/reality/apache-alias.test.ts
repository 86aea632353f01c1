/**
 * Why nginx's alias-traversal has no Apache counterpart, shown on Debian's apache2: `Alias /static <dir>/static/`
 * (the nginx trap's spelling: no trailing slash on the URL, one on the directory) with the parent directory
 * readable. mod_alias matches whole path segments (mod_alias.c, alias_matches) and httpd removes `..` segments
 * before mapping (ap_getparents), so neither `/static../secret.txt` nor `/static/../secret.txt` reaches the file
 * beside the static folder, while `/static/app.css` is served.
 */
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { APACHE, makeServerRoot } from './lib/apache';
import { request, tryRequest } from './lib/http';
import { freePort, start, waitUntil } from './lib/processes';

test(
  'Alias /static with a slashed directory serves the folder and nothing beside it',
  { timeout: 60_000 },
  async () => {
    const port = await freePort();
    const root = makeServerRoot();
    const app = join(root.dir, 'srv-shop');
    mkdirSync(join(app, 'static'), { recursive: true });
    writeFileSync(join(app, 'static', 'app.css'), 'body{}\n');
    writeFileSync(join(app, 'secret.txt'), 'SECRET_KEY=do-not-serve\n');
    // apache2's children run as www-data: the temp dir (0700) must let them in, as /srv would.
    chmodSync(root.dir, 0o755);
    writeFileSync(join(root.dir, 'ports.conf'), `Listen 127.0.0.1:${port}\n`);
    writeFileSync(
      join(root.dir, 'sites-enabled', 'shop.conf'),
      `<VirtualHost *:${port}>\n    ServerName shop.example\n    Alias /static ${app}/static/\n    Alias /control/ ${app}/\n` +
        `    <Directory ${app}>\n        Require all granted\n    </Directory>\n</VirtualHost>\n`,
    );
    const args = ['-D', 'FOREGROUND', '-d', root.dir, '-f', join(root.dir, 'apache2.conf')];
    const server = start('apache2', APACHE, args, { cwd: root.dir, env: root.env });
    try {
      await waitUntil(server, `apache2 on port ${port}`, () => tryRequest({ port, path: '/' }));
      const get = (path: string) => request({ port, path, headers: { Host: 'shop.example' } });
      assert.equal((await get('/static/app.css')).status, 200);
      // The control: the file is readable to apache2 where an Alias does map it, so a 404 below means "not mapped".
      assert.match((await get('/control/secret.txt')).body, /do-not-serve/);
      for (const path of ['/static../secret.txt', '/static/../secret.txt', '/static/..%2fsecret.txt']) {
        const reply = await get(path);
        assert.notEqual(reply.status, 200, `${path} answered 200`);
        assert.doesNotMatch(reply.body, /do-not-serve/, path);
      }
    } finally {
      await server.stop();
      root.remove();
    }
  },
);
