/**
 * The completion record (docs/record.md): what a learner hands in to show a lesson finished. One
 * schema for the file the browser downloads and the one `prodready record` writes; `prodready
 * verify` reads it with this schema and trusts nothing in it for a verdict: it re-grades the files.
 * The browser imports only the types (the bundle carries no schema library).
 */
import { z } from 'zod';
import { MAX_RECORD_FILE_BYTES, RECORD_FORMAT, RECORD_VERSION } from './format';

/**
 * A path of the learner's workspace: relative, `/`-separated, no `.` or `..` step. The files only
 * ever reach the confined runtime as data, but a path that climbs out is a forged record, not a workspace.
 */
const workspacePath = z
  .string()
  .min(1)
  .max(512)
  .refine(
    (path) =>
      !path.startsWith('/') &&
      !path.includes('\\') &&
      !path.includes('\0') &&
      path.split('/').every((step) => step !== '' && step !== '.' && step !== '..'),
    'a relative path with / separators and no empty, "." or ".." step',
  );

const isoTime = z.iso.datetime({ offset: true }).describe('ISO 8601, e.g. 2026-11-29T08:30:00.000Z');

/** A check result as the browser saw it (src/lib/grading/types.ts): kept for the reader, never for the verdict. */
const seenResult = z.object({
  id: z.string(),
  title: z.string(),
  passed: z.boolean(),
  message: z.string(),
  file: z.string().optional(),
  line: z.number().int().optional(),
  hint: z.string().optional(),
  rule: z.string().optional(),
  blocking: z
    .object({ message: z.string(), file: z.string().optional(), line: z.number().int().optional() })
    .optional(),
  notRunBecause: z.string().optional(),
});

export const recordedLesson = z
  .object({
    id: z.string().regex(/^\d\d-[a-z0-9-]+$/, 'a lesson id, "NN-slug"'),
    contentHash: z
      .string()
      .regex(/^sha256:[0-9a-f]{64}$/, '"sha256:" and 64 hex digits')
      .describe('lessonContentHash of the lesson this work was graded against (src/lib/record/lesson-hash.ts)'),
    files: z
      .record(
        workspacePath,
        z.string().refine((text) => text.length <= MAX_RECORD_FILE_BYTES, 'a file of at most 1 MB'),
      )
      .describe("The learner's files, by workspace path: the only thing verify grades"),
    solutionRevealed: z.boolean().describe('The reference solution was shown in the browser before a pass'),
    seen: z
      .object({
        passed: z.boolean().describe('Every check passed at least once in the browser'),
        at: isoTime.describe('When it was last graded, or first passed once it passed'),
        results: z
          .array(seenResult)
          .nullable()
          .describe('The last results the browser showed; null when none were kept'),
      })
      .strict()
      .nullable()
      .describe('What the browser saw; null for a record made on the command line. Never trusted'),
  })
  .strict();

export const completionRecord = z
  .object({
    format: z.literal(RECORD_FORMAT),
    version: z.literal(RECORD_VERSION),
    prodready: z.string().min(1).describe("prodready's version (package.json) that made the record"),
    createdAt: isoTime,
    source: z.enum(['browser', 'cli']),
    learner: z.string().max(200).optional().describe('The name the learner gave, if any (shown escaped)'),
    track: z.string().max(200).optional().describe('The track (lesson tag) the record covers, if one was chosen'),
    lessons: z.array(recordedLesson).min(1, 'a record names at least one lesson'),
  })
  .strict();

export type CompletionRecord = z.infer<typeof completionRecord>;
export type RecordedLesson = z.infer<typeof recordedLesson>;
