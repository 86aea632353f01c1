import { describe, expect, test } from 'vitest';
import { findServer, harnessCommand, settleUnknownVariables } from './server-command';

const BOOT = `#!/bin/bash
source venv/bin/activate
while true; do
    flask db upgrade
    if [[ "$?" == "0" ]]; then
        break
    fi
    sleep 5
done
flask translate compile
exec gunicorn -b :5000 --access-logfile - --error-logfile - microblog:app
`;
const ENTRYPOINT = `#!/bin/sh
if [ "$DATABASE" = "postgres" ]
then
    while ! nc -z $SQL_HOST $SQL_PORT; do
      sleep 0.1
    done
fi
exec "$@"
`;

describe('findServer', () => {
  test('a Procfile chain: the gunicorn command serves, not the flask tasks before it', () => {
    const found = findServer(['sh', '-c', 'flask db upgrade; flask translate compile; gunicorn microblog:app'], {
      files: {},
    });
    expect(found).toEqual({ ok: true, command: { argv: ['gunicorn', 'microblog:app'], root: '', env: {}, via: null } });
  });

  test("nginx -g 'daemon off;' beside the app: the app server is found, the quoted ; left alone", () => {
    const found = findServer(['sh', '-c', "gunicorn -b 127.0.0.1:8000 app:app & nginx -g 'daemon off;'"], {
      files: {},
    });
    expect(found.ok && found.command.argv).toEqual(['gunicorn', '-b', '127.0.0.1:8000', 'app:app']);
  });

  test('boot.sh is followed to its exec, at its line', () => {
    const found = findServer(['./boot.sh'], { files: { 'boot.sh': BOOT } });
    expect(found.ok && found.command).toEqual({
      argv: ['gunicorn', '-b', ':5000', '--access-logfile', '-', '--error-logfile', '-', 'microblog:app'],
      root: '',
      env: {},
      via: { file: 'boot.sh', line: 11 },
    });
  });

  test('an ENTRYPOINT script that ends in exec "$@" runs the CMD it is given', () => {
    const files = { 'services/web/entrypoint.prod.sh': ENTRYPOINT, 'services/web/manage.py': '' };
    const found = findServer(['/home/app/web/entrypoint.prod.sh', 'gunicorn', '--bind', '0.0.0.0:5000', 'manage:app'], {
      files,
      root: 'services/web',
      workdir: '/home/app/web',
    });
    expect(found.ok && found.command.argv).toEqual(['gunicorn', '--bind', '0.0.0.0:5000', 'manage:app']);
    expect(found.ok && found.command.root).toBe('services/web');
    // The command is written where the CMD is, not at the script's `exec "$@"`.
    expect(found.ok && found.command.via).toBeNull();
  });

  test('cd in a chain moves the folder; assignments before the program are its environment', () => {
    const found = findServer(['sh', '-c', 'cd src && FLASK_DEBUG=1 exec flask run --host 0.0.0.0'], { files: {} });
    expect(found.ok && found.command).toMatchObject({ root: 'src', env: { FLASK_DEBUG: '1' } });
  });

  test('another service (nginx, a database) is not the app; an unknown program says what it is', () => {
    expect(findServer(['nginx', '-g', 'daemon off;'], { files: {} })).toMatchObject({ ok: false, notTheApp: true });
    const celery = findServer(['celery', '-A', 'app.celery', 'worker'], { files: {} });
    expect(celery).toMatchObject({ ok: false, program: 'celery' });
    expect(celery.ok || celery.notTheApp).toBeFalsy();
  });

  test('launchers are stripped: poetry run, tini --, gosu user', () => {
    const found = findServer(['tini', '--', 'gosu', 'app', 'poetry', 'run', 'waitress-serve', 'app:app'], {
      files: {},
    });
    expect(found.ok && found.command.argv).toEqual(['waitress-serve', 'app:app']);
  });
});

test('a script’s own variables, defaults and eval are read as the shell reads them', () => {
  const script = [
    '#!/bin/sh',
    'WORKER_CLASS=${WORKER_CLASS:-gevent}',
    'export TIMEOUT="${GUNICORN_TIMEOUT:-120}"',
    'GOSU=""',
    'cmd="$GOSU gunicorn -k $WORKER_CLASS --timeout $TIMEOUT -w ${WORKERS} app:app"',
    'eval $cmd',
  ].join('\n');
  const found = findServer(['./run.sh'], { files: { 'run.sh': script }, env: { WORKERS: '3' } });
  expect(found.ok && found.command.argv).toEqual([
    'gunicorn',
    '-k',
    'gevent',
    '--timeout',
    '120',
    '-w',
    '3',
    'app:app',
  ]);
  expect(found.ok && found.command.via).toEqual({ file: 'run.sh', line: 6 });
});

test('python3 -um app is python -m app; sudo is a launcher', () => {
  const found = findServer(['sudo', '-u', 'app', 'python3', '-um', 'app', '--port', '5000'], { files: {} });
  expect(found.ok && found.command.argv).toEqual(['python3', '-um', 'app', '--port', '5000']);
  expect(found.ok && harnessCommand(found.command, {})).toEqual({ command: 'python -m app --port 5000', root: '' });
});

test('su USER -c runs its command; a variable holding a launcher and its user splits into words', () => {
  const script = '#!/bin/sh\nGOSU="/usr/sbin/gosu ubuntu"\n$GOSU gunicorn -b 0.0.0.0:8000 app:app\n';
  const viaGosu = findServer(['./start.sh'], { files: { 'start.sh': script } });
  expect(viaGosu.ok && viaGosu.command.argv).toEqual(['gunicorn', '-b', '0.0.0.0:8000', 'app:app']);
  const viaSu = findServer(['su', '-', 'abc', '-c', 'exec gunicorn app:app --log-syslog'], { files: {} });
  expect(viaSu.ok && viaSu.command.argv).toEqual(['gunicorn', 'app:app', '--log-syslog']);
});

describe('harnessCommand', () => {
  test('flask run becomes python -m flask run; --chdir into a project folder moves the root', () => {
    expect(harnessCommand({ argv: ['flask', 'run'], root: '', env: {}, via: null }, {})).toEqual({
      command: 'python -m flask run',
      root: '',
    });
    expect(
      harnessCommand(
        { argv: ['gunicorn', '--chdir', 'src', 'app:create_app()'], root: '', env: {}, via: null },
        { 'src/app.py': '' },
      ),
    ).toEqual({ command: "gunicorn 'app:create_app()'", root: 'src' });
  });

  test('an absolute path under the WORKDIR is the project file', () => {
    expect(
      harnessCommand(
        { argv: ['python', '/usr/src/app/run.py'], root: 'web', env: {}, via: null },
        { 'web/run.py': '' },
        '/usr/src/app',
      ),
    ).toEqual({ command: 'python run.py', root: 'web' });
  });
});

describe('privilege drops and init wrappers', () => {
  test.each([
    ['gosu app gunicorn app:app'],
    ['su-exec app:app gunicorn app:app'],
    ['setpriv --reuid=1000 --regid 1000 --init-groups gunicorn app:app'],
    ['chpst -u app:app -/ /srv gunicorn app:app'],
    ['dumb-init --single-child -- gunicorn app:app'],
    ['tini -s -g -- gunicorn app:app'],
    ['runuser -u app -- gunicorn app:app'],
    ['s6-setuidgid app gunicorn app:app'],
    ['su - app -c "exec gunicorn app:app $@"'],
  ])('%s runs gunicorn app:app', (line) => {
    const found = findServer(['sh', '-c', line], { files: {} });
    expect(found.ok && found.command.argv).toEqual(['gunicorn', 'app:app']);
  });
});

describe('settleUnknownVariables', () => {
  test('an option whose value nothing sets is left to the server default; other words lose the variable', () => {
    expect(settleUnknownVariables(['gunicorn', '-w', '$THREADS', '--timeout=${T}', '--reload', '$APP', 'x$Y'])).toEqual(
      { argv: ['gunicorn', '--reload', 'x'], unknown: ['THREADS', 'T', 'APP', 'Y'] },
    );
  });

  test('findServer reports the names it settled', () => {
    const found = findServer(['sh', '-c', 'gunicorn -w $N --bind 0.0.0.0:8000 app:app'], { files: {} });
    expect(found.ok && found.command).toMatchObject({
      argv: ['gunicorn', '--bind', '0.0.0.0:8000', 'app:app'],
      unknown: ['N'],
    });
  });
});
