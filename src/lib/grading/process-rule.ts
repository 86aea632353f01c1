/** What every process-manager rule starts with: the unit or Supervisor program, or why there is none. */
import type { GradingContext } from './context';
import { loadProcess, type ManagedProcess } from './process-manager';
import type { RuleVerdict } from './rule';
import { BlockedError, type Finding } from './types';

export function withProcess(context: GradingContext, judge: (process: ManagedProcess) => Finding[]): RuleVerdict {
  const loaded = context.process !== undefined ? context.process : loadProcess(context.files);
  if (loaded === null) return { findings: [], inconclusive: 'there is no systemd unit or Supervisor program' };
  if (!loaded.ok)
    throw new BlockedError({
      message: `${loaded.location.file}:${loaded.location.line}: ${loaded.error}`,
      ...loaded.location,
    });
  return { findings: judge(loaded.process) };
}
