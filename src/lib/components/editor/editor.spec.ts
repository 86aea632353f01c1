import { describe, expect, it } from 'vitest';
import { languageFor } from './languages';
import { markersFor, toMarkers } from './markers';

describe('languageFor', () => {
  it('maps workspace files to the loaded languages', () => {
    expect(languageFor('app.py')).toBe('python');
    expect(languageFor('FINDINGS.md')).toBe('markdown');
    expect(languageFor('setup.cfg')).toBe('ini');
    expect(languageFor('run.sh')).toBe('shell');
    expect(languageFor('README')).toBe('plaintext');
  });

  it('maps deployment files by name and folder', () => {
    const cases: [path: string, language: string][] = [
      ['Procfile', 'shell'],
      ['gunicorn.conf.py', 'python'],
      ['.env', 'shell'],
      ['.env.example', 'shell'],
      ['.flaskenv', 'shell'],
      ['nginx.conf', 'nginx'],
      ['nginx/shop.conf', 'nginx'],
      ['deploy/nginx/sites-available/shop.conf', 'nginx'],
      ['apache/shop.conf', 'apache'],
      ['etc/apache2/sites-available/shop.conf', 'apache'],
      ['httpd.conf', 'apache'],
      ['etc/nginx/conf.d/app.conf', 'nginx'],
      ['deploy/shop.service', 'systemd'],
      ['shop.socket', 'systemd'],
      ['backup.timer', 'systemd'],
      ['supervisord.conf', 'supervisor'],
      ['supervisor/shop.conf', 'supervisor'],
      ['etc/supervisor/conf.d/web.conf', 'supervisor'],
      // A .conf elsewhere is not known to be either.
      ['shop.conf', 'plaintext'],
      ['deploy/app.conf', 'plaintext'],
    ];
    for (const [path, language] of cases) expect(languageFor(path), path).toBe(language);
  });
});

describe('markers', () => {
  it('marks failing checks with a file and line, and a crash location', () => {
    const markers = toMarkers(
      [
        { id: 'a', title: 'Debug off', passed: false, message: 'debug=True', file: 'app.py', line: 12 },
        { id: 'b', title: 'Secret', passed: true, message: 'ok', file: 'app.py', line: 3 },
        { id: 'c', title: 'Report', passed: false, message: 'missing' },
      ],
      { code: 1, message: 'SyntaxError: invalid syntax', location: { file: 'app.py', line: 4 } },
    );
    expect(markers).toEqual([
      { file: 'app.py', line: 12, message: 'Debug off: debug=True' },
      { file: 'app.py', line: 4, message: 'SyntaxError: invalid syntax' },
    ]);
  });

  it('gives none for passing results', () => {
    expect(toMarkers([{ id: 'a', title: 't', passed: true, message: 'm', file: 'app.py', line: 1 }], null)).toEqual([]);
    expect(toMarkers(null, null)).toEqual([]);
  });

  it('clamps lines into the file', () => {
    const markers = [
      { file: 'app.py', line: 40, message: 'x' },
      { file: 'other.py', line: 1, message: 'y' },
    ];
    expect(markersFor(markers, 'app.py', 10)).toEqual([{ file: 'app.py', line: 10, message: 'x' }]);
  });
});
