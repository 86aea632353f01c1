import { describe, expect, test } from 'vitest';
import { isPlaceholder, urlPassword, writesSecret } from './secret-names';

describe('urlPassword', () => {
  test.each([
    ['postgresql://shop:hunter2@db/shop', 'hunter2'],
    ['mysql+pymysql://root:s3cr3t@mysql:3306/app?charset=utf8mb4', 's3cr3t'],
    ['amqp://guest:guest@rabbitmq:5672//', 'guest'],
    ['mongodb://admin:Tr0ub4dor@mongo1,mongo2/app?replicaSet=rs0', 'Tr0ub4dor'],
    // Redis: an empty user name, and an unescaped @ kept in the password (urllib splits at the last @).
    ['redis://:p@ssw0rd@host.docker.internal:6379', 'p@ssw0rd'],
    ['rediss://default:abc123@cache:6380/0', 'abc123'],
  ])('%s carries the password %s', (url, password) => {
    expect(urlPassword(url)).toBe(password);
  });

  test.each([
    ['no user information', 'redis://cache:6379/0'],
    ['a user without a password', 'postgresql://shop@db/shop'],
    ['an empty password', 'redis://:@cache:6379'],
    ['an @ after the authority (in the path)', 'https://example.com/user:x@y'],
    ['an @ in the query', 'http://example.com/?to=a:b@c'],
    ['a ${VAR} reference', 'postgresql://shop:${DB_PASSWORD}@db/shop'],
    ['a $VAR reference', 'redis://:$REDIS_PASSWORD@cache:6379'],
    ['a bracketed hole', 'mysql://root:<password>@db/app'],
    ['a template variable', 'amqp://app:{{ rabbit_password }}@mq//'],
    ['a mask', 'mongodb://admin:****@mongo/app'],
    ['not a URL', 'user:password@host'],
  ])('no password: %s', (_what, value) => {
    expect(urlPassword(value)).toBeNull();
  });
});

describe('writesSecret', () => {
  test('a secret name with a real value, or any name with a URL password', () => {
    expect(writesSecret('SECRET_KEY', 'sk_live_4f9a7c21e8b35d60')).toBe(true);
    expect(writesSecret('RQ_DASHBOARD_REDIS_URL', 'redis://:p@ssw0rd@host:6379')).toBe(true);
    expect(writesSecret('CACHE_URL', 'redis://cache:6379')).toBe(false);
  });

  test.each(['', '  ', '${SECRET_KEY}', '$SECRET_KEY', '%(ENV_SECRET_KEY)s', '<your secret key>', '***'])(
    'a secret name with only a placeholder (%j) writes no secret',
    (value) => {
      expect(writesSecret('SECRET_KEY', value)).toBe(false);
    },
  );

  test('a real word is not a placeholder: in a committed file it is the password used', () => {
    expect(isPlaceholder('postgres')).toBe(false);
    expect(writesSecret('POSTGRES_PASSWORD', 'postgres')).toBe(true);
  });
});
