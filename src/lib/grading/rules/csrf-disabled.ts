/**
 * csrf-disabled: Flask-WTF's CSRF protection is turned off in the app production runs. Decided by
 * reading the live app's config (WTF_CSRF_ENABLED, WTF_CSRF_CHECK_DEFAULT) after it started as
 * production starts it, so a testing config that production never loads is not reported; the
 * source is read only to point at the line.
 */
import { describeExit, runApp, where } from '../context';
import type { Rule } from '../rule';
import type { Finding } from '../types';

const SETTINGS: Array<[string, string]> = [
  ['WTF_CSRF_ENABLED', 'no form is checked for a CSRF token'],
  ['WTF_CSRF_CHECK_DEFAULT', 'CSRFProtect checks no view unless one asks for it'],
];

export const csrfDisabled: Rule = {
  id: 'csrf-disabled',
  scope: 'app',
  severity: 'medium',
  title: 'CSRF protection is turned off',
  explanation:
    "Without the CSRF token check, any site a logged-in user visits can submit forms to the app in the user's name: " +
    'change an e-mail address, place an order, delete data (CWE-352).',
  fix: 'Leave WTF_CSRF_ENABLED and WTF_CSRF_CHECK_DEFAULT at their default (True) in production; turn CSRF off only in the testing config.',
  references: [
    'https://cwe.mitre.org/data/definitions/352.html',
    'https://flask-wtf.readthedocs.io/en/stable/csrf/',
    'https://flask-wtf.readthedocs.io/en/stable/config/',
  ],
  async evaluate(context) {
    const outcome = await runApp(context, context.production.env);
    if (!outcome.serving) return { findings: [], inconclusive: describeExit(outcome) };
    const facts = await context.runtime.call('facts', { session: 'grader', files: context.files });
    const findings: Finding[] = [];
    for (const [name, consequence] of SETTINGS) {
      const setting = facts.settings?.[name];
      // Unset means Flask-WTF's default, True; only a value that reads as false turns it off.
      if (!setting || (setting.value !== false && setting.value !== 0 && setting.value !== '')) continue;
      const written = facts.settingLocations?.[name] ?? [];
      const location = written[written.length - 1] ?? null;
      const at = location ? ` at ${where(location)}` : '';
      findings.push({
        rule: 'csrf-disabled',
        severity: 'medium',
        message: `The app production runs has ${name} = ${setting.value === false ? 'False' : JSON.stringify(setting.value)}${at}: ${consequence}.`,
        file: location?.file ?? context.production.commandSource?.file,
        line: location?.line ?? context.production.commandSource?.line,
      });
    }
    return { findings };
  },
};
