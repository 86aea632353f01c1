/** What every nginx rule starts with: the parsed config, or why there is none to judge. */
import type { GradingContext } from './context';
import { loadNginx, type LoadedNginx } from './proxy-chain';
import type { RuleVerdict } from './rule';
import type { Finding } from './types';
import type { Directive } from '../config/nginx';

export async function withNginx(
  context: GradingContext,
  judge: (nginx: LoadedNginx) => Finding[] | Promise<Finding[]>,
): Promise<RuleVerdict> {
  const loaded = context.nginx !== undefined ? context.nginx : loadNginx(context.files);
  if (loaded === null) return { findings: [], inconclusive: 'there is no nginx config' };
  if (!loaded.ok) return { findings: [], inconclusive: `the nginx config does not parse: ${loaded.error.message}` };
  return { findings: await judge(loaded.nginx) };
}

export function at(directive: Directive): { file: string; line: number } {
  return { file: directive.file, line: directive.line };
}
