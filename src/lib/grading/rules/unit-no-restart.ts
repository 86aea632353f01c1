/** unit-no-restart: the service is not restarted when it dies. */
import { withProcess } from '../process-rule';
import type { Rule } from '../rule';

const NO_RESTART = new Set(['no', 'false']);

export const unitNoRestart: Rule = {
  id: 'unit-no-restart',
  scope: 'process',
  severity: 'medium',
  title: 'The service is not restarted when it dies',
  explanation:
    "systemd's default is Restart=no: after a crash, an out-of-memory kill or a failed boot the site stays down until " +
    'someone notices. Supervisor with autorestart=false is the same.',
  fix: 'Restart=on-failure (with RestartSec=); Supervisor: autorestart=true.',
  references: ['https://www.freedesktop.org/software/systemd/man/latest/systemd.service.html#Restart='],
  evaluate: async (context) =>
    withProcess(context, (process) => {
      const restart = process.restart;
      if (restart && !NO_RESTART.has(restart.value.toLowerCase())) return [];
      const where = restart ?? process.section;
      const message =
        process.kind === 'systemd'
          ? restart
            ? `Restart=${restart.value}: a crashed app stays down.`
            : 'No Restart=: systemd does not restart the app when it dies (the default is Restart=no).'
          : `autorestart=${restart?.value}: Supervisor leaves a crashed app down.`;
      return [{ rule: 'unit-no-restart', severity: 'medium', message, file: where.file, line: where.line }];
    }),
};
