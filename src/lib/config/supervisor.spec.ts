import { describe, expect, it } from 'vitest';
import { option, parseEnvironment, parseSupervisor, programs, SupervisorSyntaxError } from './supervisor';

const CONF = `; supervisor config for the app
[supervisord]
nodaemon=true

[program:web]
command=/srv/app/.venv/bin/waitress-serve --listen=127.0.0.1:8080 wsgi:app ; the app server
directory = /srv/app
user: app
autostart=true
autorestart=true
environment=FLASK_ENV="production",DATABASE_URL="postgres://app@db/app",HOME="%(ENV_HOME)s"
stdout_logfile=/var/log/app/web.log#not-a-comment
command_extra=first
   second line ; comment
   third
AutoRestart=unexpected
`;

describe('parseSupervisor', () => {
  const sections = parseSupervisor(CONF, 'app.conf');

  it('reads sections and program names with lines', () => {
    expect(sections.map((s) => [s.name, s.kind, s.label, s.line])).toEqual([
      ['supervisord', 'supervisord', undefined, 2],
      ['program:web', 'program', 'web', 5],
    ]);
    expect(programs(sections).map((p) => p.label)).toEqual(['web']);
  });

  it('strips inline comments only after whitespace and accepts = and :', () => {
    const web = programs(sections)[0];
    if (!web) throw new Error('no program');
    expect(option(web, 'command')).toMatchObject({
      value: '/srv/app/.venv/bin/waitress-serve --listen=127.0.0.1:8080 wsgi:app',
      line: 6,
    });
    expect(option(web, 'directory')?.value).toBe('/srv/app');
    expect(option(web, 'user')?.value).toBe('app');
    expect(option(web, 'stdout_logfile')?.value).toBe('/var/log/app/web.log#not-a-comment');
  });

  it('joins indented continuation lines', () => {
    const web = programs(sections)[0];
    expect(web && option(web, 'command_extra')?.value).toBe('first\nsecond line\nthird');
  });

  it('lowercases keys and lets a repeated key replace the earlier one', () => {
    const web = programs(sections)[0];
    expect(web && option(web, 'autorestart')).toMatchObject({ value: 'unexpected', line: 16 });
  });

  it('leaves %(ENV_X)s as text', () => {
    const web = programs(sections)[0];
    expect(web && option(web, 'environment')?.value).toContain('%(ENV_HOME)s');
  });

  it('merges repeated sections', () => {
    const merged = parseSupervisor('[program:a]\nuser=x\n[program:a]\nuser=y\n', 'a.conf');
    expect(merged).toHaveLength(1);
    expect(option(merged[0] as never, 'user')?.value).toBe('y');
  });

  it('rejects text before the first section and lines without a delimiter', () => {
    expect(() => parseSupervisor('user=x\n', 'a.conf')).toThrow(SupervisorSyntaxError);
    try {
      parseSupervisor('[program:a]\njust words\n', 'a.conf');
    } catch (e) {
      expect((e as SupervisorSyntaxError).line).toBe(2);
    }
  });
});

describe('parseEnvironment', () => {
  it('reads quoted pairs, commas inside quotes included', () => {
    expect(parseEnvironment('FLASK_ENV="production",DATABASE_URL="postgres://app@db/app",A="x,y"')).toEqual([
      ['FLASK_ENV', 'production'],
      ['DATABASE_URL', 'postgres://app@db/app'],
      ['A', 'x,y'],
    ]);
    expect(parseEnvironment("KEY='v', K2=/usr/bin:/bin")).toEqual([
      ['KEY', 'v'],
      ['K2', '/usr/bin:/bin'],
    ]);
  });

  it('fails like Supervisor on unquoted values with special characters', () => {
    expect(() => parseEnvironment('URL=postgres://app@db/app,B=1')).toThrow(/Unexpected end of key\/value pairs/);
    expect(() => parseEnvironment('A="unterminated')).toThrow(/No closing quotation/);
  });
});
