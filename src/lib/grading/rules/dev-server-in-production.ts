/**
 * dev-server-in-production: what production starts serves the app with Werkzeug's development
 * server. Decided by starting it as production does and seeing which server comes up.
 */
import { startApp, startedAt } from '../context';
import type { Rule } from '../rule';

export const devServerInProduction: Rule = {
  id: 'dev-server-in-production',
  scope: 'app',
  severity: 'high',
  title: "Production runs Flask's development server",
  explanation:
    "Flask.run() and `flask run` start Werkzeug's development server: one process, no worker management, no " +
    'hardening against slow or malformed clients, and it says so at start-up. It is built for a laptop, not for traffic.',
  fix: 'Serve the app with a production WSGI server (Waitress or Gunicorn) and make that the command production starts.',
  references: [
    'https://flask.palletsprojects.com/en/stable/deploying/',
    'https://werkzeug.palletsprojects.com/en/stable/serving/',
  ],
  async evaluate(context) {
    const { serving } = await startApp(context, context.production.env);
    if (serving.server !== 'werkzeug') return { findings: [] };
    const source = context.production.commandSource;
    const started = source
      ? `${source.file} starts \`${context.production.command}\``
      : `\`${context.production.command}\``;
    const location = source ?? serving.calledFrom;
    return {
      findings: [
        {
          rule: 'dev-server-in-production',
          severity: 'high',
          message: `${started}, which serves the app with Flask's development server${startedAt(serving.calledFrom, 'app.run at')}.`,
          file: location?.file,
          line: location?.line,
        },
      ],
    };
  },
};
