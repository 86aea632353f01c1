/** secret-in-unit-environment: a secret written into the unit's Environment= (or Supervisor's environment=). */
import { withProcess } from '../process-rule';
import type { Rule } from '../rule';
import { hasUrlPassword, writesSecret } from '../secret-names';
/** Supervisor's %(ENV_SECRET_KEY)s passes supervisord's own environment on: a reference, not the secret. */
const REFERENCE_ONLY = /^%\(ENV_\w+\)s$/;

const ASSIGNMENT = /^([A-Za-z_]\w*)=(.*)$/s;
/** Options that set a variable for the program they start: Gunicorn's and docker/podman run's -e/--env. */
const ENV_OPTIONS = new Set(['-e', '--env']);

/**
 * Variables the command line itself sets: `env NAME=value cmd` (env(1) as the program),
 * `-e NAME=value`, `--env NAME=value` and `--env=NAME=value`. As readable as Environment=:
 * `systemctl show` and `ps` print the whole command.
 */
export function commandLineVariables(argv: string[]): Array<{ name: string; value: string }> {
  const found: Array<{ name: string; value: string }> = [];
  const add = (word: string | undefined) => {
    const match = word === undefined ? null : ASSIGNMENT.exec(word);
    if (match) found.push({ name: match[1]!, value: match[2]! });
  };
  const [program = '', ...args] = argv;
  if (program.split('/').pop() === 'env') {
    for (const word of args) {
      if (word.startsWith('-')) continue; // env's own options (-i, -u NAME is rare in units)
      if (!ASSIGNMENT.test(word)) break;
      add(word);
    }
  }
  args.forEach((word, index) => {
    if (ENV_OPTIONS.has(args[index - 1] ?? '')) add(word);
    else if (word.startsWith('--env=')) add(word.slice('--env='.length));
  });
  return found;
}

const isSecret = (pair: { name: string; value: string }) =>
  !REFERENCE_ONLY.test(pair.value) && writesSecret(pair.name, pair.value);

export const secretInUnitEnvironment: Rule = {
  id: 'secret-in-unit-environment',
  scope: 'process',
  severity: 'high',
  title: "A secret is written in the service's environment settings",
  explanation:
    'Unit files are world-readable (systemctl show prints Environment= to any user) and end up in configuration ' +
    'repositories and backups. A secret there is not secret.',
  confirms: 'The unit holds no secret: not in its environment, not on its command line.',
  fix: 'Put secrets in a root-only file (chmod 600) named by EnvironmentFile=, or use LoadCredential= and read them from $CREDENTIALS_DIRECTORY.',
  references: [
    'https://www.freedesktop.org/software/systemd/man/latest/systemd.exec.html#Environment=',
    'https://systemd.io/CREDENTIALS/',
  ],
  evaluate: async (context) =>
    withProcess(context, (process) => {
      const described = (name: string, value: string) =>
        `${name}${hasUrlPassword(value) ? ' (a URL with a password)' : ''}`;
      const inEnvironment = process.environment.filter(isSecret).map((pair) => ({
        rule: 'secret-in-unit-environment',
        severity: 'high' as const,
        message: `${described(pair.name, pair.value)} is written in ${process.kind === 'systemd' ? 'Environment=' : 'environment='} of ${process.file}: anyone who can read the unit reads the secret.`,
        file: pair.file,
        line: pair.line,
      }));
      const directive = process.kind === 'systemd' ? 'ExecStart=' : 'command=';
      const onCommand = commandLineVariables(process.argv)
        .filter(isSecret)
        .map((pair) => ({
          rule: 'secret-in-unit-environment',
          severity: 'high' as const,
          message: `${described(pair.name, pair.value)} is set on the command line (${directive} of ${process.file}): anyone who can read the unit, or run ps, reads the secret.`,
          ...process.command,
        }));
      return [...inEnvironment, ...onCommand];
    }),
};
