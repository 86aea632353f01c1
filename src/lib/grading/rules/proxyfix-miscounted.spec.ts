import { describe, expect, test } from 'vitest';
import { proxyfixMiscounted } from './proxyfix-miscounted';
import {
  APP,
  GUNICORN_CONF,
  GUNICORN_PROCFILE,
  SECRET,
  SITE,
  SITE_FILE,
  WSGI,
  edit,
  expectFinding,
  expectNoFinding,
  judge,
  lineOf,
  usePython,
} from './test-support';

const python = usePython();

const withProxyFix = (xFor: number) =>
  edit(
    APP,
    'app = Flask(__name__)\n',
    `from werkzeug.middleware.proxy_fix import ProxyFix

app = Flask(__name__)
app.wsgi_app = ProxyFix(app.wsgi_app, x_for=${xFor}, x_proto=1, x_host=1)
`,
  );

const behindNginx = (app: string, site = SITE) =>
  judge(proxyfixMiscounted, python, {
    files: {
      'app.py': app,
      'wsgi.py': WSGI,
      'gunicorn.conf.py': GUNICORN_CONF,
      Procfile: GUNICORN_PROCFILE,
      [SITE_FILE]: site,
    },
    env: SECRET,
  });

describe('proxyfix-miscounted', () => {
  test('x_for=2 behind one nginx that appends ($proxy_add_x_forwarded_for): the forged address wins', async () => {
    const app = withProxyFix(2);
    const finding = expectFinding(await behindNginx(app), proxyfixMiscounted);
    expect(finding.message).toBe(
      'A visitor sent X-Forwarded-For: 10.6.6.6 through nginx and the app took it as the client address (ProxyFix x_for=2, but one proxy, nginx, stands in front).',
    );
    expect(finding).toMatchObject({ file: 'app.py', line: lineOf(app, 'app.wsgi_app = ProxyFix(') });
  });

  test('no finding: x_for=1 with $proxy_add_x_forwarded_for (the lesson solution)', async () => {
    expectNoFinding(await behindNginx(withProxyFix(1)));
  });

  test('no finding: x_for=2, but nginx overwrites X-Forwarded-For with $remote_addr, so nothing forged gets through', async () => {
    const site = edit(
      SITE,
      'proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
      'proxy_set_header X-Forwarded-For $remote_addr;',
    );
    expectNoFinding(await behindNginx(withProxyFix(2), site));
  });

  test('no finding: no ProxyFix at all (that is proxyfix-missing, not a miscount)', async () => {
    expectNoFinding(await behindNginx(APP));
  });
});
