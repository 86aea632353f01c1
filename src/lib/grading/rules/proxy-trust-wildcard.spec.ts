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

  describe("the app's own code reading the client address from a header", () => {
    const ALL_INTERFACES = 'web: gunicorn -b 0.0.0.0:8000 wsgi:app\n';
    /** APP whose home page answers with the address `read` gives (a Python expression over `request`). */
    const reading = (read: string) =>
      edit(
        edit(APP, 'from flask import Flask, jsonify', 'from flask import Flask, jsonify, request'),
        '    return "Corner Shop"',
        `    client = ${read}\n    return f"Corner Shop, hello {client}"`,
      );
    const served = (app: string, start: Record<string, string> = { Procfile: ALL_INTERFACES }) =>
      judge(proxyTrustWildcard, python, { files: { 'app.py': app, 'wsgi.py': WSGI, ...start }, env: SECRET });

    for (const read of [
      'request.headers.getlist("X-Forwarded-For")[0]',
      'request.headers.get("X-Forwarded-For", request.remote_addr)',
      'request.access_route[0]',
      'request.environ.get("HTTP_X_REAL_IP") or request.remote_addr',
      'request.environ["HTTP_X_FORWARDED_FOR"]',
    ]) {
      test(`Gunicorn on every interface, the home page takes ${read}: found at that line`, async () => {
        const app = reading(read);
        const finding = expectFinding(await served(app), proxyTrustWildcard);
        expect(finding).toMatchObject({ file: 'app.py', line: lineOf(app, 'client = ') });
        expect(finding.message).toMatch(
          /^A client at 203\.0\.113\.66, not a proxy, sent (X-Forwarded-For|X-Real-IP): 10\.6\.6\.6 to GET \/ and the app's own code read it \(app\.py:\d+\)/,
        );
      });
    }

    test('a helper in another module reads it: found where the helper reads, not where the view calls it', async () => {
      const helper =
        'def client_ip(req):\n    if req.headers.getlist("X-Forwarded-For"):\n        return req.headers.getlist("X-Forwarded-For")[0]\n    return req.remote_addr\n';
      const app = edit(reading('client_ip(request)'), 'import os\n', 'import os\n\nfrom helpers import client_ip\n');
      const verdict = await judge(proxyTrustWildcard, python, {
        files: { 'app.py': app, 'helpers.py': helper, 'wsgi.py': WSGI, Procfile: ALL_INTERFACES },
        env: SECRET,
      });
      expect(expectFinding(verdict, proxyTrustWildcard)).toMatchObject({ file: 'helpers.py', line: 2 });
    });

    test("no finding: a library's own read (an extension hashing X-Forwarded-For into its session id), called from the view", async () => {
      // The function's code carries a site-packages file name, as an installed extension's does.
      const library = `exec(compile('def session_identifier(req):\\n    return hash(req.headers.get("X-Forwarded-For", req.remote_addr))\\n', "/lib/python3.14/site-packages/login_extension/utils.py", "exec"))\n`;
      const app = edit(reading('session_identifier(request)'), 'import os\n', `import os\n\n${library}`);
      expectNoFinding(await served(app));
    });

    test('no finding: the read sits behind a switch that is off (the header is never asked for)', async () => {
      expectNoFinding(
        await served(
          reading(
            'request.headers.get("X-Forwarded-For") if os.environ.get("TRUST_FORWARDED") else request.remote_addr',
          ),
        ),
      );
    });

    test('no finding: the app only uses request.remote_addr', async () => {
      expectNoFinding(await served(reading('request.remote_addr')));
    });

    test("no finding: Waitress 3's default drops untrusted forwarded headers before the app reads them", async () => {
      const serve = 'from waitress import serve\n\nfrom app import app\n\nserve(app, listen="0.0.0.0:8080")\n';
      expectNoFinding(
        await served(reading('request.headers.get("X-Forwarded-For", request.remote_addr)'), {
          'serve.py': serve,
          Procfile: 'web: python serve.py\n',
        }),
      );
    });

    test("no finding: ProxyFix under Waitress's defaults, which drop the forged headers before ProxyFix sees them", async () => {
      const app = edit(
        APP,
        'app = Flask(__name__)\n',
        'app = Flask(__name__)\nfrom werkzeug.middleware.proxy_fix import ProxyFix\napp.wsgi_app = ProxyFix(app.wsgi_app)\n',
      );
      const serve = 'from waitress import serve\n\nfrom app import app\n\nserve(app, listen="0.0.0.0:8080")\n';
      expectNoFinding(await served(app, { 'serve.py': serve, Procfile: 'web: python serve.py\n' }));
    });

    test('ProxyFix under Gunicorn on every interface: found at the ProxyFix line, not at a read the app also makes', async () => {
      const app = edit(
        reading('request.access_route[0]'),
        'app = Flask(__name__)\n',
        'app = Flask(__name__)\nfrom werkzeug.middleware.proxy_fix import ProxyFix\napp.wsgi_app = ProxyFix(app.wsgi_app)\n',
      );
      const finding = expectFinding(await served(app), proxyTrustWildcard);
      expect(finding).toMatchObject({ file: 'app.py', line: lineOf(app, 'ProxyFix(app.wsgi_app)') });
    });
  });
});
