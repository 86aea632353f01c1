import { describe, expect, test } from 'vitest';
import type { ServingInfo } from '../../lib/runtime/protocol';
import type { Entrypoint } from './entrypoints';
import { readProject } from './project';
import { reachableByOutsiders, serverTrustsAnyone } from './reachability';

const serving = (host: string, settings: ServingInfo['settings'] = {}) =>
  ({ server: 'gunicorn', host, port: 8000, settings }) as unknown as ServingInfo;
const entry = (fields: Partial<Entrypoint>): Entrypoint => ({
  command: 'gunicorn wsgi:app',
  written: 'gunicorn wsgi:app',
  source: null,
  env: {},
  root: '',
  container: false,
  guessed: false,
  ...fields,
});
const NO_PROXY = { nginx: [] };
const WITH_NGINX = { nginx: [null] };
const APP = 'from flask import Flask\napp = Flask(__name__)\n';

describe('reachableByOutsiders', () => {
  test("a platform's router ($PORT) is the only way in, whatever the process binds", () => {
    expect(reachableByOutsiders(serving('0.0.0.0'), entry({ platform: true }), NO_PROXY)).toEqual({ outsiders: false });
  });

  test("a Procfile without a proxy of the project's own is a platform's; beside an nginx config its bind decides", () => {
    const procfile = entry({ procfile: true });
    expect(reachableByOutsiders(serving('0.0.0.0'), procfile, NO_PROXY)).toEqual({ outsiders: false });
    expect(reachableByOutsiders(serving('0.0.0.0'), procfile, WITH_NGINX)).toEqual({ outsiders: true });
    expect(reachableByOutsiders(serving('127.0.0.1'), procfile, WITH_NGINX)).toEqual({ outsiders: false });
  });

  test('a unit or guessed command: every listening address counts, loopback and unix sockets are local', () => {
    expect(reachableByOutsiders(serving('0.0.0.0'), entry({}), WITH_NGINX)).toEqual({ outsiders: true });
    const local = serving('127.0.0.1', { addresses: ['127.0.0.1:8000', 'unix:/run/app.sock', '[::1]:8000'] });
    expect(reachableByOutsiders(local, entry({}), WITH_NGINX)).toEqual({ outsiders: false });
    const both = serving('127.0.0.1', { addresses: ['127.0.0.1:8000', '0.0.0.0:8001'] });
    expect(reachableByOutsiders(both, entry({}), WITH_NGINX)).toEqual({ outsiders: true });
  });

  test('a container: published → reached; private network → not; an image nothing runs → unknown, with why', () => {
    const at = { file: 'docker-compose.yml', line: 7 };
    expect(reachableByOutsiders(serving('0.0.0.0'), entry({ container: true, published: at }), NO_PROXY)).toEqual({
      outsiders: true,
    });
    expect(
      reachableByOutsiders(serving('0.0.0.0'), entry({ container: true, privateNetwork: true }), NO_PROXY),
    ).toEqual({ outsiders: false });
    expect(reachableByOutsiders(serving('0.0.0.0'), entry({ container: true }), NO_PROXY)).toEqual({
      outsiders: false,
      unknown: 'no compose file runs the image, so nothing in the project says who reaches its port',
    });
  });

  test('read from the project: a compose service running the published image of the Dockerfile decides', () => {
    const files = {
      Dockerfile: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n',
      'app.py': APP,
    };
    const compose = (ports: string) =>
      `services:\n  shop:\n    image: acme/shop:1.2\n${ports}  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n`;
    const published = readProject({ ...files, 'docker-compose.yml': compose('    ports:\n      - "8000:8000"\n') }, []);
    expect(reachableByOutsiders(serving('0.0.0.0'), published.entrypoints[0] as Entrypoint, published)).toEqual({
      outsiders: true,
    });
    const unpublished = readProject({ ...files, 'docker-compose.yml': compose('') }, []);
    expect(reachableByOutsiders(serving('0.0.0.0'), unpublished.entrypoints[0] as Entrypoint, unpublished)).toEqual({
      outsiders: false,
    });
    const alone = readProject(files, []);
    expect(reachableByOutsiders(serving('0.0.0.0'), alone.entrypoints[0] as Entrypoint, alone).unknown).toBeDefined();
  });
});

test('serverTrustsAnyone: Gunicorn forwarded_allow_ips with *, Waitress trusted_proxy="*"', () => {
  expect(serverTrustsAnyone(serving('0.0.0.0', { forwarded_allow_ips: ['127.0.0.1', '*'] }))).toBe(true);
  expect(serverTrustsAnyone(serving('0.0.0.0', { forwarded_allow_ips: '10.0.0.1, *' }))).toBe(true);
  expect(serverTrustsAnyone(serving('0.0.0.0', { trusted_proxy: '*' }))).toBe(true);
  expect(serverTrustsAnyone(serving('0.0.0.0', { forwarded_allow_ips: ['127.0.0.1'], trusted_proxy: null }))).toBe(
    false,
  );
});
