import { describe, expect, test } from 'vitest';
import { rules } from '../../lib/grading/rules';
import type { GradingContext } from '../../lib/grading/context';
import { readProject } from './project';
import { serverFolder } from './entrypoints';

const SITE = 'server {\n    listen 5085;\n    location / { proxy_pass http://web:5000; }\n}\n';

describe('readProject: nginx as deployed', () => {
  test('a file a Dockerfile copies into /etc/nginx is a config, with the image tag as its nginx version', () => {
    const project = readProject(
      { 'proxy/Dockerfile': 'FROM nginx:1.25-alpine\nCOPY conf /etc/nginx/conf.d/default.conf\n', 'proxy/conf': SITE },
      [],
    );
    expect(project.nginx).toHaveLength(1);
    const load = project.nginx[0];
    expect(load?.ok && load.nginx.file).toBe('proxy/conf');
    expect(load?.ok && load.nginx.version).toEqual({ number: '1.25', image: 'nginx:1.25-alpine' });
  });

  test('server-tokens names the image’s nginx, not the emulated one', async () => {
    const project = readProject(
      { 'proxy/Dockerfile': 'FROM nginx:1.25-alpine\nCOPY conf /etc/nginx/conf.d/default.conf\n', 'proxy/conf': SITE },
      [],
    );
    const verdict = await rules['server-tokens'].evaluate({ nginx: project.nginx[0] } as unknown as GradingContext);
    expect(verdict.findings[0]?.message).toContain('Server: nginx/1.25.x (the image nginx:1.25-alpine)');
  });

  test('a file of nginx directives without an extension is found by its content; one without a server says so', () => {
    const project = readProject(
      {
        'deployment/nginx/microblog': SITE,
        'deployment/nginx/snippet': 'proxy_set_header Host $host;\nproxy_pass http://x;\n',
      },
      [],
    );
    expect(project.nginx.map((load) => load?.ok && load.nginx.file)).toEqual(['deployment/nginx/microblog']);
    expect(project.infos.join('\n')).toContain(
      'deployment/nginx/snippet: nginx directives without a server or http block',
    );
  });
});

describe('readProject: container context', () => {
  test('a Supervisor program run by supervisord in a container with USER sid runs as sid', () => {
    const project = readProject(
      {
        Dockerfile: 'FROM python:3.12\nUSER sid\nCMD ["supervisord", "-c", "/etc/supervisord.conf"]\n',
        'supervisord.conf': '[program:web]\ncommand=gunicorn app:app\n',
      },
      [],
    );
    const load = project.processes[0];
    expect(load?.ok && load.process.user).toEqual({ value: 'sid', file: 'Dockerfile', line: 2 });
  });

  test('services that are not the app are skipped without a word; a backend published on the host is marked', () => {
    const project = readProject(
      {
        'docker-compose.yml':
          'services:\n  db:\n    image: mariadb:11\n    command: --transaction-isolation=READ-COMMITTED\n  cache:\n    image: redis:7\n    command: redis-server --save 60 1\n  web:\n    build: .\n    command: gunicorn -b 0.0.0.0:8000 app:app\n    ports:\n      - "8000:8000"\n',
        'app.py': 'from flask import Flask\napp = Flask(__name__)\n',
      },
      [],
    );
    expect(project.infos).toEqual([]);
    expect(project.entrypoints).toHaveLength(1);
    expect(project.entrypoints[0]).toMatchObject({
      command: 'gunicorn -b 0.0.0.0:8000 app:app',
      published: { file: 'docker-compose.yml', line: 12 },
    });
  });

  test("a service published on the host's loopback only is reached by the host's proxy, not by clients", () => {
    const compose = (port: string) =>
      `services:\n  web:\n    build: .\n    command: gunicorn -b 0.0.0.0:8000 app:app\n    ports:\n      - "${port}"\n`;
    const app = 'from flask import Flask\napp = Flask(__name__)\n';
    const loopback = readProject(
      { 'docker-compose.yml': compose('${WEB_PORT:-127.0.0.1:8000}:8000'), 'app.py': app },
      [],
    );
    expect(loopback.entrypoints[0]).toMatchObject({ privateNetwork: true });
    expect(loopback.entrypoints[0]?.published).toBeUndefined();
    const everywhere = readProject({ 'docker-compose.yml': compose('8000:8000'), 'app.py': app }, []);
    expect(everywhere.entrypoints[0]?.privateNetwork).toBeUndefined();
  });
});

test('a unit runs in its WorkingDirectory=, the project folder its ExecStart program is written under', () => {
  expect(serverFolder('<src>', '<src>/wgd.sh', { 'src/wgd.sh': '', 'src/app.py': '' })).toBe('src');
  expect(serverFolder('/srv/shop/app', '/usr/bin/gunicorn', { 'app/wsgi.py': '' })).toBe('app');
  expect(serverFolder('/opt/elsewhere', '/usr/bin/gunicorn', { 'wsgi.py': '' })).toBe('');
});

describe('readProject: a Heroku Procfile runs with app.json’s env', () => {
  const MANIFEST =
    '{\n  "env": {\n    "FLASK_ENV": { "value": "prod" },\n    "SECRET_KEY": { "generator": "secret" }\n  }\n}\n';

  test('the variables app.json gives a value are the web process’s environment, at their lines', () => {
    const project = readProject(
      { Procfile: 'web: gunicorn manage:app\n', 'app.json': MANIFEST, 'manage.py': 'app = None\n' },
      [],
    );
    expect(project.entrypoints).toHaveLength(1);
    expect(project.entrypoints[0]?.env).toEqual({ FLASK_ENV: 'prod' });
    expect(project.entrypoints[0]?.envSources).toEqual([
      { name: 'FLASK_ENV', value: 'prod', file: 'app.json', line: 3 },
    ]);
  });

  test('without app.json beside it, the Procfile runs with no variables', () => {
    const project = readProject(
      { 'web/Procfile': 'web: gunicorn manage:app\n', 'app.json': MANIFEST, 'web/manage.py': 'app = None\n' },
      [],
    );
    expect(project.entrypoints[0]?.env).toEqual({});
  });
});

describe('readProject: a Procfile beside a unit or Supervisor program is a platform’s', () => {
  const NGINX = 'server {\n    listen 80;\n    location / { proxy_pass http://localhost:8000; }\n}\n';
  const PROGRAM = '[program:shop]\ncommand=/srv/shop/venv/bin/gunicorn -b localhost:8000 app:app\n';
  const UNIT = '[Service]\nExecStart=/srv/shop/venv/bin/gunicorn -b 127.0.0.1:8000 app:app\n';
  const procfileOf = (files: Record<string, string>) =>
    readProject(files, []).entrypoints.find((entry) => entry.procfile);

  test('beside a Supervisor program or a systemd unit that runs the server, the Procfile is behind a router', () => {
    const base = { Procfile: 'web: gunicorn app:app\n', 'app.py': 'app = None\n', 'deploy/nginx/shop': NGINX };
    expect(procfileOf({ ...base, 'deploy/supervisor/shop.conf': PROGRAM })?.platform).toBe(true);
    expect(procfileOf({ ...base, 'deploy/shop.service': UNIT })?.platform).toBe(true);
  });

  test('alone beside nginx, a process manager (honcho) runs it on the proxy’s machine: not a platform’s', () => {
    const project = { Procfile: 'web: gunicorn app:app\n', 'app.py': 'app = None\n', 'deploy/nginx/shop': NGINX };
    expect(procfileOf(project)?.platform).toBeUndefined();
  });

  test('a Supervisor program that runs in a container (supervisord as its command) leaves the Procfile alone', () => {
    const project = {
      Procfile: 'web: gunicorn app:app\n',
      'app.py': 'app = None\n',
      'supervisord.conf': PROGRAM,
      Dockerfile: 'FROM python:3.12\nCOPY . /app\nCMD ["supervisord", "-c", "/app/supervisord.conf"]\n',
    };
    expect(procfileOf(project)?.platform).toBeUndefined();
  });
});
