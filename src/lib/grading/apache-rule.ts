/** What every Apache rule starts with: the parsed site, or why there is none to judge. */
import type { ApacheDirective } from '../config/apache';
import { loadApache, parsedApache, type LoadedApache } from './apache-chain';
import type { GradingContext } from './context';
import type { RuleVerdict } from './rule';
import type { Finding } from './types';

export async function withApache(
  context: GradingContext,
  judge: (apache: LoadedApache) => Finding[] | Promise<Finding[]>,
): Promise<RuleVerdict> {
  const apache = parsedApache(context.apache !== undefined ? context.apache : loadApache(context.files));
  if (apache === null) return { findings: [], inconclusive: 'there is no Apache config' };
  return { findings: await judge(apache) };
}

export function at(directive: ApacheDirective): { file: string; line: number } {
  return { file: directive.file, line: directive.line };
}
