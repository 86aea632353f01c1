/**
 * What the reality tests read from lessons/: each lesson's solution and alternatives (through the
 * lesson loader, so templates, overlays and patches resolve as the grader sees them), the
 * production entrypoints they contain, and their nginx configs. Picked up by content, not by name, so
 * a new lesson is covered without editing the tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { lessonFolders, loadLessonContent } from '../../../src/cli/lessons-fs';
import { REPO } from './venv';

export const LESSONS = join(REPO, 'lessons');

export type Files = Record<string, string>;

export interface Variant {
  lesson: string;
  /** "solution", "alternatives/NAME" or "mistakes/NAME" */
  name: string;
  files: Files;
  /** a mistake's expect.json, parsed */
  expect?: Record<string, unknown>;
}

export function lessonIds(): string[] {
  return lessonFolders(LESSONS);
}

/**
 * The solution, then each alternative, then (with `withMistakes`) each mistake, as the lesson loader
 * builds them (template, overlays and patches resolved): the grader's view, not a second reading.
 */
export function variants(lesson: string, withMistakes = false): Variant[] {
  const root = join(LESSONS, lesson);
  const content = loadLessonContent(root, { withMistakes: true });
  const out: Variant[] = [{ lesson, name: 'solution', files: content.solution }];
  for (const alternative of content.alternatives) {
    out.push({ lesson, name: `alternatives/${alternative.name}`, files: alternative.files });
  }
  if (withMistakes) {
    for (const mistake of content.mistakes) {
      const expectFile = join(root, 'mistakes', mistake.name, 'expect.json');
      const expect = JSON.parse(readFileSync(expectFile, 'utf8')) as Record<string, unknown>;
      out.push({ lesson, name: `mistakes/${mistake.name}`, files: mistake.files, expect });
    }
  }
  return out;
}

export interface Entrypoint {
  /** where it was declared, e.g. "Procfile (web)" or "shop.service (ExecStart)" */
  source: string;
  kind: 'procfile' | 'systemd' | 'supervisor';
  /** the command line as written (one line; continuations joined) */
  command: string;
  /** WorkingDirectory= / directory= as written, when given */
  workingDirectory?: string;
  /** Environment= / environment= pairs from the declaration */
  env: Record<string, string>;
}

/** Joins systemd/supervisor continuation lines (a trailing backslash). */
function logicalLines(text: string): string[] {
  return text.replace(/\\\r?\n/g, ' ').split(/\r?\n/);
}

function unquote(value: string): string {
  const trimmed = value.trim();
  const match = /^(["'])(.*)\1$/.exec(trimmed);
  return match ? match[2]! : trimmed;
}

/** Environment=A=1 "B=two words" (systemd) */
function systemdEnvironment(value: string, into: Record<string, string>): void {
  for (const match of value.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) {
    const pair = match[1] ?? match[2] ?? match[3] ?? '';
    const eq = pair.indexOf('=');
    if (eq > 0) into[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
}

/** Production entrypoints in a set of files: Procfile web lines, systemd units, supervisor programs. */
export function entrypoints(files: Files): Entrypoint[] {
  const found: Entrypoint[] = [];
  for (const [path, text] of Object.entries(files)) {
    const base = path.split('/').pop() ?? path;
    if (base === 'Procfile') {
      for (const line of text.split(/\r?\n/)) {
        const match = /^web:\s*(.+)$/.exec(line.trim());
        if (match) found.push({ source: `${path} (web)`, kind: 'procfile', command: match[1]!.trim(), env: {} });
      }
    } else if (base.endsWith('.service')) {
      let section = '';
      let command: string | undefined;
      let workingDirectory: string | undefined;
      const env: Record<string, string> = {};
      for (const raw of logicalLines(text)) {
        const line = raw.trim();
        if (!line || line.startsWith('#') || line.startsWith(';')) continue;
        const header = /^\[(.+)\]$/.exec(line);
        if (header) {
          section = header[1]!;
          continue;
        }
        if (section !== 'Service') continue;
        const eq = line.indexOf('=');
        if (eq < 0) continue;
        const key = line.slice(0, eq).trim();
        const value = line.slice(eq + 1).trim();
        // A repeated ExecStart= in a simple service: the last one wins (an empty one resets).
        if (key === 'ExecStart') command = value || undefined;
        else if (key === 'WorkingDirectory') workingDirectory = value.replace(/^-/, '');
        else if (key === 'Environment') systemdEnvironment(value, env);
      }
      if (command) found.push({ source: `${path} (ExecStart)`, kind: 'systemd', command, workingDirectory, env });
    } else if (/\.(conf|ini)$/.test(base) && /^\s*\[program:[^\]]+\]/m.test(text)) {
      let program: string | undefined;
      let entry: Entrypoint | undefined;
      for (const raw of logicalLines(text)) {
        const line = raw.trim();
        const header = /^\[(.+)\]$/.exec(line);
        if (header) {
          if (entry) found.push(entry);
          entry = undefined;
          program = header[1]!.startsWith('program:') ? header[1] : undefined;
          if (program) entry = { source: `${path} [${program}]`, kind: 'supervisor', command: '', env: {} };
          continue;
        }
        if (!entry || !line || line.startsWith(';') || line.startsWith('#')) continue;
        const eq = line.indexOf('=');
        if (eq < 0) continue;
        const key = line.slice(0, eq).trim();
        const value = line.slice(eq + 1).trim();
        if (key === 'command') entry.command = value;
        else if (key === 'directory') entry.workingDirectory = value;
        else if (key === 'environment') {
          for (const match of value.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|[^,]*)/g)) {
            entry.env[match[1]!] = unquote(match[2]!);
          }
        }
      }
      if (entry) found.push(entry);
    }
  }
  return found.filter((entry) => entry.command);
}

/** Files that are nginx configs: *.conf in an nginx/ folder, or with nginx blocks and no INI sections. */
export function nginxConfigs(files: Files): string[] {
  return Object.keys(files).filter((path) => {
    if (!/\.conf$/.test(path)) return false;
    const text = files[path]!;
    if (/^\s*\[[^\]]+\]\s*$/m.test(text)) return false;
    return path.split('/').includes('nginx') || /^\s*(server|http|upstream|location|events)\b[^;{]*\{/m.test(text);
  });
}

/**
 * Ids of the lesson's nginx-syntax checks, read in sync (tsx's require hook compiles checks.ts), so
 * a test file can build its list before node:test starts running: a mistake that must fail one of
 * these is a config nginx -t must refuse.
 */
export function nginxSyntaxCheckIds(lesson: string): string[] {
  const module = createRequire(import.meta.url)(join(LESSONS, lesson, 'checks.ts')) as { default?: unknown };
  const checks = Array.isArray(module.default) ? (module.default as Array<Record<string, unknown>>) : [];
  return checks.filter((check) => check.kind === 'nginx-syntax').map((check) => String(check.id));
}

export interface LessonFacts {
  /** the route the lesson's attack uses (frontmatter attackPath), default /orders/abc */
  attackPath: string;
  /** whether the lesson's own checks claim that behind nginx the app sees the client's address */
  claimsClientAddress: boolean;
  /** A check says the app sees https behind the proxy (lesson 05 ends before ProxyFix; 06 adds it). */
  claimsHttps: boolean;
}

export async function lessonFacts(lesson: string): Promise<LessonFacts> {
  const markdown = readFileSync(join(LESSONS, lesson, 'lesson.md'), 'utf8');
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(markdown)?.[1] ?? '';
  const attackPath = unquote(/^attackPath:\s*(.+)$/m.exec(frontmatter)?.[1] ?? '/orders/abc');
  let claimsClientAddress = false;
  let claimsHttps = false;
  const checksFile = join(LESSONS, lesson, 'checks.ts');
  if (existsSync(checksFile)) {
    const module = (await import(pathToFileURL(checksFile).href)) as { default?: unknown };
    const checks = Array.isArray(module.default) ? (module.default as Array<Record<string, unknown>>) : [];
    claimsClientAddress = checks.some((check) => {
      const expect = check.expect as Record<string, unknown> | undefined;
      return check.kind === 'client-view' && typeof expect?.remoteAddr === 'string';
    });
    claimsHttps = checks.some((check) => (check.expect as Record<string, unknown> | undefined)?.scheme === 'https');
  }
  return { attackPath, claimsClientAddress, claimsHttps };
}
