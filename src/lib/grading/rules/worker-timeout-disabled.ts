/** worker-timeout-disabled: Gunicorn's worker timeout is off, so a stuck worker is never replaced. */
import { startApp } from '../context';
import { settingSource } from '../production';
import type { Rule } from '../rule';

export const workerTimeoutDisabled: Rule = {
  id: 'worker-timeout-disabled',
  scope: 'app',
  severity: 'medium',
  title: 'The worker timeout is turned off',
  explanation:
    'With timeout 0 a worker stuck on a slow upstream or an endless loop holds its slot forever; a few such requests ' +
    'and the app stops answering. The timeout is how the arbiter takes the worker back.',
  confirms: 'Gunicorn runs with a worker timeout, so a stuck worker is replaced.',
  fix: 'Keep a timeout (Gunicorn defaults to 30 s); raise it for known slow endpoints rather than disabling it.',
  references: ['https://docs.gunicorn.org/en/stable/settings.html#timeout'],
  async evaluate(context) {
    const { serving } = await startApp(context, context.production.env);
    if (serving.server !== 'gunicorn' || serving.settings['timeout'] !== 0) return { findings: [] };
    // The gthread worker (sync with threads > 1 becomes gthread: Config.worker_class_str, Gunicorn
    // 23) answers the arbiter's heartbeat from its main loop while requests run in its thread pool
    // (gunicorn/workers/gthread.py, ThreadWorker.run): a stuck request never stops the heartbeat,
    // so the timeout never replaced it, and 0 takes nothing away (Cloud Run's documented setting).
    if (serving.settings['worker_class'] === 'gthread') return { findings: [] };
    const location = settingSource(context.files, context.production.commandSource, 'timeout');
    return {
      findings: [
        {
          rule: 'worker-timeout-disabled',
          severity: 'medium',
          message: 'Gunicorn runs with timeout 0: a stuck worker is never killed and replaced.',
          file: location?.file,
          line: location?.line,
        },
      ],
    };
  },
};
