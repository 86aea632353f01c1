import { describe, expect, it } from 'vitest';
import { commandEcho, commandToRun } from './run-command';

const LESSON_COMMAND = 'gunicorn -c gunicorn.conf.py wsgi:app';

describe('commandToRun', () => {
  it("runs the Procfile's web process, as edited", () => {
    expect(commandToRun({ Procfile: 'web: gunicorn -c gunicorn.conf.py wsgi:app\n' }, 'python app.py')).toBe(
      LESSON_COMMAND,
    );
    expect(commandToRun({ Procfile: 'web: flask run --debug\n' }, LESSON_COMMAND)).toBe('flask run --debug');
  });

  it("falls back to the lesson's command without a Procfile or a web process", () => {
    expect(commandToRun({ 'app.py': '' }, 'python app.py')).toBe('python app.py');
    expect(commandToRun({ Procfile: 'worker: python jobs.py\n# web: flask run\n' }, LESSON_COMMAND)).toBe(
      LESSON_COMMAND,
    );
  });
});

describe('commandEcho', () => {
  it('shows the command after a prompt, dimmed, on its own line', () => {
    expect(commandEcho(LESSON_COMMAND)).toBe(`\x1b[2m$ ${LESSON_COMMAND}\x1b[0m\n`);
  });
});
