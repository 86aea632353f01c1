import { describe, expect, test } from 'vitest';
import { proxyTrustWildcard } from './proxy-trust-wildcard';
import {
  APP,
  GUNICORN_CONF,
  GUNICORN_PROCFILE,
  SECRET,
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

const waitress = (serve: string) =>
  judge(proxyTrustWildcard, python, {
    files: { 'app.py': APP, 'serve.py': serve, Procfile: 'web: python serve.py\n' },
    env: SECRET,
  });

const gunicorn = (conf: string) =>
  judge(proxyTrustWildcard, python, {
    files: { 'app.py': APP, 'wsgi.py': WSGI, 'gunicorn.conf.py': conf, Procfile: GUNICORN_PROCFILE },
    env: SECRET,
  });

describe('proxy-trust-wildcard', () => {
  test('Waitress trusted_proxy="*": a forged address, scheme and host are all believed', async () => {
    const serve = edit(WAITRESS_SERVE, 'trusted_proxy="127.0.0.1"', 'trusted_proxy="*"');
    const finding = expectFinding(await waitress(serve), proxyTrustWildcard);
    expect(finding.message).toBe(
      'A client at 203.0.113.66, not the proxy, forged forwarded headers and the app believed its address 10.6.6.6 and https and the host evil.example.',
    );
    expect(finding).toMatchObject({ file: 'serve.py', line: lineOf(serve, 'serve(') });
  });

  test('Gunicorn forwarded_allow_ips="*": the forged X-Forwarded-Proto is believed; the marker is on that line', async () => {
    const conf = edit(GUNICORN_CONF, 'forwarded_allow_ips = "127.0.0.1"', 'forwarded_allow_ips = "*"');
    const finding = expectFinding(await gunicorn(conf), proxyTrustWildcard);
    expect(finding.message).toMatch(/^A client at 203\.0\.113\.66, not the proxy, forged .* the app believed .*https/);
    expect(finding).toMatchObject({ file: 'gunicorn.conf.py', line: lineOf(conf, 'forwarded_allow_ips') });
  });

  test('no finding: Waitress trusted_proxy="127.0.0.1" (the lesson solution)', async () => {
    expectNoFinding(await waitress(WAITRESS_SERVE));
  });

  test('no finding: Waitress trusting no proxy at all', async () => {
    expectNoFinding(
      await waitress('from waitress import serve\n\nfrom app import app\n\nserve(app, listen="127.0.0.1:8080")\n'),
    );
  });

  test('no finding: Gunicorn forwarded_allow_ips="127.0.0.1" (the lesson solution)', async () => {
    expectNoFinding(await gunicorn(GUNICORN_CONF));
  });

  test('no finding: ProxyFix in an app that only nginx can reach (Gunicorn on loopback, lesson 05)', async () => {
    const app = edit(
      APP,
      'app = Flask(__name__)\n',
      'app = Flask(__name__)\nfrom werkzeug.middleware.proxy_fix import ProxyFix\napp.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)\n',
    );
    const verdict = await judge(proxyTrustWildcard, python, {
      files: { 'app.py': app, 'wsgi.py': WSGI, 'gunicorn.conf.py': GUNICORN_CONF, Procfile: GUNICORN_PROCFILE },
      env: SECRET,
    });
    expectNoFinding(verdict);
  });
});
