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

  describe('a compose nginx: plain HTTP, `/` to a front end, `/api` to the Flask app on every interface', () => {
    const COMPOSE_SITE = `upstream front { server front:8788; }
upstream api { server api:8000; }
proxy_set_header Host $host;
proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;

server {
    listen 80;
    location / { proxy_pass http://front; }
    location /api { proxy_pass http://api; }
}
`;
    const composeNginx = (app: string) =>
      judge(proxyfixMissing, python, {
        files: {
          'app.py': app,
          'wsgi.py': WSGI,
          Procfile: 'web: gunicorn -b 0.0.0.0:8000 wsgi:app\n',
          [SITE_FILE]: COMPOSE_SITE,
        },
        env: SECRET,
      });

    test("without ProxyFix: asked through /api, the app sees nginx's address; no https to expect", async () => {
      const finding = expectFinding(await composeNginx(APP), proxyfixMissing);
      expect(finding.message).toBe(
        "Behind nginx the app sees nginx's address (127.0.0.1) instead of the visitor's (198.51.100.23): nothing applies X-Forwarded-For / X-Forwarded-Proto.",
      );
    });

    test('no finding: ProxyFix counting the one proxy', async () => {
      expectNoFinding(await composeNginx(edit(APP, 'app = Flask(__name__)\n', PROXYFIX)));
    });

    test('blocked, saying why, when no location reaches the app (only the front end is proxied)', async () => {
      const verdict = judge(proxyfixMissing, python, {
        files: {
          'app.py': APP,
          'wsgi.py': WSGI,
          Procfile: 'web: gunicorn -b 0.0.0.0:8000 wsgi:app\n',
          [SITE_FILE]: edit(COMPOSE_SITE, 'server api:8000;', 'server api:9000;'),
        },
        env: SECRET,
      });
      await expect(verdict).rejects.toThrow(
        /502 Bad Gateway: .*upstream: "http:\/\/front:8788" \(the app server listens on 0\.0\.0\.0:8000\)/,
      );
    });
  });
});
