import { expect, test } from 'vitest';
import { hostOf, isEveryInterface, isLocalOnly } from './addresses';

test('hostOf reads the host of every address form servers report', () => {
  expect(hostOf('127.0.0.1:8000')).toBe('127.0.0.1');
  expect(hostOf('http://[::]:8000')).toBe('::');
  expect(hostOf('::1')).toBe('::1');
  expect(hostOf('*:8080')).toBe('*');
  expect(hostOf(':8080')).toBe('');
  expect(hostOf('unix:/run/app.sock')).toBe('unix:/run/app.sock');
});

test('every interface and local-only addresses', () => {
  expect(['0.0.0.0:8080', '[::]:8000', '*:8080'].map((a) => isEveryInterface(hostOf(a)))).toEqual([true, true, true]);
  expect(isEveryInterface(hostOf('127.0.0.1:8000'))).toBe(false);
  expect(['127.0.0.1:8000', '[::1]:8000', 'localhost:5000', 'unix:/run/a.sock'].every(isLocalOnly)).toBe(true);
  expect(isLocalOnly('0.0.0.0:8000')).toBe(false);
});
