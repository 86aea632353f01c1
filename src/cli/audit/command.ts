/**
 * `prodready audit DIR [--format text|json|sarif] [--fail-on high|medium|low]`.
 * Exit 3 when part of the project could not be judged (an app that did not start, a limit hit),
 * else 1 when a finding is at or above --fail-on (default medium), 0 otherwise; 2 on bad usage
 * or an unreadable DIR.
 */
import { accessSync, constants, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PythonRuntime } from '../../lib/grading/runtime';
import type { Severity } from '../../lib/grading/types';
import { audit, type AuditResult } from './evaluate';
import { escapeControls } from '../safe-text';
import { toJson, toSarif, toText, type LineReader } from './format';
import { realPathWithin } from '../within-root';

export class AuditUsageError extends Error {}

/** The exit code of a command that could not judge all it was asked to: never 0, never mistaken for findings. */
export const COULD_NOT_JUDGE = 3;

export type AuditFormat = 'text' | 'json' | 'sarif';

export interface AuditOptions {
  dir: string;
  format: AuditFormat;
  failOn: Severity;
}

const FORMATS: AuditFormat[] = ['text', 'json', 'sarif'];
const SEVERITIES: Severity[] = ['high', 'medium', 'low'];
const RANK: Record<Severity, number> = { high: 3, medium: 2, low: 1 };

export function parseAuditArgs(args: string[]): AuditOptions {
  let format: AuditFormat = 'text';
  let failOn: Severity = 'medium';
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    if (flag === '--format' || flag === '--fail-on') {
      const value = inline ?? args[++i];
      if (value === undefined) throw new AuditUsageError(`${flag} needs a value`);
      if (flag === '--format') {
        if (!FORMATS.includes(value as AuditFormat)) {
          throw new AuditUsageError(`--format must be one of ${FORMATS.join(', ')} (got "${value}")`);
        }
        format = value as AuditFormat;
      } else {
        if (!SEVERITIES.includes(value as Severity)) {
          throw new AuditUsageError(`--fail-on must be one of ${SEVERITIES.join(', ')} (got "${value}")`);
        }
        failOn = value as Severity;
      }
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new AuditUsageError(`unknown option ${arg}`);
    } else {
      positional.push(arg);
    }
  }
  if (positional.length !== 1) throw new AuditUsageError('audit needs exactly one DIR');
  const dir = positional[0] as string;
  try {
    if (!statSync(dir).isDirectory()) throw new AuditUsageError(`${dir}: not a directory`);
    accessSync(dir, constants.R_OK | constants.X_OK);
  } catch (error) {
    if (error instanceof AuditUsageError) throw error;
    throw new AuditUsageError(`${dir}: cannot read it (${(error as Error).message})`);
  }
  return { dir: resolve(dir), format, failOn };
}

/** Reads a line of a file under `root`, following links only while they stay inside it. */
function projectLineReader(root: string): LineReader {
  const realRoot = realpathSync(root);
  const cache = new Map<string, string[] | null>();
  return (file, line) => {
    if (!cache.has(file)) {
      const real = realPathWithin(realRoot, join(realRoot, file));
      let lines: string[] | null = null;
      try {
        if (real !== null) lines = readFileSync(real, 'utf8').split(/\r?\n/);
      } catch {
        lines = null;
      }
      cache.set(file, lines);
    }
    return cache.get(file)?.[line - 1];
  };
}

export function render(
  result: AuditResult,
  format: AuditFormat,
  version: string,
  color: boolean,
  root: string,
): string {
  if (format === 'json') return toJson(result, version);
  if (format === 'sarif') return toSarif(result, version, projectLineReader(root));
  return toText(result, { color });
}

export function exitCode(result: AuditResult, failOn: Severity): number {
  if (result.unjudged.length > 0) return COULD_NOT_JUDGE;
  return result.findings.some((finding) => RANK[finding.severity] >= RANK[failOn]) ? 1 : 0;
}

/** Runs an audit and writes its report; returns the exit code. */
export async function runAudit(
  options: AuditOptions,
  runtime: PythonRuntime & { readonly unjudged?: readonly string[] },
  version: string,
  out: (text: string) => void,
  err: (text: string) => void,
  color: boolean,
): Promise<number> {
  const audited = await audit(options.dir, runtime);
  // Limits the runtime hit (time, memory, output, a crash) are part of what could not be judged.
  const result = { ...audited, unjudged: [...audited.unjudged, ...(runtime.unjudged ?? [])] };
  out(render(result, options.format, version, color, options.dir));
  // Machine formats keep stdout clean; what was skipped goes to stderr for people watching CI.
  if (options.format !== 'text') {
    for (const info of result.infos) err(`prodready: info: ${escapeControls(info)}`);
    for (const reason of result.unjudged) err(`prodready: could not judge: ${escapeControls(reason)}`);
  }
  return exitCode(result, options.failOn);
}
