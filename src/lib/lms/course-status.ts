/**
 * What the LMS is told about the course: SCORM 1.2's `cmi.core.lesson_status` and
 * `cmi.core.score.raw` (0–100) for the lessons of the package's track.
 */
import type { ProgressRecord } from '../state/progress';

export type LessonStatus = 'incomplete' | 'completed' | 'passed';

export interface CourseStatus {
  status: LessonStatus;
  /** Lessons passed without revealing the solution, as a share of the track, 0–100. */
  score: number;
}

/**
 * `passed` once every lesson passed without its solution revealed; `completed` once every lesson
 * passed but some only after revealing it (finished, not alone: the lead sees the difference);
 * `incomplete` before. An empty track is never complete: there was nothing to pass.
 */
export function courseStatus(record: ProgressRecord, lessonIds: readonly string[]): CourseStatus {
  const passed = lessonIds.filter((id) => record[id]?.passed);
  const alone = passed.filter((id) => !record[id]?.solutionShown);
  const score = lessonIds.length === 0 ? 0 : Math.round((100 * alone.length) / lessonIds.length);
  if (lessonIds.length === 0 || passed.length < lessonIds.length) return { status: 'incomplete', score };
  return { status: alone.length === lessonIds.length ? 'passed' : 'completed', score };
}
