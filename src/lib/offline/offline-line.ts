/** Words for the offline status in the top bar. Pure. */

export type OfflineState = 'off' | 'saving' | 'ready' | 'update';

const MB = 1e6;

/** "Saving for offline: 12 of 40 MB" (whole megabytes: the line changes a few dozen times, not thousands). */
export function savingLine(done: number, total: number): string {
  const shown = Math.min(done, total);
  return `Saving for offline: ${Math.floor(shown / MB)} of ${Math.ceil(total / MB)} MB`;
}
