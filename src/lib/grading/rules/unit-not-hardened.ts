/** unit-not-hardened: the systemd unit lacks the basic sandboxing directives. */
import { withProcess } from '../process-rule';
import type { Rule } from '../rule';

/** The minimum: no privilege gain, a read-only system, a private /tmp. Each with the values that count. */
const REQUIRED: Array<[string, RegExp]> = [
  ['NoNewPrivileges', /^(yes|true|1|on)$/i],
  ['ProtectSystem', /^(strict|full|yes|true)$/i],
  ['PrivateTmp', /^(yes|true|1|on)$/i],
];

export const unitNotHardened: Rule = {
  id: 'unit-not-hardened',
  scope: 'process',
  severity: 'low',
  title: 'The service runs without basic sandboxing',
  explanation:
    'systemd can take away what a web app never needs: gaining privileges, writing to /usr and /etc, sharing /tmp ' +
    'with other services. Without it, one exploited request can do all of that.',
  fix: 'NoNewPrivileges=yes, ProtectSystem=strict, PrivateTmp=yes (then ProtectHome=, PrivateDevices=, ...; see systemd-analyze security).',
  references: ['https://www.freedesktop.org/software/systemd/man/latest/systemd.exec.html#Sandboxing'],
  evaluate: async (context) =>
    withProcess(context, (process) => {
      if (process.kind !== 'systemd') return [];
      const missing = REQUIRED.filter(([key, good]) => !good.test(process.sandboxing.get(key)?.value ?? '')).map(
        ([key]) => key,
      );
      if (missing.length === 0) return [];
      return [
        {
          rule: 'unit-not-hardened',
          severity: 'low',
          message: `The unit has no ${missing.map((key) => `${key}=`).join(', ')}: the app keeps privileges it never needs.`,
          file: process.section.file,
          line: process.section.line,
        },
      ];
    }),
};
