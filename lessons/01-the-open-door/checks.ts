import { defineChecks } from '../../src/lib/content/define-checks';

export default defineChecks([
  {
    kind: 'python-syntax',
    id: 'parses',
    title: 'The app still parses',
    hint: 'Lesson 1 is about looking, not fixing: leave app.py as it was shipped.',
  },
  {
    kind: 'leak-report',
    id: 'names-the-leak',
    title: 'FINDINGS.md names the leaked secret key and source path',
    file: 'FINDINGS.md',
    mustName: ['secret', 'path'],
    hint: 'Run the app, then in the terminal: curl -i /orders/abc. Copy the values the traceback shows.',
  },
]);
