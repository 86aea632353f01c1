import { expect, test } from 'vitest';
import type { RunOutcome } from '../../lib/runtime/protocol';
import { missingVariable } from './app-start';

const failed = (message: string, log = '') => ({ exit: { message }, log }) as unknown as RunOutcome;

test("a start fails for a variable: KeyError, SECRET_KEY, or the app's own 'you must set X'", () => {
  expect(missingVariable(failed('Worker failed to boot.', "KeyError: 'DATABASE_URL'"), {})).toBe('DATABASE_URL');
  expect(
    missingVariable(failed('Exception: You must set the REDASH_COOKIE_SECRET environment variable. Visit …'), {}),
  ).toBe('REDASH_COOKIE_SECRET');
  expect(
    missingVariable(failed('Exception: You must set the REDASH_COOKIE_SECRET environment variable.'), {
      REDASH_COOKIE_SECRET: 'set',
    }),
  ).toBeNull();
  expect(
    missingVariable(
      failed(
        'Worker failed to boot.',
        'decouple.UndefinedValueError: MAIL_PASSWORD not found. Declare it as envvar or define a default value.',
      ),
      {},
    ),
  ).toBe('MAIL_PASSWORD');
  // Flask's "FLASK_APP environment variable" hint names a locator, not a value the app asks for.
  expect(
    missingVariable(
      failed(
        "Error: Could not locate a Flask application. Use the 'flask --app' option, 'FLASK_APP' environment variable",
      ),
      {},
    ),
  ).toBeNull();
});
