/** unit-runs-as-root: the service runs as root (no User=, User=root; Supervisor without user=). */
import { withProcess } from '../process-rule';
import type { Rule } from '../rule';

export const unitRunsAsRoot: Rule = {
  id: 'unit-runs-as-root',
  scope: 'process',
  severity: 'high',
  title: 'The service runs as root',
  explanation:
    'systemd and Supervisor start a service as root unless told otherwise. Then any bug in the app, a template ' +
    'injection or a leaked debugger console, owns the whole machine instead of one unprivileged account.',
  fix: 'Create a system user for the app (useradd --system shop) and set User=shop / Group=shop (Supervisor: user=shop).',
  references: [
    'https://www.freedesktop.org/software/systemd/man/latest/systemd.exec.html#User=',
    'https://supervisord.org/configuration.html#program-x-section-values',
  ],
  evaluate: async (context) =>
    withProcess(context, (process) => {
      const user = process.user;
      if (user && user.value !== 'root' && user.value !== '0') return [];
      const key = process.kind === 'systemd' ? 'User=' : 'user=';
      const where = user ?? process.section;
      return [
        {
          rule: 'unit-runs-as-root',
          severity: 'high',
          message: user
            ? `${key}${user.value}: the app runs with every privilege on the machine.`
            : `No ${key}: ${process.kind === 'systemd' ? 'systemd' : 'Supervisor'} starts the app as root.`,
          file: where.file,
          line: where.line,
        },
      ];
    }),
};
