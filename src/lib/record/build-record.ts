/** A completion record from each lesson's work, for the browser's download and `prodready record`. Pure. */
import { RECORD_FORMAT, RECORD_VERSION } from './format';
import type { CompletionRecord, RecordedLesson } from './schema';

export interface RecordMeta {
  source: CompletionRecord['source'];
  prodready: string;
  now: Date;
  /** Left out of the record when empty. */
  learner?: string;
  track?: string;
}

export function buildRecord(lessons: RecordedLesson[], meta: RecordMeta): CompletionRecord {
  const learner = meta.learner?.trim();
  const track = meta.track?.trim();
  return {
    format: RECORD_FORMAT,
    version: RECORD_VERSION,
    prodready: meta.prodready,
    createdAt: meta.now.toISOString(),
    source: meta.source,
    ...(learner ? { learner } : {}),
    ...(track ? { track } : {}),
    lessons,
  };
}

/** A file name for the download: the learner's name or the track, and the day, in safe characters. */
export function recordFileName(record: CompletionRecord): string {
  const who = (record.learner ?? record.track ?? 'lessons')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `prodready-record-${who || 'lessons'}-${record.createdAt.slice(0, 10)}.json`;
}
