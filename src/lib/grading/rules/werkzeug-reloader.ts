/**
 * werkzeug-reloader: Werkzeug's reloader runs the app in production (`app.run(use_reloader=True)`,
 * `app.run(debug=True)`, `flask run --reload`). Apart from gunicorn-reload: the fix is another
 * setting of another server.
 */
import { startApp } from '../context';
import type { Rule } from '../rule';

export const werkzeugReloader: Rule = {
  id: 'werkzeug-reloader',
  scope: 'app',
  severity: 'medium',
  title: "Werkzeug's code reloader is on in production",
  explanation:
    'The reloader runs the app in a child process and restarts it whenever a watched file changes: in production that ' +
    'means restarts nobody planned, extra load, and code that runs the moment a file is written to the server.',
  confirms: 'The app runs without Werkzeug’s reloader.',
  fix: 'Pass use_reloader=False (debug=True turns it on), or better, serve with a production server such as Gunicorn or Waitress.',
  references: ['https://werkzeug.palletsprojects.com/en/stable/serving/#reloader'],
  async evaluate(context) {
    const { serving } = await startApp(context, context.production.env);
    if (!serving.reloader || serving.server !== 'werkzeug') return { findings: [] };
    const location = serving.calledFrom ?? context.production.commandSource;
    return {
      findings: [
        {
          rule: 'werkzeug-reloader',
          severity: 'medium',
          message: "Werkzeug's reloader is on: the app restarts whenever a file changes.",
          file: location?.file,
          line: location?.line,
        },
      ],
    };
  },
};
