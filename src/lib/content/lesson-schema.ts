/** The frontmatter of lessons/NN-slug/lesson.md, strict: a mistyped key is an error naming it. */
import { z } from 'zod';

export const lessonFrontmatter = z
  .object({
    id: z
      .string()
      .regex(/^\d\d-[a-z0-9-]+$/, 'the id is the folder name, "NN-slug"')
      .describe('Equals the folder name'),
    title: z.string().min(1).describe('Shown in the lesson list'),
    summary: z.string().min(1).describe('One sentence under the title'),
    tags: z.array(z.string()).default([]).describe('Tracks this lesson belongs to, e.g. "basics"; default none'),
    template: z
      .string()
      .regex(/^[a-z0-9-]+$/, 'a folder name of lessons/_templates/')
      .optional()
      .describe('The folder of lessons/_templates/ the starter and the solution build on; default none'),
    minutes: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('About how long the lesson takes, in minutes (the course outline shows it)'),
    learn: z
      .array(z.string().min(1))
      .default([])
      .describe('What the lesson teaches, a few short points for the course outline; default none'),
    closing: z
      .string()
      .min(1)
      .optional()
      .describe('What the learner just closed, shown in a sentence or two once every check passes'),
    entry: z.string().min(1).describe('The file opened first in the editor'),
    run: z
      .object({
        command: z.string().min(1).describe('How production starts the app, e.g. "python app.py"'),
        env: z.record(z.string(), z.string()).default({}).describe('The environment of Run; default empty'),
      })
      .strict(),
    attackPath: z.string().startsWith('/').describe('A path that makes the app crash, used by the attack'),
    starterFails: z.array(z.string()).min(1).describe('Check ids the starter must fail (the lesson proofs assert it)'),
  })
  .strict();

export type LessonFrontmatter = z.infer<typeof lessonFrontmatter>;
