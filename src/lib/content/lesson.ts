import type { WorkspaceFiles } from '../runtime/protocol';
import type { CheckSpec } from './checks-schema';
import type { LessonFrontmatter } from './lesson-schema';

export interface Mistake {
  name: string;
  /** The solution with this mistake's files laid over it. */
  files: WorkspaceFiles;
  /** Check id → a substring its failure message must contain. */
  fails: Record<string, string>;
  /** The misunderstanding this mistake stands for. */
  why: string;
}

/** Another correct answer: the solution with these files laid over it; it must pass every check. */
export interface Alternative {
  name: string;
  files: WorkspaceFiles;
}

/** An earlier lesson's attack check, as the capstone's red team replays it (src/lib/content/red-team.ts). */
export interface RedTeamAttack {
  /** The attack's name, from the check's `redTeam`. */
  name: string;
  lesson: { id: string; title: string };
  check: CheckSpec;
}

export interface Lesson extends LessonFrontmatter {
  /** Instructions, Markdown (the part of lesson.md before the first `## Hint`). */
  body: string;
  hints: string[];
  starter: WorkspaceFiles;
  solution: WorkspaceFiles;
  mistakes: Mistake[];
  alternatives: Alternative[];
  checks: CheckSpec[];
  /** For a lesson with a `red-team` check: the attacks of the lessons before it, filled by the loader. */
  redTeam?: RedTeamAttack[];
}
