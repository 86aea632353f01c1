/** The Apache httpd configuration tree: what the parser produces and every other module reads. */

export interface ApacheDirective {
  /** The name as httpd knows it (`ProxyPass`, `<VirtualHost`), whatever case it was written in. */
  name: string;
  /** The words of the arguments (ap_getword_conf: quotes removed); a section's closing `>` is left out. */
  args: string[];
  /** The arguments as one string, as httpd hands them to a RAW_ARGS handler (env variables resolved). */
  raw: string;
  /** A section's directives (`<VirtualHost …>` … `</VirtualHost>`), null for a plain directive. */
  children: ApacheDirective[] | null;
  file: string;
  /** The line httpd reports: the last physical line of a directive continued with `\`. */
  line: number;
}

export interface ApacheConfig {
  /** The top level of the server config, with every Include spliced in where httpd splices it. */
  directives: ApacheDirective[];
  /** Every file read, main file first. */
  files: string[];
  /** The modules loaded (LoadModule and the compiled-in ones), by identifier (proxy_module). */
  modules: Set<string>;
  /** Variables from Define and the environment (Debian's envvars). */
  defines: Map<string, string>;
  /** Whether a file (or a directory, any file under it) is on the emulated server's file system. */
  fileExists: (path: string) => boolean;
  directoryExists: (path: string) => boolean;
}

/** A syntax error worded like `apachectl -t`; `reason` is the message without the location. */
export class ApacheSyntaxError extends Error {
  readonly reason: string;
  readonly file: string;
  readonly line: number;

  constructor(reason: string, file: string, line: number) {
    super(`Syntax error on line ${line} of ${file}: ${reason}`);
    this.name = 'ApacheSyntaxError';
    this.reason = reason;
    this.file = file;
    this.line = line;
  }
}
