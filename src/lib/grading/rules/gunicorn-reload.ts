/**
 * gunicorn-reload: Gunicorn's reload setting is on in production. Werkzeug's reloader is
 * werkzeug-reloader: another server, another setting to change.
 */
import { startApp } from '../context';
import { settingSource } from '../production';
import type { Rule } from '../rule';

export const gunicornReload: Rule = {
  id: 'gunicorn-reload',
  scope: 'app',
  severity: 'medium',
  title: "Gunicorn's code reloader is on in production",
  explanation:
    'The reloader watches files and restarts workers when they change: in production that means restarts nobody ' +
    'planned, extra load, and code that runs the moment a file is written to the server.',
  confirms: 'The server runs without a code reloader.',
  fix: 'Leave reload off in production (no --reload, no `reload = True`); deploy by restarting the service.',
  references: ['https://docs.gunicorn.org/en/stable/settings.html#reload'],
  async evaluate(context) {
    const { serving } = await startApp(context, context.production.env);
    if (!serving.reloader || serving.server !== 'gunicorn') return { findings: [] };
    const location = settingSource(context.files, context.production.commandSource, 'reload');
    return {
      findings: [
        {
          rule: 'gunicorn-reload',
          severity: 'medium',
          message: "Gunicorn's reload setting is on: workers restart whenever a file changes.",
          file: location?.file,
          line: location?.line,
        },
      ],
    };
  },
};
