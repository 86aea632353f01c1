import { describe, expect, test } from 'vitest';
import { insecureCookie } from './insecure-cookie';
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

const check = (app: string, extra: Record<string, string> = {}) =>
  judge(insecureCookie, python, { files: { 'app.py': app, ...extra }, env: SECRET });

const AFTER_SECRET = 'app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]\n';
const withLines = (lines: string) => edit(APP, AFTER_SECRET, `${AFTER_SECRET}${lines}\n`);

/** The app puts something in the session on GET /. */
const WITH_SESSION = edit(
  edit(APP, 'from flask import Flask, jsonify', 'from flask import Flask, jsonify, session'),
  '    return "Corner Shop"',
  '    session["visits"] = session.get("visits", 0) + 1\n    return "Corner Shop"',
);

const BEHIND_NGINX = {
  'wsgi.py': WSGI,
  'gunicorn.conf.py': GUNICORN_CONF,
  Procfile: GUNICORN_PROCFILE,
  [SITE_FILE]: SITE,
};

describe('insecure-cookie', () => {
  test('behind nginx with TLS, GET / sets the session cookie without Secure (Flask default)', async () => {
    const finding = expectFinding(await check(WITH_SESSION, BEHIND_NGINX), insecureCookie);
    expect(finding.message).toMatch(
      /^Nginx serves the site over TLS \(nginx\/shop\.conf:\d+\), and GET \/ sets the cookie session without Secure \(SESSION_COOKIE_SECURE is False \(Flask's default\)\): /,
    );
    expect(finding).toMatchObject({ file: 'app.py', line: lineOf(WITH_SESSION, 'from flask import') });
  });

  test('no finding: GET / sets the session cookie without Secure, but nothing in the project serves TLS', async () => {
    expectNoFinding(await check(WITH_SESSION));
  });

  test('no finding: ProxyFix trusting X-Forwarded-Proto is no evidence of TLS', async () => {
    const proxied = 'from werkzeug.middleware.proxy_fix import ProxyFix\napp.wsgi_app = ProxyFix(app.wsgi_app)\n';
    expectNoFinding(await check(edit(WITH_SESSION, AFTER_SECRET, `${AFTER_SECRET}${proxied}`)));
  });

  test('behind nginx with TLS, an app that uses the session without SESSION_COOKIE_SECURE', async () => {
    const app = edit(APP, 'from flask import Flask, jsonify', 'from flask import Flask, jsonify, session');
    const finding = expectFinding(await check(app, BEHIND_NGINX), insecureCookie);
    expect(finding.message).toMatch(
      /^Nginx serves the site over TLS \(nginx\/shop\.conf:\d+\) and the app uses cookies \(app\.py:3\), but SESSION_COOKIE_SECURE is False \(Flask's default\): /,
    );
    expect(finding).toMatchObject({ file: 'app.py', line: 3 });
  });

  test('SESSION_COOKIE_HTTPONLY=False and SESSION_COOKIE_SAMESITE="None" are reported wherever they are set', async () => {
    const app = withLines(
      'app.config.update(\n    SESSION_COOKIE_SECURE=True,\n    SESSION_COOKIE_HTTPONLY=False,\n    SESSION_COOKIE_SAMESITE="None",\n)',
    );
    const verdict = await check(app);
    expectFinding(verdict, insecureCookie);
    expect(verdict.findings.map((f) => [f.line, f.message])).toEqual([
      [
        lineOf(app, 'SESSION_COOKIE_HTTPONLY'),
        `SESSION_COOKIE_HTTPONLY = False at app.py:${lineOf(app, 'SESSION_COOKIE_HTTPONLY')}: scripts on the page can read the session cookie, so one injected script steals the session.`,
      ],
      [
        lineOf(app, 'SESSION_COOKIE_SAMESITE'),
        `SESSION_COOKIE_SAMESITE = "None" at app.py:${lineOf(app, 'SESSION_COOKIE_SAMESITE')}: browsers send the session cookie with requests from other sites, so they carry the login.`,
      ],
    ]);
  });

  test('no finding: the session cookie set with Secure, HttpOnly and SameSite=Lax', async () => {
    const app = edit(
      WITH_SESSION,
      AFTER_SECRET,
      `${AFTER_SECRET}app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_SAMESITE="Lax")\n`,
    );
    expectNoFinding(await check(app, BEHIND_NGINX));
  });

  test('no finding: behind TLS, an app that never uses cookies', async () => {
    expectNoFinding(await check(APP, BEHIND_NGINX));
  });

  test('no finding: no TLS in the project and no cookie set', async () => {
    expectNoFinding(
      await check(edit(APP, 'from flask import Flask, jsonify', 'from flask import Flask, jsonify, session')),
    );
  });

  describe('cookies the code sets itself with set_cookie', () => {
    const setting = (call: string) =>
      edit(
        edit(APP, 'from flask import Flask, jsonify', 'from flask import Flask, jsonify, make_response'),
        '    return "Corner Shop"',
        `    response = make_response("Corner Shop")\n    ${call}\n    return response`,
      );

    test.each([
      ['without httponly', 'response.set_cookie("authToken", "abc123")', 'without httponly'],
      ['httponly=False', 'response.set_cookie("remember_token", "abc123", httponly=False)', 'with httponly=False'],
      [
        'a session id, positional flags',
        'response.set_cookie("sid", "abc123", None, None, "/", None, True, False)',
        'with httponly=False',
      ],
    ])('a login cookie %s, at the call, whatever the transport', async (_what, call, written) => {
      const app = setting(call);
      const verdict = await check(app);
      expect(verdict.findings).toHaveLength(1);
      const finding = expectFinding(verdict, insecureCookie);
      expect(finding.message).toContain(
        `sets a cookie that carries the login ${written}: any script on the page reads it`,
      );
      expect(finding).toMatchObject({ file: 'app.py', line: lineOf(app, 'set_cookie') });
    });

    test('behind TLS, a login cookie without secure is reported too, at the call', async () => {
      const app = setting('response.set_cookie("authToken", "abc123", httponly=True)');
      const verdict = await check(app, BEHIND_NGINX);
      const atCall = verdict.findings.filter((f) => f.line === lineOf(app, 'set_cookie'));
      expect(atCall.map((f) => f.message)).toEqual([
        expect.stringMatching(
          /^Nginx serves the site over TLS .*, but set_cookie\("authToken", …\) at app\.py:\d+ sets a cookie that carries the login without secure: /,
        ),
      ]);
    });

    test.each([
      ['a theme cookie', 'response.set_cookie("theme", "dark")'],
      ['a CSRF token the page script reads (double submit)', 'response.set_cookie("csrf_token", "abc123")'],
      ['a login cookie with httponly=True, no TLS shown', 'response.set_cookie("authToken", "abc123", httponly=True)'],
      ['httponly decided at run time', 'response.set_cookie("authToken", "abc123", httponly=app.config["HTTPONLY"])'],
    ])('no finding: %s', async (_what, call) => {
      expectNoFinding(await check(setting(call)));
    });
  });
});
