/**
 * Procfiles (Heroku, Dokku, honcho, foreman): `name: command` per line. The `web` process is what
 * production runs. Hand-written: the format is one line per process, with no maintained parser.
 */
export interface ProcfileEntry {
  name: string;
  command: string;
  line: number;
}

export function parseProcfile(text: string): ProcfileEntry[] {
  const entries: ProcfileEntry[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const match = /^([A-Za-z0-9_-]+):\s*(.+?)\s*$/.exec(raw);
    if (match?.[1] && match[2] && !raw.trimStart().startsWith('#')) {
      entries.push({ name: match[1], command: match[2], line: index + 1 });
    }
  });
  return entries;
}
