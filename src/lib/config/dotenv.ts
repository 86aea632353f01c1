/**
 * `.env`-style files (`.env`, `.flaskenv`, compose `env_file:`, systemd `EnvironmentFile=`):
 * read by dotenv, the maintained parser of the format (quotes, `export`, comments, multi-line
 * values); each variable keeps the line that sets it, so a finding can point there.
 */
import { parse } from 'dotenv';

export interface EnvSetting {
  name: string;
  value: string;
  file: string;
  line: number;
}

/** The variables a file sets, in file order, each at the line of its last assignment (the one that wins). */
export function parseDotenv(text: string, file: string): EnvSetting[] {
  const values = parse(text);
  const lines = text.split(/\r?\n/);
  return Object.entries(values).map(([name, value]) => {
    const assigns = new RegExp(`^\\s*(?:export\\s+)?${name}\\s*[=:]`);
    let line = 0;
    lines.forEach((raw, index) => {
      if (assigns.test(raw)) line = index + 1;
    });
    return { name, value, file, line: line || 1 };
  });
}

/** KEY=VALUE pairs of a file, as an environment. */
export function parseEnvFile(text: string): Record<string, string> {
  return Object.fromEntries(parseDotenv(text, '').map(({ name, value }) => [name, value]));
}
