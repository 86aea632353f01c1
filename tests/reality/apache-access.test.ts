/**
 * apache-allow-without-deny against Debian's apache2: each access section below guards its own <Location> of one
 * site, served by `apache2 -D FOREGROUND` (a ServerRoot laid out as Debian's /etc/apache2 in a temp dir, loopback
 * only). A client outside 10.0.0.0/8 asks for each; the rule must find the sections that let it in (any answer but
 * 403) and only those.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { apacheAllowWithoutDeny } from '../../src/lib/grading/rules/apache-allow-without-deny';
import { NO_PYTHON, judge } from '../../src/lib/grading/rules/test-support';
import { APACHE, makeServerRoot } from './lib/apache';
import { request, tryRequest } from './lib/http';
import { freePort, start, waitUntil } from './lib/processes';

/** Access rules as sites write them, httpd 2.2's (mod_access_compat) and 2.4's. */
const SECTIONS: Record<string, string> = {
  'deny-allow-alone': 'Order Deny,Allow\nAllow from 10.0.0.0/8',
  'deny-allow-deny-all': 'Order Deny,Allow\nDeny from all\nAllow from 10.0.0.0/8',
  'allow-deny': 'Order Allow,Deny\nAllow from 10.0.0.0/8',
  'lowercase-deny-allow': 'order deny,allow\nallow from 10.0.0.0/8',
  'require-ip': 'Require ip 10.0.0.0/8',
};

const location = (name: string, body: string) =>
  `    <Location /${name}>\n${body.replace(/^/gm, '        ')}\n    </Location>\n`;
const site = (port: number, sections: Record<string, string>) =>
  `<VirtualHost *:${port}>\n    ServerName shop.example\n${Object.entries(sections)
    .map(([name, body]) => location(name, body))
    .join('')}</VirtualHost>\n`;

test(
  'the rule finds exactly the access sections that let a client outside the allowed range in',
  { timeout: 120_000 },
  async () => {
    const port = await freePort();
    const root = makeServerRoot();
    writeFileSync(join(root.dir, 'ports.conf'), `Listen 127.0.0.1:${port}\n`);
    writeFileSync(join(root.dir, 'sites-enabled', 'shop.conf'), site(port, SECTIONS));
    const args = ['-D', 'FOREGROUND', '-d', root.dir, '-f', join(root.dir, 'apache2.conf')];
    const server = start('apache2', APACHE, args, { cwd: root.dir, env: root.env });
    try {
      await waitUntil(server, `apache2 on port ${port}`, () => tryRequest({ port, path: '/' }));
      const disagreements: string[] = [];
      for (const [name, body] of Object.entries(SECTIONS)) {
        const reply = await request({ port, path: `/${name}`, headers: { Host: 'shop.example' } });
        const letIn = reply.status !== 403;
        const verdict = await judge(apacheAllowWithoutDeny, NO_PYTHON, { files: { 'apache/shop.conf': site(80, { [name]: body }) } }); // prettier-ignore
        const found = verdict.findings.length > 0;
        if (letIn !== found) disagreements.push(`${name}: apache2 answers ${reply.status}, the rule ${found ? 'finds it' : 'finds nothing'}`); // prettier-ignore
      }
      console.log(
        `apache access: ${Object.keys(SECTIONS).length} sections asked, ${Object.keys(SECTIONS).length - disagreements.length} agree`,
      );
      assert.deepEqual(disagreements, [], readFileSync(join(root.dir, 'log', 'error.log'), 'utf8').slice(-2000));
    } finally {
      await server.stop();
      root.remove();
    }
  },
);
