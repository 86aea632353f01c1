/** secret-in-unit-environment: a secret written into the unit's Environment= (or Supervisor's environment=). */
import { withProcess } from '../process-rule';
import type { Rule } from '../rule';
import { URL_WITH_PASSWORD, writesSecret } from '../secret-names';
/** Supervisor's %(ENV_SECRET_KEY)s passes supervisord's own environment on: a reference, not the secret. */
const REFERENCE_ONLY = /^%\(ENV_\w+\)s$/;

export const secretInUnitEnvironment: Rule = {
  id: 'secret-in-unit-environment',
  scope: 'process',
  severity: 'high',
  title: "A secret is written in the service's environment settings",
  explanation:
    'Unit files are world-readable (systemctl show prints Environment= to any user) and end up in configuration ' +
    'repositories and backups. A secret there is not secret.',
  fix: 'Put secrets in a root-only file (chmod 600) named by EnvironmentFile=, or use LoadCredential= and read them from $CREDENTIALS_DIRECTORY.',
  references: [
    'https://www.freedesktop.org/software/systemd/man/latest/systemd.exec.html#Environment=',
    'https://systemd.io/CREDENTIALS/',
  ],
  evaluate: async (context) =>
    withProcess(context, (process) =>
      process.environment
        .filter((pair) => !REFERENCE_ONLY.test(pair.value))
        .filter((pair) => writesSecret(pair.name, pair.value))
        .map((pair) => ({
          rule: 'secret-in-unit-environment',
          severity: 'high' as const,
          message: `${pair.name}${URL_WITH_PASSWORD.test(pair.value) ? ' (a URL with a password)' : ''} is written in ${process.kind === 'systemd' ? 'Environment=' : 'environment='} of ${process.file}: anyone who can read the unit reads the secret.`,
          file: pair.file,
          line: pair.line,
        })),
    ),
};
