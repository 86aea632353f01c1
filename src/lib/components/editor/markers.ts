/**
 * Editor markers from check results and the last run: a failing check that names a file and line,
 * and a run that crashed at a known line. Passing checks give none, so a new grade clears them.
 */
import type { CheckResult } from '../../grading/types';
import type { RunOutcome } from '../../runtime/protocol';

export interface LineMarker {
  file: string;
  line: number;
  message: string;
}

export function toMarkers(results: CheckResult[] | null, exit: RunOutcome['exit']): LineMarker[] {
  const markers: LineMarker[] = [];
  for (const result of results ?? []) {
    if (result.passed || !result.file || !result.line) continue;
    markers.push({ file: result.file, line: result.line, message: `${result.title}: ${result.message}` });
  }
  if (exit?.location) markers.push({ file: exit.location.file, line: exit.location.line, message: exit.message });
  return markers;
}

/** Markers of one file, lines clamped into the file (an edited file may have shrunk). */
export function markersFor(markers: LineMarker[], file: string, lineCount: number): LineMarker[] {
  return markers.filter((m) => m.file === file).map((m) => ({ ...m, line: Math.max(1, Math.min(lineCount, m.line)) }));
}
