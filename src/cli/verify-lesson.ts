/**
 * One recorded lesson, judged again: its files graded by this prodready's lesson in the confined
 * runtime. The record's results, its "passed" and its file list as the browser saw it are never
 * used for the verdict; they are only compared with it, so a reader sees what a record claimed.
 */
import type { Lesson } from '../lib/content/lesson';
import { checkStatus } from '../lib/grading/types';
import type { RecordedLesson } from '../lib/record/schema';
import type { ConfinedRuntime } from './confined/runtime';
import { gradeConfined } from './confined-grade';
import { lessonFolderHash } from './lesson-hash-fs';
import { loadLesson } from './lessons-fs';
import { lessonFolder } from './lessons-root';

export interface FailedCheck {
  id: string;
  title: string;
  message: string;
  file?: string;
  line?: number;
}

export interface LessonVerdict {
  id: string;
  /** The record's files against this prodready's lesson; "unknown-lesson": it has no lesson of that id. */
  status: 'passed' | 'failed' | 'unjudged' | 'unknown-lesson';
  solutionRevealed: boolean;
  /** Set when the lesson differs from the one the work was graded against (its content hash). */
  contentChanged: { gradedAgainst: string; recordedBy: string; current: string } | null;
  /** What the record says the browser saw: every check passed (null: it says nothing, a CLI record). */
  recordSaysPassed: boolean | null;
  checks: number;
  failed: FailedCheck[];
  /** Why it could not be judged (limits hit), when status is "unjudged". */
  unjudged: string[];
  /** Counts as done: passed again, and not revealed unless revealed ones are accepted. */
  accepted: boolean;
}

/** Lessons and their hashes, read once per command however many records name them. */
export class LessonCache {
  private readonly lessons = new Map<string, Promise<{ lesson: Lesson; hash: string } | null>>();

  get(id: string): Promise<{ lesson: Lesson; hash: string } | null> {
    let entry = this.lessons.get(id);
    if (!entry) {
      const folder = lessonFolder(id);
      entry = folder
        ? Promise.all([loadLesson(folder, { withMistakes: false }), lessonFolderHash(folder)]).then(
            ([lesson, hash]) => ({
              lesson,
              hash,
            }),
          )
        : Promise.resolve(null);
      this.lessons.set(id, entry);
    }
    return entry;
  }
}

export async function verifyLesson(
  recorded: RecordedLesson,
  recordedBy: string,
  lessons: LessonCache,
  runtime: ConfinedRuntime,
  acceptRevealed: boolean,
): Promise<LessonVerdict> {
  const verdict: LessonVerdict = {
    id: recorded.id,
    status: 'unknown-lesson',
    solutionRevealed: recorded.solutionRevealed,
    contentChanged: null,
    recordSaysPassed: recorded.seen?.passed ?? null,
    checks: 0,
    failed: [],
    unjudged: [],
    accepted: false,
  };
  const current = await lessons.get(recorded.id);
  if (!current) return verdict;
  if (current.hash !== recorded.contentHash) {
    verdict.contentChanged = { gradedAgainst: recorded.contentHash, recordedBy, current: current.hash };
  }
  runtime.nextSubject();
  const before = runtime.unjudged.length;
  const results = await gradeConfined(current.lesson, recorded.files, runtime);
  verdict.unjudged = runtime.unjudged.slice(before);
  verdict.checks = results.length;
  verdict.failed = results
    .filter((result) => checkStatus(result) === 'failed')
    .map(({ id, title, message, file, line }) => ({ id, title, message, file, line }));
  const passed = results.every((result) => result.passed);
  verdict.status = verdict.unjudged.length > 0 ? 'unjudged' : passed ? 'passed' : 'failed';
  verdict.accepted = verdict.status === 'passed' && (!recorded.solutionRevealed || acceptRevealed);
  return verdict;
}
