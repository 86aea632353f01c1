import { describe, expect, test } from 'vitest';
import { proxyfixMissing } from './proxyfix-missing';
import {
  APP,
  GUNICORN_CONF,
  GUNICORN_PROCFILE,
  SECRET,
  SITE,
  SITE_FILE,
  WAITRESS_SERVE,
  WSGI,
  edit,
  expectFinding,
  expectNoFinding,
  judge,
  lineOf,
  usePython,
} from './test-support';

const python = usePython();

const PROXYFIX = `from werkzeug.middleware.proxy_fix import ProxyFix

app = Flask(__name__)
app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)
`;

/** Lesson 05: Gunicorn on 127.0.0.1:8000 behind the nginx site. */
const behindNginx = (app: string, site = SITE) =>
  judge(proxyfixMissing, python, {
    files: {
      'app.py': app,
      'wsgi.py': WSGI,
      'gunicorn.conf.py': GUNICORN_CONF,
      Procfile: GUNICORN_PROCFILE,
      [SITE_FILE]: site,
    },
    env: SECRET,
  });

/** Waitress on 127.0.0.1:8080, the site proxying there. */
const waitressBehindNginx = (serve: string) =>
  judge(proxyfixMissing, python, {
    files: {
      'app.py': APP,
      'serve.py': serve,
      Procfile: 'web: python serve.py\n',
      [SITE_FILE]: edit(SITE, 'proxy_pass http://127.0.0.1:8000;', 'proxy_pass http://127.0.0.1:8080;'),
    },
    env: SECRET,
  });

describe('proxyfix-missing', () => {
  test("Gunicorn without ProxyFix: the app sees nginx's address (Gunicorn itself already trusts the scheme)", async () => {
    const finding = expectFinding(await behindNginx(APP), proxyfixMissing);
    expect(finding.message).toBe(
      "Behind nginx the app sees nginx's address (127.0.0.1) instead of the visitor's (198.51.100.23): nothing applies X-Forwarded-For / X-Forwarded-Proto.",
    );
    expect(finding).toMatchObject({ file: 'Procfile', line: 1 });
  });

  test('Waitress trusting no proxy: nginx as the client, and http', async () => {
    const serve = 'from waitress import serve\n\nfrom app import app\n\nserve(app, listen="127.0.0.1:8080")\n';
    const finding = expectFinding(await waitressBehindNginx(serve), proxyfixMissing);
    expect(finding.message).toContain(
      "nginx's address (127.0.0.1) instead of the visitor's (198.51.100.23) and http instead of https",
    );
    expect(finding).toMatchObject({ file: 'serve.py', line: lineOf(serve, 'serve(app') });
  });

  test('no finding: ProxyFix(x_for=1, x_proto=1, x_host=1) (the lesson solution)', async () => {
    expectNoFinding(await behindNginx(edit(APP, 'app = Flask(__name__)\n', PROXYFIX)));
  });

  test('no finding: no ProxyFix, but Waitress trusts X-Forwarded-* from nginx', async () => {
    expectNoFinding(await waitressBehindNginx(WAITRESS_SERVE));
  });

  test('undecided without an nginx config in front of the app', async () => {
    const verdict = await judge(proxyfixMissing, python, { files: { 'app.py': APP }, env: SECRET });
    expect(verdict).toEqual({ findings: [], inconclusive: 'there is no nginx config in front of the app' });
  });
});
