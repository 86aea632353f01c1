import { describe, expect, test } from 'vitest';
import { judgeEvasion } from './judge-evasion';
import {
  APP,
  GUNICORN_CONF,
  GUNICORN_PROCFILE,
  WSGI,
  edit,
  expectFinding,
  expectNoFinding,
  judge,
  lineOf,
  usePython,
} from './test-support';

const python = usePython();

/** The lesson 04 project (Gunicorn, wsgi.py importing app.py) with extra files laid over it. */
const project = (extra: Record<string, string>) =>
  judge(judgeEvasion, python, {
    files: { 'app.py': APP, 'wsgi.py': WSGI, 'gunicorn.conf.py': GUNICORN_CONF, Procfile: GUNICORN_PROCFILE, ...extra },
  });

const withApp = (app: string) => project({ 'app.py': app });

/** APP with `code` inserted right after its imports. */
const sniffing = (code: string) => edit(APP, 'app = Flask(__name__)', `${code}\napp = Flask(__name__)`);

describe('judge-evasion', () => {
  const sniffs: Array<[string, string]> = [
    ['import js', 'imports js'],
    ['from pyodide.code import run_js', 'imports pyodide.code'],
    ['import pyodide_js', 'imports pyodide_js'],
    ['import prodready_harness.api', 'imports prodready_harness.api'],
    ['import sys\nJUDGED = sys.platform == "emscripten"', 'tests `sys.platform == "emscripten"`'],
    ['import sys\nJUDGED = "pyodide" in sys.modules', 'tests `"pyodide" in sys.modules`'],
    ['import sys\nJUDGED = "js" in sys.modules', 'tests `"js" in sys.modules`'],
    ['import platform\nJUDGED = platform.system() == "Emscripten"', 'tests `platform.system() == "Emscripten"`'],
    ['import platform\nJUDGED = platform.machine() in ("wasm32",)', 'tests `platform.machine() in ("wasm32",)`'],
    ['import sys\nJUDGED = sys.platform.startswith("emscr")', 'tests `sys.platform.startswith("emscr")`'],
    ['import sys\nJUDGED = hasattr(sys, "x") and sys._emscripten_info', 'reads `sys._emscripten_info`'],
    ['import importlib\nHARNESS = importlib.import_module("prodready_harness")', 'looks up `importlib.import_module'],
    ['import sys\nHARNESS = sys.modules["prodready_harness"]', 'looks up `sys.modules["prodready_harness"]`'],
    ['import sys\nHARNESS = sys.modules.get("pyodide")', 'looks up `sys.modules.get("pyodide")`'],
  ];
  for (const [code, what] of sniffs) {
    test(`${code.split('\n').pop()}: found at its line`, async () => {
      const app = sniffing(code);
      const finding = expectFinding(await withApp(app), judgeEvasion);
      expect(finding.message).toContain(`This code ${what}`);
      expect(finding).toMatchObject({ file: 'app.py', line: lineOf(app, code.split('\n').pop() as string) });
    });
  }

  test('in a module production imports through a package, not only the entry module', async () => {
    const finding = expectFinding(
      await project({
        'wsgi.py': 'from shop.web import app  # noqa: F401\n',
        'shop/__init__.py': '',
        'shop/web.py': 'from .platform_check import JUDGED  # noqa: F401\nfrom app import app\n',
        'shop/platform_check.py': 'import sys\n\nJUDGED = sys.platform == "emscripten"\n',
      }),
      judgeEvasion,
    );
    expect(finding).toMatchObject({ file: 'shop/platform_check.py', line: 3 });
  });

  test('a project ast.py or json.py does not blind the reading', async () => {
    const shadow = 'raise SystemExit("shadowed")\n';
    const finding = expectFinding(
      await project({ 'ast.py': shadow, 'json.py': shadow, 'app.py': sniffing('import js') }),
      judgeEvasion,
    );
    expect(finding.file).toBe('app.py');
  });

  test('no finding: the lesson solution', async () => {
    expectNoFinding(await project({}));
  });

  test('no finding: other platforms, the word "js" and a "prod" environment in ordinary code', async () => {
    const app = sniffing(
      'import os, sys\nWINDOWS = sys.platform == "win32"\nSCRIPT = "app.js"\nIS_JS = SCRIPT.endswith("js")\nKIND = {"js": 1}["js"]\nDEV = os.environ.get("ENV") != "prod"',
    );
    expectNoFinding(await withApp(app));
  });

  test('no finding: tests, and modules production never imports', async () => {
    expectNoFinding(
      await project({
        'tests/test_app.py': 'import sys\nassert sys.platform == "emscripten"\n',
        'scripts/local_tool.py': 'import js\n',
      }),
    );
  });
});
