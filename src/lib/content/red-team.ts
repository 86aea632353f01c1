/**
 * The capstone's red team is derived, not listed: every check an earlier lesson marks with
 * `redTeam: 'attack name'` joins it, so a new lesson's attack is replayed without editing the capstone.
 */
import type { Lesson, RedTeamAttack } from './lesson';

/** Does this lesson need the attacks of the lessons before it? */
export function hasRedTeam(lesson: Pick<Lesson, 'checks'>): boolean {
  return lesson.checks.some((check) => check.kind === 'red-team');
}

/** The attacks the lessons before `id` mark, in lesson order. */
export function redTeamAttacks(id: string, lessons: Array<Pick<Lesson, 'id' | 'title' | 'checks'>>): RedTeamAttack[] {
  return lessons
    .filter((lesson) => lesson.id < id)
    .sort((a, b) => a.id.localeCompare(b.id))
    .flatMap((lesson) =>
      lesson.checks.flatMap((check) =>
        'redTeam' in check && check.redTeam
          ? [{ name: check.redTeam, lesson: { id: lesson.id, title: lesson.title }, check }]
          : [],
      ),
    );
}
