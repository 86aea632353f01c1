/**
 * The hash of the lesson content a piece of work was graded against. One function for the build
 * (scripts/vite-lessons-plugin.ts gives the browser each lesson's hash) and the command line
 * (`prodready record`, `prodready verify`), so a record made in either compares with the lessons
 * of the prodready that verifies it. Web Crypto: the same API in Node and the browser.
 */

/**
 * What grading a lesson depends on, by path: `lesson.md` (the run command, its environment),
 * `checks.ts`, and the starter and solution as the learner gets them (`starter/…`, `solution/…`,
 * templates resolved). Known mistakes and alternatives are proofs of the lesson, not part of it.
 */
export type GradedContent = Record<string, string>;

/**
 * `sha256:` and the hex SHA-256 of the entries sorted by path, as JSON `[[path, text], …]`: JSON
 * makes the boundaries between paths and texts unambiguous; sorting makes the order canonical.
 */
export async function lessonContentHash(content: GradedContent): Promise<string> {
  const entries = Object.keys(content)
    .sort()
    .map((path) => [path, content[path]]);
  const bytes = new TextEncoder().encode(JSON.stringify(entries));
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
  return `sha256:${Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
