/**
 * The learner's files for the current lesson. Every edit is saved under
 * `prodready:v1:files:<lessonId>`, so a reload or a switch to another lesson and back keeps them.
 */
import type { Lesson } from '../content/lesson';
import type { WorkspaceFiles } from '../runtime/protocol';
import { browserStore, isStringRecord, loadJson, saveJson, storageKey } from './storage';

const store = browserStore();
const filesKey = (lessonId: string) => storageKey('files', lessonId);

/** Tab order: the entry file first, then the lesson's files as authored, then anything else. */
export function fileOrder(entry: string, starter: WorkspaceFiles, files: WorkspaceFiles): string[] {
  const order = [entry, ...Object.keys(starter), ...Object.keys(files)];
  return order.filter((path, index) => order.indexOf(path) === index && path in files);
}

/** The learner has edited this lesson's files (they are saved only once edited). */
export function hasSavedFiles(lessonId: string): boolean {
  return Object.keys(loadJson(store, filesKey(lessonId), isStringRecord, {})).length > 0;
}

class Workspace {
  lessonId = $state<string | null>(null);
  files = $state<WorkspaceFiles>({});
  paths = $state<string[]>([]);
  active = $state('');
  /** Bumped when files change from outside the editor (lesson switch, reset, solution): the editor reloads its models. */
  generation = $state(0);
  /** A request to show a line in the editor (a check's file:line); seq makes repeats count. */
  reveal = $state<{ file: string; line: number; seq: number } | null>(null);

  private entry = '';
  private starter: WorkspaceFiles = {};

  open(lesson: Lesson): void {
    if (this.lessonId === lesson.id) return;
    const saved = loadJson(store, filesKey(lesson.id), isStringRecord, {});
    this.lessonId = lesson.id;
    this.entry = lesson.entry;
    this.starter = lesson.starter;
    // New starter files (a lesson updated since the last visit) join the saved ones.
    this.setFiles({ ...lesson.starter, ...saved });
    this.active = lesson.entry in this.files ? lesson.entry : (this.paths[0] ?? '');
    this.reveal = null;
  }

  /** One edit from the editor; the editor already shows it, so no generation bump. */
  edit(path: string, content: string): void {
    if (this.files[path] === content) return;
    this.files[path] = content;
    this.save();
  }

  /** Replace every file (reset to starter, show solution). */
  replace(files: WorkspaceFiles): void {
    this.setFiles({ ...files });
    if (!(this.active in this.files)) this.active = this.entry in this.files ? this.entry : (this.paths[0] ?? '');
    this.save();
  }

  select(path: string): void {
    if (path in this.files) this.active = path;
  }

  showLine(file: string, line: number): void {
    if (!(file in this.files)) return;
    this.active = file;
    this.reveal = { file, line, seq: (this.reveal?.seq ?? 0) + 1 };
  }

  /** A plain copy for the worker (postMessage cannot clone a rune proxy). */
  snapshot(): WorkspaceFiles {
    return $state.snapshot(this.files);
  }

  private setFiles(files: WorkspaceFiles): void {
    this.files = files;
    this.paths = fileOrder(this.entry, this.starter, files);
    this.generation++;
  }

  private save(): void {
    if (this.lessonId) saveJson(store, filesKey(this.lessonId), $state.snapshot(this.files));
  }
}

export const workspace = new Workspace();
