/** gunicorn-reload: the code reloader is on in production (Gunicorn's reload, Werkzeug's reloader). */
import { startApp } from '../context';
import { settingSource } from '../production';
import type { Rule } from '../rule';

export const gunicornReload: Rule = {
  id: 'gunicorn-reload',
  scope: 'app',
  severity: 'medium',
  title: 'The code reloader is on in production',
  explanation:
    'The reloader watches files and restarts workers when they change: in production that means restarts nobody ' +
    'planned, extra load, and code that runs the moment a file is written to the server.',
  fix: 'Leave reload off in production; deploy by restarting the service.',
  references: ['https://docs.gunicorn.org/en/stable/settings.html#reload'],
  async evaluate(context) {
    const { serving } = await startApp(context, context.production.env);
    if (!serving.reloader) return { findings: [] };
    const location =
      serving.server === 'gunicorn'
        ? settingSource(context.files, context.production.commandSource, 'reload')
        : serving.calledFrom;
    const what = serving.server === 'gunicorn' ? "Gunicorn's reload setting" : "Werkzeug's reloader";
    return {
      findings: [
        {
          rule: 'gunicorn-reload',
          severity: 'medium',
          message: `${what} is on: workers restart whenever a file changes.`,
          file: location?.file,
          line: location?.line,
        },
      ],
    };
  },
};
