import { expect, test } from 'vitest';
import { parseProcfile } from './procfile';

test('reads each process with its line, skipping comments and blank lines', () => {
  const text = '# processes\nweb: gunicorn -c gunicorn.conf.py wsgi:app\n\nworker:   python jobs.py  \n';
  expect(parseProcfile(text)).toEqual([
    { name: 'web', command: 'gunicorn -c gunicorn.conf.py wsgi:app', line: 2 },
    { name: 'worker', command: 'python jobs.py', line: 4 },
  ]);
});

test('a line without a process name is not a process', () => {
  expect(parseProcfile('gunicorn app:app\n: nothing\n')).toEqual([]);
});
