import { describe, expect, it } from 'vitest';
import { formatBytes, formatTransfer, fraction, stageLabel } from './format';

describe('boot progress words', () => {
  it('formats bytes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2 kB');
    expect(formatBytes(3.25 * 1024 * 1024)).toBe('3.3 MB');
  });

  it('formats a transfer with and without a total', () => {
    expect(formatTransfer({ stage: 'download', loaded: 1024 * 1024, total: 4 * 1024 * 1024 })).toBe('1.0 MB of 4.0 MB');
    expect(formatTransfer({ stage: 'packages', loaded: 2048, total: null })).toBe('2 kB');
    expect(formatTransfer({ stage: 'python', loaded: 0, total: null })).toBe('');
  });

  it('computes the bar fraction', () => {
    expect(fraction({ stage: 'download', loaded: 1, total: 4 })).toBe(0.25);
    expect(fraction({ stage: 'download', loaded: 1, total: null })).toBeNull();
    expect(fraction({ stage: 'ready', loaded: 0, total: null })).toBe(1);
    expect(stageLabel('packages')).toContain('Flask');
  });
});
