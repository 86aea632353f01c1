/** Check results as terminal text: PASS/FAIL lines, the failure's message and file:line, escaped. */
import { checkStatus, type CheckResult, type CheckStatus } from '../lib/grading/types';
import { escapeControls } from './safe-text';

const color = process.stdout.isTTY && !process.env.NO_COLOR;

/** `text` in an SGR colour when stdout is a terminal that wants colour. */
export const paint = (code: number | string, text: string) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
export const useColor = Boolean(color);

/** Where a result points, ` (file:line)`, escaped; empty when it names no file. */
export function resultLocation(result: Pick<CheckResult, 'file' | 'line'>): string {
  return result.file ? ` (${escapeControls(result.file)}${result.line ? `:${result.line}` : ''})` : '';
}

export function printResults(results: CheckResult[]): void {
  for (const result of results) {
    const status = checkStatus(result);
    const mark = status === 'passed' ? paint(32, 'PASS') : status === 'failed' ? paint(31, 'FAIL') : paint(33, 'SKIP');
    console.log(`${mark} ${result.id}${result.rule ? ` [${result.rule}]` : ''}: ${result.title}`);
    if (!result.passed) console.log(`     ${escapeControls(result.message)}${resultLocation(result)}`);
  }
  const count = (status: CheckStatus) => results.filter((result) => checkStatus(result) === status).length;
  const notRun = count('not-run');
  console.log(`\n${count('passed')} passed, ${count('failed')} failed${notRun ? `, ${notRun} not run` : ''}`);
}
