import { describe, expect, test } from 'vitest';
import { ComposeSyntaxError, interpolate, parseCompose } from './compose';

const COMPOSE = `services:
  web:
    build:
      context: ./services/web
      dockerfile: Dockerfile.prod
      target: production
    command: gunicorn --bind 0.0.0.0:5000 manage:app
    environment:
      - SECRET_KEY=\${SECRET_KEY}
      - FLASK_DEBUG=\${DEBUG:-0}
      - DATABASE_URL=postgresql://hello:hello@db/app
    env_file:
      - ./.env.prod
    ports:
      - "127.0.0.1:5000:5000"
      - 8080:80
    volumes:
      - ./services/web:/usr/src/app
  nginx:
    image: nginx:1.25-alpine
    command: [nginx, -g, "daemon off;"]
    volumes:
      - type: bind
        source: ./nginx/conf.d
        target: /etc/nginx/conf.d
    user: nginx
  db:
    image: postgres:15
    environment:
      POSTGRES_PASSWORD: hello
`;

describe('parseCompose', () => {
  const compose = parseCompose(COMPOSE, 'docker-compose.prod.yml', { DEBUG: '' });
  const [web, nginx, db] = compose.services;

  test('build context, Dockerfile and target stage', () => {
    expect(web?.build).toEqual({
      context: './services/web',
      dockerfile: 'Dockerfile.prod',
      target: 'production',
      line: 3,
    });
    expect(web?.command).toEqual({ argv: ['gunicorn', '--bind', '0.0.0.0:5000', 'manage:app'], line: 7 });
  });

  test('environment with lines; a value referring to an unset variable is not written here', () => {
    expect(web?.environment.map(({ name, value, line }) => [name, value, line])).toEqual([
      ['FLASK_DEBUG', '0', 10],
      ['DATABASE_URL', 'postgresql://hello:hello@db/app', 11],
    ]);
    expect(db?.environment).toEqual([
      {
        name: 'POSTGRES_PASSWORD',
        value: 'hello',
        file: 'docker-compose.prod.yml',
        line: 30,
        interpolated: false,
        written: 'hello',
      },
    ]);
    expect(web?.envFiles).toEqual([{ path: './.env.prod', line: 13, required: true }]);
  });

  test('ports: host address, published and target ports, each at its line', () => {
    expect(web?.ports).toEqual([
      { hostIp: '127.0.0.1', published: '5000', target: '5000', line: 15 },
      { hostIp: null, published: '8080', target: '80', line: 16 },
    ]);
  });

  test('list commands keep their words; volumes in short and long syntax', () => {
    expect(nginx?.command?.argv).toEqual(['nginx', '-g', 'daemon off;']);
    expect(nginx?.volumes).toEqual([{ source: './nginx/conf.d', target: '/etc/nginx/conf.d', line: 23 }]);
    expect(web?.volumes).toEqual([{ source: './services/web', target: '/usr/src/app', line: 18 }]);
    expect(nginx?.user).toEqual({ value: 'nginx', file: 'docker-compose.prod.yml', line: 26 });
    expect(nginx?.image).toBe('nginx:1.25-alpine');
  });

  test('a YAML error names the file and line', () => {
    expect(() => parseCompose('services:\n  web:\n    image: [unclosed\n', 'compose.yaml')).toThrow(ComposeSyntaxError);
    try {
      parseCompose('services:\n  web:\n    image: [unclosed\n', 'compose.yaml');
    } catch (error) {
      expect((error as ComposeSyntaxError).file).toBe('compose.yaml');
      expect((error as ComposeSyntaxError).line).toBeGreaterThan(1);
    }
  });
});

test("interpolate: Compose's forms", () => {
  expect(interpolate('${A:-x}/${B-y}/$C/$$D/${E:+set}', { A: '', B: '', E: '1' })).toEqual({
    value: 'x///$D/set',
    unset: ['C'],
    interpolated: true,
  });
});
