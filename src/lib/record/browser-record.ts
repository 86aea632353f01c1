/**
 * The record the course overview downloads: each chosen lesson's work as this browser keeps it,
 * with the content hash the build computed for it, as one JSON file (docs/record.md).
 */
import { contentHashes } from 'virtual:prodready-lessons';
import type { Lesson } from '../content/lesson';
import type { KeyValueStore } from '../state/storage';
import { browserWork } from './browser-work';
import { buildRecord, recordFileName } from './build-record';
import type { CompletionRecord } from './schema';
import { PRODREADY_VERSION } from './version';

export function browserRecord(
  store: KeyValueStore,
  lessons: Lesson[],
  options: { learner?: string; track?: string },
): CompletionRecord {
  const work = lessons.map((lesson) => {
    const hash = contentHashes[lesson.id];
    if (!hash) throw new Error(`the build has no content hash for ${lesson.id}`);
    return browserWork(store, lesson, hash);
  });
  return buildRecord(work, { source: 'browser', prodready: PRODREADY_VERSION, now: new Date(), ...options });
}

/** Hands the record to the browser as a file download; nothing leaves the page otherwise. */
export function downloadRecord(record: CompletionRecord): void {
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(record, null, 2)}\n`], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = recordFileName(record);
  link.click();
  // The click has started the download by the next task; the URL is not needed after it.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
