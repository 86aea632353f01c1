/** The nginx configuration tree: what the parser produces and every other module reads. */

export interface Directive {
  name: string;
  /** Arguments with quotes removed and escapes resolved, as nginx hands them to a directive handler. */
  args: string[];
  /** Parallel to `args`: whether each argument was written in quotes (a quoted "" is an empty argument). */
  quoted: boolean[];
  /** Child directives for `name { ... }`, null for `name ...;`. */
  block: Directive[] | null;
  file: string;
  line: number;
  column: number;
}

export interface NginxConfig {
  directives: Directive[];
  /** Every file read, main file first, in the order nginx would read them. */
  files: string[];
}

/** A syntax error worded like `nginx -t`; `reason` is the message without the location. */
export class NginxSyntaxError extends Error {
  readonly reason: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;

  constructor(reason: string, file: string, line: number, column: number) {
    super(`${reason} in ${file}:${line}`);
    this.name = 'NginxSyntaxError';
    this.reason = reason;
    this.file = file;
    this.line = line;
    this.column = column;
  }
}
