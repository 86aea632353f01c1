/** What every nginx rule starts with: the parsed config, or why there is none to judge. */
import type { GradingContext } from './context';
import { loadNginx, parsedNginx, type LoadedNginx } from './proxy-chain';
import type { RuleVerdict } from './rule';
import type { Finding } from './types';
import type { Directive } from '../config/nginx';

export async function withNginx(
  context: GradingContext,
  judge: (nginx: LoadedNginx) => Finding[] | Promise<Finding[]>,
): Promise<RuleVerdict> {
  const nginx = parsedNginx(context.nginx !== undefined ? context.nginx : loadNginx(context.files));
  if (nginx === null) return { findings: [], inconclusive: 'there is no nginx config' };
  return { findings: await judge(nginx) };
}

export function at(directive: Directive): { file: string; line: number } {
  return { file: directive.file, line: directive.line };
}
