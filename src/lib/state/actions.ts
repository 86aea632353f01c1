/**
 * The learner's commands, shared by buttons, keyboard shortcuts and the terminal. Each acts on
 * the open lesson; the ones that discard work ask first.
 */
import { checks } from './checks.svelte';
import { confirmation } from './confirm.svelte';
import { lessonsState } from './lessons.svelte';
import { progress } from './progress.svelte';
import { run } from './run.svelte';
import { workspace } from './workspace.svelte';

export function runLesson(): Promise<void> {
  const lesson = lessonsState.current;
  return lesson ? run.run(lesson) : Promise.resolve();
}

/** A server command typed in the terminal (`python app.py`, `gunicorn …`): run like Run, with that line. */
export function runTypedCommand(line: string): Promise<void> {
  const lesson = lessonsState.current;
  return lesson ? run.run(lesson, line) : Promise.resolve();
}

export function stopLesson(): Promise<void> {
  return run.stop();
}

export async function checkLesson(): Promise<void> {
  const lesson = lessonsState.current;
  if (!lesson || checks.running) return;
  await checks.check(lesson);
  // On a phone the panes stack and the results sit far below the button: bring them into view.
  if (typeof matchMedia === 'function' && matchMedia('(max-width: 720px)').matches) {
    document.querySelector('[data-testid=checks-panel]')?.scrollIntoView({ block: 'start' });
  }
}

export async function resetToStarter(): Promise<void> {
  const lesson = lessonsState.current;
  if (!lesson) return;
  const ok = await confirmation.ask({
    title: 'Reset to starter?',
    message: `Every change you made to the files of "${lesson.title}" will be lost.`,
    confirmLabel: 'Reset files',
  });
  if (ok && lessonsState.current === lesson) workspace.replace(lesson.starter);
}

export async function showSolution(): Promise<void> {
  const lesson = lessonsState.current;
  if (!lesson) return;
  const ok = await confirmation.ask({
    title: 'Show the solution?',
    message: 'Your files will be replaced by the reference solution. Your own changes will be lost.',
    confirmLabel: 'Replace with solution',
  });
  if (ok && lessonsState.current === lesson) {
    progress.solutionShown(lesson.id);
    workspace.replace(lesson.solution);
  }
}
