import { describe, expect, test } from 'vitest';
import { containerCommand, parseDockerfile, targetStage } from './dockerfile';

const MULTI = `# syntax=docker/dockerfile:1
ARG PY=3.12
FROM python:\${PY}-slim AS base
WORKDIR /usr/src
WORKDIR app
ENV FLASK_APP=manage.py \\
    SECRET_KEY="baked in"
COPY . .
CMD ["flask", "run", "--host=0.0.0.0"]

FROM base AS production
ARG TOKEN=abc123
USER sid
ENTRYPOINT ["./entrypoint.sh"]
CMD gunicorn -b 0.0.0.0:5000 'manage:app'

FROM nginx:1.25-alpine AS proxy
COPY nginx/site.conf /etc/nginx/conf.d/default.conf
`;

describe('parseDockerfile', () => {
  const dockerfile = parseDockerfile(MULTI, 'web/Dockerfile');

  test('stages inherit WORKDIR, ENV and COPY from the stage they build on', () => {
    const production = targetStage(dockerfile, 'production');
    expect(production?.name).toBe('production');
    expect(production?.workdir).toBe('/usr/src/app');
    expect(production?.env).toEqual([
      { name: 'FLASK_APP', value: 'manage.py', file: 'web/Dockerfile', line: 6 },
      { name: 'SECRET_KEY', value: 'baked in', file: 'web/Dockerfile', line: 7 },
    ]);
    expect(production?.args).toEqual([{ name: 'TOKEN', value: 'abc123', file: 'web/Dockerfile', line: 12 }]);
    expect(production?.copies).toEqual([{ sources: ['.'], dest: '/usr/src/app', from: null, line: 8 }]);
    expect(production?.user).toEqual({ value: 'sid', file: 'web/Dockerfile', line: 13 });
    expect(production?.baseImage.name).toBe('python');
  });

  test('exec form and shell form: an ENTRYPOINT script gets the CMD as its arguments', () => {
    const production = targetStage(dockerfile, 'production')!;
    expect(containerCommand(production.entrypoint, production.cmd)).toEqual({
      argv: ['./entrypoint.sh', '/bin/sh', '-c', "gunicorn -b 0.0.0.0:5000 'manage:app'"],
      line: 15,
    });
    const base = targetStage(dockerfile, 'base')!;
    expect(containerCommand(base.entrypoint, base.cmd)).toEqual({
      argv: ['flask', 'run', '--host=0.0.0.0'],
      line: 9,
    });
  });

  test('without a target the last stage is built; its image and tag are the base', () => {
    const last = targetStage(dockerfile)!;
    expect(last.baseImage).toEqual({ name: 'nginx', tag: '1.25-alpine' });
    expect(last.copies[0]).toMatchObject({ sources: ['nginx/site.conf'], dest: '/etc/nginx/conf.d/default.conf' });
    expect(containerCommand(last.entrypoint, last.cmd)).toBeNull();
  });

  test('an ENTRYPOINT in a later stage resets the CMD it inherited (Docker does the same)', () => {
    const file = parseDockerfile('FROM python AS a\nCMD ["python", "app.py"]\nFROM a\nENTRYPOINT ["gunicorn"]\n', 'D');
    const stage = targetStage(file)!;
    expect(stage.cmd).toBeNull();
    expect(containerCommand(stage.entrypoint, stage.cmd)?.argv).toEqual(['gunicorn']);
  });

  test('a shell-form ENTRYPOINT ignores CMD', () => {
    const stage = targetStage(parseDockerfile('FROM x\nENTRYPOINT exec gunicorn app:app\nCMD ["--reload"]\n', 'D'))!;
    expect(containerCommand(stage.entrypoint, stage.cmd)).toEqual({
      argv: ['/bin/sh', '-c', 'exec gunicorn app:app'],
      line: 2,
    });
  });
});

test('WORKDIR and COPY expand $NAME from ENV as Docker does', () => {
  const stage = targetStage(
    parseDockerfile('FROM python\nENV APP_HOME=/home/app/web\nWORKDIR $APP_HOME\nCOPY . ${APP_HOME}\n', 'D'),
  )!;
  expect(stage.workdir).toBe('/home/app/web');
  expect(stage.copies[0]?.dest).toBe('/home/app/web');
});

test('COPY --from=STAGE is a copy from that stage, not from the build context (the flag is not an argument)', () => {
  const stage = targetStage(
    parseDockerfile(
      'FROM python AS builder\nCOPY . /app\nFROM python\nCOPY --from=builder /app /app\nCOPY run.sh /\n',
      'D',
    ),
  )!;
  expect(stage.copies.map((copy) => copy.from)).toEqual(['builder', null]);
});

test('ENV values expand ARG defaults and earlier ENV as Docker does', () => {
  const stage = targetStage(
    parseDockerfile('FROM python\nARG port=5000\nENV PORT=$port URL=http://x:${port}/\n', 'D'),
  )!;
  expect(stage.env.map((setting) => [setting.name, setting.value])).toEqual([
    ['PORT', '5000'],
    ['URL', 'http://x:5000/'],
  ]);
});
