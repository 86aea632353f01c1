import type { WorkspaceFiles } from '../runtime/protocol';

/**
 * The files whose text differs between what the running app was started from and what the editor
 * holds now (added and removed files included), sorted. A server keeps serving the code it loaded:
 * without this, a traceback would quote the edited file's text beside the old file's line numbers.
 */
export function filesEditedSince(ran: WorkspaceFiles, now: WorkspaceFiles): string[] {
  const paths = new Set([...Object.keys(ran), ...Object.keys(now)]);
  return [...paths].filter((path) => ran[path] !== now[path]).sort();
}
