import { describe, expect, test } from 'vitest';
import { appJsonEnv } from './app-json';

const MANIFEST = `{
  "name": "shop",
  "env": {
    "FLASK_ENV": {
      "description": "which configuration the app loads",
      "value": "prod"
    },
    "WEB_CONCURRENCY": "3",
    "SECRET_KEY": { "description": "signs sessions", "generator": "secret" },
    "DATABASE_URL": { "description": "the database", "required": true }
  }
}
`;

describe('appJsonEnv', () => {
  test('string values and objects’ `value`, each at the line of its key', () => {
    expect(appJsonEnv(MANIFEST, 'app.json')).toEqual([
      { name: 'FLASK_ENV', value: 'prod', file: 'app.json', line: 4 },
      { name: 'WEB_CONCURRENCY', value: '3', file: 'app.json', line: 8 },
    ]);
  });

  test('generated and required-without-value variables are not known from the repository', () => {
    const names = appJsonEnv(MANIFEST, 'app.json').map((setting) => setting.name);
    expect(names).not.toContain('SECRET_KEY');
    expect(names).not.toContain('DATABASE_URL');
  });

  test.each([
    ['no env', '{"name": "shop"}'],
    ['env not an object', '{"env": ["FLASK_ENV"]}'],
    ['not JSON', '{ env: '],
  ])('nothing: %s', (_what, text) => {
    expect(appJsonEnv(text, 'app.json')).toEqual([]);
  });
});
