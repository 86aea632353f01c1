/**
 * Run and Stop for the learner's session. Run interrupts whatever Python is doing, then runs what
 * production runs (the Procfile's `web:` process, else the lesson's command; see run-command.ts)
 * with the workspace files and the terminal's environment; the server log streams
 * to the terminal, and a one-line summary goes there too. Stop interrupts and forgets the app.
 * A generation counter drops answers that arrive after a newer Run, Stop or lesson switch.
 */
import type { Lesson } from '../content/lesson';
import { InterruptedError } from '../runtime/client';
import type { RunOutcome, ServingInfo, WorkspaceFiles } from '../runtime/protocol';
import { environment } from './environment.svelte';
import { filesEditedSince } from './edited-since-run';
import { commandEcho, commandToRun } from './run-command';
import { runtime, TERMINAL_SESSION } from './runtime.svelte';
import { workspace } from './workspace.svelte';

export type RunPhase = 'idle' | 'starting' | 'serving' | 'exited' | 'stopping' | 'error';

const DIM = '\x1b[2m';
const GREEN = '\x1b[32m';
const RED = '\x1b[31m';
const RESET = '\x1b[0m';

export function servingSummary(serving: ServingInfo): string {
  const notes: string[] = [serving.server];
  if (serving.debugger) notes.push(serving.pinDisabled ? 'debugger on, no PIN' : 'debugger on');
  else if (serving.debug) notes.push('debug on');
  if (serving.reloader) notes.push('reloader on');
  return `Serving on http://${serving.host}:${serving.port} (${notes.join(', ')})`;
}

export function exitSummary(exit: NonNullable<RunOutcome['exit']>): string {
  const where = exit.location ? ` (${exit.location.file}:${exit.location.line})` : '';
  const code = exit.code === null || exit.code === 0 ? '' : ` with code ${exit.code}`;
  return `Exited${code}: ${exit.message}${where}`;
}

class RunState {
  phase = $state<RunPhase>('idle');
  serving = $state<ServingInfo | null>(null);
  exit = $state<RunOutcome['exit']>(null);
  error = $state<string | null>(null);
  /** The files the running app was started from. */
  private ranFiles = $state<WorkspaceFiles | null>(null);
  private generation = 0;

  /** Files edited since the app now serving was started: it still runs their old text. */
  editedSinceRun = $derived.by((): string[] =>
    this.phase === 'serving' && this.ranFiles ? filesEditedSince(this.ranFiles, workspace.files) : [],
  );

  summary = $derived.by((): string => {
    switch (this.phase) {
      case 'idle':
        return 'Not running';
      case 'starting':
        return runtime.ready ? 'Starting…' : 'Waiting for Python…';
      case 'stopping':
        return 'Stopping…';
      case 'serving': {
        const serving = this.serving ? servingSummary(this.serving) : 'Serving';
        const edited = this.editedSinceRun;
        if (edited.length === 0) return serving;
        return `${serving}; ${edited.join(', ')} edited since: Run again to serve the edits`;
      }
      case 'exited':
        return this.exit ? exitSummary(this.exit) : 'Exited';
      case 'error':
        return `Could not run: ${this.error ?? 'unknown error'}`;
    }
  });

  /** Run what production runs, or `typed` (a server command line typed in the terminal). */
  async run(lesson: Lesson, typed?: string): Promise<void> {
    const generation = ++this.generation;
    this.phase = 'starting';
    this.serving = null;
    this.exit = null;
    this.error = null;
    // One snapshot: the command shown is the command run, with the files it was read from.
    const files = workspace.snapshot();
    this.ranFiles = files;
    const command = typed ?? commandToRun(files, lesson.run.command);
    // A typed command is on screen already, at the prompt.
    if (typed === undefined) runtime.emit(TERMINAL_SESSION, commandEcho(command));
    try {
      if (runtime.client.busy) await runtime.client.interrupt();
      const outcome = await runtime.client.call('run', {
        session: TERMINAL_SESSION,
        files,
        command,
        env: environment.snapshot(),
      });
      if (generation !== this.generation) return;
      this.serving = outcome.serving;
      this.exit = outcome.exit;
      this.phase = outcome.serving ? 'serving' : 'exited';
      runtime.emit(
        TERMINAL_SESSION,
        outcome.serving
          ? `${GREEN}[run] ${servingSummary(outcome.serving)}. Try: curl -i /${RESET}\n`
          : `${RED}[run] ${outcome.exit ? exitSummary(outcome.exit) : 'Exited'}${RESET}\n`,
      );
    } catch (error) {
      if (generation !== this.generation) return;
      if (error instanceof InterruptedError) {
        this.phase = 'idle';
      } else {
        this.phase = 'error';
        this.error = error instanceof Error ? error.message : String(error);
        runtime.emit(TERMINAL_SESSION, `${RED}[run] ${this.error}${RESET}\n`);
      }
    }
  }

  /** Stop the running program or request, and stop serving. Edits are never touched. */
  async stop(quiet = false): Promise<void> {
    const generation = ++this.generation;
    const wasActive = this.phase !== 'idle' || runtime.client.busy;
    this.phase = 'stopping';
    try {
      await runtime.client.interrupt();
      // Forget the app; skipped while Python boots (there is nothing to forget, and the call would wait).
      if (runtime.ready) await runtime.client.call('stop', { session: TERMINAL_SESSION });
    } catch {
      // A restart on the way also forgets the app; nothing more to do.
    }
    if (generation !== this.generation) return;
    this.phase = 'idle';
    this.serving = null;
    this.exit = null;
    if (wasActive && !quiet) runtime.emit(TERMINAL_SESSION, `${DIM}[stop] stopped${RESET}\n`);
  }

  /** Leaving a lesson: stop its app so the next lesson starts clean. */
  leave(): void {
    this.error = null;
    if (this.phase === 'idle' && !runtime.client.busy) return;
    void this.stop(true);
  }
}

export const run = new RunState();
