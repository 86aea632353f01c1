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

export interface Lesson extends LessonFrontmatter {
  /** Instructions, Markdown (the part of lesson.md before the first `## Hint`). */
  body: string;
  hints: string[];
  starter: WorkspaceFiles;
  solution: WorkspaceFiles;
  mistakes: Mistake[];
  alternatives: Alternative[];
  checks: CheckSpec[];
}
