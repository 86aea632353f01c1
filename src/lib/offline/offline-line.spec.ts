import { describe, expect, it } from 'vitest';
import { savingLine } from './offline-line';

describe('the offline progress line', () => {
  it('says how much of the site is saved, in whole megabytes, never more than the total', () => {
    expect(savingLine(12_400_000, 40_100_000)).toBe('Saving for offline: 12 of 41 MB');
    expect(savingLine(0, 64_000_000)).toBe('Saving for offline: 0 of 64 MB');
    expect(savingLine(70e6, 64e6)).toBe('Saving for offline: 64 of 64 MB');
  });
});
