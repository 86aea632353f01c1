import { expect, test } from 'vitest';
import { parseDotenv, parseEnvFile } from './dotenv';

test('each variable with the line that sets it; quotes, export and comments as dotenv reads them', () => {
  const text = '# settings\nexport FLASK_DEBUG=1\nSECRET_KEY="s3cr3t value" # inline\n\nNAME=\'x\'\nNAME=y\n';
  expect(parseDotenv(text, '.env')).toEqual([
    { name: 'FLASK_DEBUG', value: '1', file: '.env', line: 2 },
    { name: 'SECRET_KEY', value: 's3cr3t value', file: '.env', line: 3 },
    { name: 'NAME', value: 'y', file: '.env', line: 6 },
  ]);
});

test('parseEnvFile gives the environment', () => {
  expect(parseEnvFile('A=1\nB = two words \n')).toEqual({ A: '1', B: 'two words' });
});
