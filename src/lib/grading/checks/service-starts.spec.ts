import { describe, expect, test } from 'vitest';
import type { CheckSpec } from '../../content/checks-schema';
import {
  edit,
  GUNICORN_CONF,
  gradingContext,
  NO_PYTHON,
  SUPERVISOR,
  UNIT,
  UNIT_FILE,
  WSGI,
} from '../rules/test-support';
import { serviceStarts } from './service-starts';

type Spec = Extract<CheckSpec, { kind: 'service-starts' }>;

const SPEC: Spec = {
  kind: 'service-starts',
  id: 'service-starts',
  title: 'The process manager finds every path',
  appRoot: '/srv/shop',
  machine: ['/srv/shop/venv/bin/gunicorn', '/srv/shop/venv/bin/python', '/etc/shop/shop.env'],
};
const APP_FILES = { 'wsgi.py': WSGI, 'gunicorn.conf.py': GUNICORN_CONF, 'serve.py': 'print()\n' };

const judge = (files: Record<string, string>) =>
  serviceStarts(SPEC, gradingContext(NO_PYTHON, { files: { ...APP_FILES, ...files } }));

describe('service-starts', () => {
  test('a unit whose program, config, env file and folder are all on the server starts', () => {
    const result = judge({ [UNIT_FILE]: UNIT });
    expect(result.passed).toBe(true);
  });

  test('a typo in EnvironmentFile= is a restart loop, at its line', () => {
    const unit = edit(UNIT, 'EnvironmentFile=/etc/shop/shop.env', 'EnvironmentFile=/etc/shop/shop.evn');
    const result = judge({ [UNIT_FILE]: unit });
    expect(result.passed).toBe(false);
    expect(result.message).toContain('EnvironmentFile=/etc/shop/shop.evn is not on the server');
    expect(result.message).toContain('Restart=on-failure starts it again, forever: a restart loop');
    expect(result.line).toBe(unit.split('\n').findIndex((line) => line.startsWith('EnvironmentFile=')) + 1);
  });

  test('a missing env file marked with "-" is not an error (systemd.exec(5))', () => {
    const unit = edit(UNIT, 'EnvironmentFile=/etc/shop/shop.env', 'EnvironmentFile=-/etc/shop/other.env');
    expect(judge({ [UNIT_FILE]: unit }).passed).toBe(true);
  });

  test('without Restart= the unit fails once and stays down', () => {
    const unit = edit(edit(UNIT, 'Restart=on-failure\n', ''), '/srv/shop/venv/bin/gunicorn', '/usr/bin/gunicorn');
    const result = judge({ [UNIT_FILE]: unit });
    expect(result.message).toContain('/usr/bin/gunicorn is not on the server');
    expect(result.message).toContain('stays down');
  });

  test("gunicorn's -c file must be the workspace's, where it is deployed", () => {
    const unit = edit(UNIT, '-c /srv/shop/gunicorn.conf.py', '-c /srv/shop/gunicorn.py');
    expect(judge({ [UNIT_FILE]: unit }).message).toContain('/srv/shop/gunicorn.py is not on the server');
  });

  test("a Supervisor program's python script must exist: FATAL", () => {
    const program = SUPERVISOR.replace(/command=.*/, 'command=/srv/shop/venv/bin/python /srv/shop/server.py');
    const result = judge({ 'supervisor/shop.conf': program });
    expect(result.passed).toBe(false);
    expect(result.message).toContain("can't open file '/srv/shop/server.py'");
    expect(result.message).toContain('FATAL');
  });

  test('nothing to start fails, and says so', () => {
    const result = judge({});
    expect(result.passed).toBe(false);
    expect(result.message).toContain('no systemd unit');
  });
});
