/** Words for the boot progress bar. Pure. */
import type { BootProgress, BootStage } from '../../runtime/protocol';

const STAGE_LABELS: Record<BootStage, string> = {
  download: 'Downloading Python',
  python: 'Starting Python',
  packages: 'Loading Flask and friends',
  harness: 'Preparing the sandbox',
  ready: 'Python ready',
};

export function stageLabel(stage: BootStage): string {
  return STAGE_LABELS[stage];
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** "3.2 MB of 9.8 MB", "3.2 MB" when the total is unknown, "" before any byte. */
export function formatTransfer(progress: BootProgress): string {
  if (progress.loaded <= 0) return '';
  return progress.total
    ? `${formatBytes(progress.loaded)} of ${formatBytes(progress.total)}`
    : formatBytes(progress.loaded);
}

/** 0..1 for the bar, or null (indeterminate) when the total is unknown. */
export function fraction(progress: BootProgress): number | null {
  if (progress.stage === 'ready') return 1;
  if (!progress.total) return null;
  return Math.max(0, Math.min(1, progress.loaded / progress.total));
}
