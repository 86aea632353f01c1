import { describe, expect, test } from 'vitest';
import { readProject } from '../../../cli/audit/project';
import type { GradingContext } from '../context';
import type { WorkspaceFiles } from '../../runtime/protocol';
import { secretInDeployConfig } from './secret-in-deploy-config';
import { lineOf } from './test-support';

const DOCKERFILE = 'FROM python:3.12-slim\nCOPY . /app\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n';

/** The rule as `prodready audit` runs it: on the settings readProject finds in the deployment files. */
async function audit(files: WorkspaceFiles) {
  const { deployment } = readProject(files, []);
  return secretInDeployConfig.evaluate({ files, deployment } as unknown as GradingContext);
}

const compose = (environment: string) =>
  `services:\n  web:\n    build: .\n    ports:\n      - '8000:8000'\n    environment:\n${environment}`;

describe('secret-in-deploy-config', () => {
  test.each([
    ['redis, empty user, @ in the password', 'REDIS_URL: redis://:p@ssw0rd@cache:6379 # a comment'],
    ['postgres', 'DATABASE_URL: postgresql://shop:hunter2@db:5432/shop'],
    ['mysql', 'SQLALCHEMY_DATABASE_URI: mysql+pymysql://root:s3cr3t@mysql/app'],
    ['amqp', 'CELERY_BROKER_URL: amqp://app:rabbitpw@mq:5672//'],
    ['mongodb', 'MONGO_URI: mongodb://admin:Tr0ub4dor@mongo/app'],
  ])('a password inside a compose URL (%s), at its line', async (_what, entry) => {
    const text = compose(`      ${entry}\n`);
    const verdict = await audit({ Dockerfile: DOCKERFILE, 'docker-compose.yml': text });
    expect(verdict.findings).toHaveLength(1);
    expect(verdict.findings[0]).toMatchObject({
      rule: 'secret-in-deploy-config',
      file: 'docker-compose.yml',
      line: lineOf(text, entry.split(':')[0]!),
    });
    expect(verdict.findings[0]?.message).toContain('(a URL with a password) is written in the compose file');
  });

  test('a literal password in a URL whose host is interpolated is written in the compose file', async () => {
    const entry = 'DATABASE_URL: postgresql://shop:hunter2@${DB_HOST:-db}/shop';
    const text = compose(`      ${entry}\n`);
    const verdict = await audit({ Dockerfile: DOCKERFILE, 'docker-compose.yml': text });
    expect(verdict.findings.map((f) => [f.file, f.line])).toEqual([
      ['docker-compose.yml', lineOf(text, 'DATABASE_URL')],
    ]);
  });

  test('a password inside a Dockerfile ENV URL', async () => {
    const dockerfile = DOCKERFILE.replace('COPY', 'ENV DATABASE_URL=postgresql://shop:hunter2@db/shop\nCOPY');
    const verdict = await audit({ Dockerfile: dockerfile });
    expect(verdict.findings.map((f) => [f.file, f.line])).toEqual([['Dockerfile', 2]]);
  });

  test.each([
    ['no password', 'REDIS_URL: redis://cache:6379/0'],
    ['a user without a password', 'DATABASE_URL: postgresql://shop@db/shop'],
    ['a ${VAR} reference for the password', 'DATABASE_URL: postgresql://shop:${DB_PASSWORD}@db/shop'],
    ['a bracketed placeholder', 'DATABASE_URL: postgresql://shop:<password>@db/shop'],
    ['a ${VAR} secret', 'SECRET_KEY: ${SECRET_KEY}'],
  ])('no finding: %s', async (_what, entry) => {
    const verdict = await audit({ Dockerfile: DOCKERFILE, 'docker-compose.yml': compose(`      ${entry}\n`) });
    expect(verdict.findings).toEqual([]);
  });

  test('nothing read: inconclusive, never clean', async () => {
    const verdict = await secretInDeployConfig.evaluate({ files: {} } as unknown as GradingContext);
    expect(verdict.inconclusive).toMatch(/no Dockerfile/);
  });
});
