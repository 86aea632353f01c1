/** A content error an author can act on: the file, the line where the file has lines, what to fix. */
export class LessonError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${message}`);
    this.name = 'LessonError';
  }
}
