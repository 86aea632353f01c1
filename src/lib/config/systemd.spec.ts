import { describe, expect, it } from 'vitest';
import { environment, parseExec, parseUnit, splitWords, UnitSyntaxError, value, values } from './systemd';

const UNIT = `# /etc/systemd/system/app.service
[Unit]
Description=Flask app under Gunicorn
After=network.target

[Service]
User=app
Group=app
; a comment with ; at line start
WorkingDirectory=/srv/app
Environment=FLASK_ENV=production
Environment="GREETING=hello world" LANG=C.UTF-8
EnvironmentFile=-/etc/app/env
ExecStartPre=/bin/true
ExecStartPre=
ExecStartPre=/srv/app/.venv/bin/flask db upgrade
ExecStart=/srv/app/.venv/bin/gunicorn \\
    --workers 3 \\
# comment lines inside a continuation are skipped
    --bind unix:/run/app/app.sock \\
    'wsgi:app'
Restart=on-failure
Restart=always
NoNewPrivileges=yes

[Install]
WantedBy=multi-user.target
`;

describe('parseUnit', () => {
  const unit = parseUnit(UNIT, 'app.service');

  it('keeps sections and entries in order with their lines', () => {
    expect(unit.sections.map((s) => [s.name, s.line])).toEqual([
      ['Unit', 2],
      ['Service', 6],
      ['Install', 26],
    ]);
    expect(value(unit, 'Service', 'User')).toMatchObject({ value: 'app', line: 7, file: 'app.service' });
  });

  it('joins continuation lines, skipping comment lines inside them, at the first line', () => {
    const exec = value(unit, 'Service', 'ExecStart');
    expect(exec?.line).toBe(17);
    expect(exec?.value).toBe("/srv/app/.venv/bin/gunicorn  --workers 3  --bind unix:/run/app/app.sock  'wsgi:app'");
  });

  it('lets the last assignment win for single values', () => {
    expect(value(unit, 'Service', 'Restart')?.value).toBe('always');
    expect(value(unit, 'Service', 'Missing')).toBeUndefined();
  });

  it('resets a list on an empty assignment', () => {
    expect(values(unit, 'Service', 'ExecStartPre').map((e) => e.value)).toEqual([
      '/srv/app/.venv/bin/flask db upgrade',
    ]);
    const reset = parseUnit('[Service]\nEnvironment=A=1\nEnvironment=\n', 'x.service');
    expect(values(reset, 'Service', 'Environment')).toEqual([]);
    expect(value(reset, 'Service', 'Environment')).toBeUndefined();
  });

  it('merges repeated sections', () => {
    const twice = parseUnit('[Service]\nUser=a\n[Service]\nUser=b\n', 'x.service');
    expect(value(twice, 'Service', 'User')?.value).toBe('b');
  });

  it('rejects an assignment outside a section, with file and line', () => {
    expect(() => parseUnit('# c\nUser=root\n', 'x.service')).toThrow('x.service:2: assignment outside of section');
  });

  it('rejects a line without =', () => {
    try {
      parseUnit('[Service]\nUser root\n', 'x.service');
      throw new Error('expected an error');
    } catch (e) {
      expect(e).toBeInstanceOf(UnitSyntaxError);
      expect((e as UnitSyntaxError).line).toBe(2);
      expect((e as UnitSyntaxError).reason).toMatch(/missing '='/);
    }
  });

  it('rejects a broken section header', () => {
    expect(() => parseUnit('[Service\n', 'x.service')).toThrow(/x.service:1: invalid section header/);
  });
});

describe('Environment=', () => {
  it('splits with systemd quoting', () => {
    const unit = parseUnit(UNIT, 'app.service');
    expect(environment(unit).map((p) => [p.name, p.value, p.entry.line])).toEqual([
      ['FLASK_ENV', 'production', 11],
      ['GREETING', 'hello world', 12],
      ['LANG', 'C.UTF-8', 12],
    ]);
  });

  it('handles quotes inside a word, escapes, single quotes and words without =', () => {
    const unit = parseUnit(`[Service]\nEnvironment=A="1 2" 'B=x y' C=a\\ b D=\\x41 junk SECRET_KEY=s3cr3t\n`, 'x');
    expect(environment(unit).map((p) => [p.name, p.value])).toEqual([
      ['A', '1 2'],
      ['B', 'x y'],
      ['C', 'a b'],
      ['D', 'A'],
      ['SECRET_KEY', 's3cr3t'],
    ]);
  });
});

describe('ExecStart=', () => {
  it('splits arguments, keeping specifiers and variables as written', () => {
    const unit = parseUnit(UNIT, 'app.service');
    const exec = parseExec(value(unit, 'Service', 'ExecStart') as never);
    expect(exec.path).toBe('/srv/app/.venv/bin/gunicorn');
    expect(exec.argv).toEqual([
      '/srv/app/.venv/bin/gunicorn',
      '--workers',
      '3',
      '--bind',
      'unix:/run/app/app.sock',
      'wsgi:app',
    ]);
    const spec = parseExec({ key: 'ExecStart', value: '/bin/app --home %h --user $USER "a b"', file: 'x', line: 1 });
    expect(spec.argv).toEqual(['/bin/app', '--home', '%h', '--user', '$USER', 'a b']);
  });

  it('strips the special prefixes', () => {
    const e = parseExec({ key: 'ExecStartPre', value: '-+/bin/mkdir -p /run/app', file: 'x', line: 1 });
    expect(e).toMatchObject({ prefixes: ['-', '+'], ignoreFailure: true, path: '/bin/mkdir' });
    const at = parseExec({ key: 'ExecStart', value: '@/usr/bin/python3 myname -m app', file: 'x', line: 1 });
    expect(at.path).toBe('/usr/bin/python3');
    expect(at.argv).toEqual(['myname', '-m', 'app']);
    expect(parseExec({ key: 'ExecStart', value: '!!/bin/x', file: 'x', line: 1 }).prefixes).toEqual(['!!']);
  });

  it('rejects unbalanced quotes', () => {
    expect(() => splitWords('/bin/x "a b')).toThrow(/unbalanced/);
  });
});
