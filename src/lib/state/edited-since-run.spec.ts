import { describe, expect, it } from 'vitest';
import { filesEditedSince } from './edited-since-run';

describe('filesEditedSince', () => {
  it('is empty when nothing changed', () => {
    expect(filesEditedSince({ 'app.py': 'a' }, { 'app.py': 'a' })).toEqual([]);
  });

  it('names changed, added and removed files, sorted', () => {
    const ran = { 'app.py': 'a', 'wsgi.py': 'w', 'old.py': 'o' };
    const now = { 'app.py': 'b', 'wsgi.py': 'w', 'new.py': 'n' };
    expect(filesEditedSince(ran, now)).toEqual(['app.py', 'new.py', 'old.py']);
  });
});
