import { describe, expect, test } from 'vitest';
import { projectPathsIn, tracebackIn } from './leaks';

describe('tracebackIn', () => {
  test('finds a plain-text traceback', () => {
    const body = 'Traceback (most recent call last):\n  File "/srv/shop/app.py", line 9, in parse\nValueError: x';
    expect(tracebackIn(body)).toBe('a Python traceback');
  });

  test("finds Werkzeug's debugger page", () => {
    expect(tracebackIn('<div class="debugger"><script>var CONSOLE_MODE = false;</script>')).toBe(
      "Werkzeug's interactive debugger page",
    );
  });

  test('finds exception text and project paths on their own', () => {
    expect(tracebackIn('<p>ValueError: invalid literal for int()</p>')).toBe('exception text');
    expect(tracebackIn('see /srv/shop/app.py')).toBe('paths of the project on the server');
  });

  test("Flask's generic 500 page carries nothing", () => {
    const body =
      '<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n' +
      '<p>The server encountered an internal error and was unable to complete your request.</p>';
    expect(tracebackIn(body)).toBeNull();
  });
});

describe('projectPathsIn', () => {
  test('lists each project source path once', () => {
    const body = 'File "/srv/shop/app.py", line 9 ... File "/srv/shop/shop/views.py" ... /srv/shop/app.py';
    expect(projectPathsIn(body)).toEqual(['/srv/shop/app.py', '/srv/shop/shop/views.py']);
  });

  test('ignores library paths', () => {
    expect(projectPathsIn('File "/lib/python3.14/site-packages/flask/app.py"')).toEqual([]);
  });
});
