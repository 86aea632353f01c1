import { describe, expect, it } from 'vitest';
import { languageFor } from './languages';
import { markersFor, toMarkers } from './markers';

describe('languageFor', () => {
  it('maps workspace files to the loaded languages', () => {
    expect(languageFor('app.py')).toBe('python');
    expect(languageFor('gunicorn.conf.py')).toBe('python');
    expect(languageFor('FINDINGS.md')).toBe('markdown');
    expect(languageFor('deploy/shop.service')).toBe('ini');
    expect(languageFor('.env')).toBe('shell');
    expect(languageFor('Procfile')).toBe('shell');
    expect(languageFor('nginx.conf')).toBe('plaintext');
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
