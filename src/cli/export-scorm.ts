/**
 * `prodready export scorm [--track TAG] --out FILE.zip`: the built site (dist/) as a SCORM 1.2
 * package an LMS imports as one course. The site itself finds the LMS's API when launched and
 * reports to it (src/lib/lms/); this only packs it, with imsmanifest.xml at the root.
 */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import type { Lesson } from '../lib/content/lesson';
import { filterByTrack } from '../lib/state/route';
import { scormManifest } from './scorm-manifest';

export class ExportUsageError extends Error {}

export interface ExportOptions {
  track: string | null;
  out: string;
}

export function parseExportArgs(args: string[]): ExportOptions {
  const [format, ...rest] = args;
  if (format !== 'scorm') throw new ExportUsageError(`export knows one format, scorm (got ${format ?? 'nothing'})`);
  let track: string | null = null;
  let out: string | null = null;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const value = rest[i + 1];
    if ((arg === '--track' || arg === '--out') && (value === undefined || value.startsWith('-'))) {
      throw new ExportUsageError(`${arg} needs a value`);
    }
    if (arg === '--track') track = value!;
    else if (arg === '--out') out = value!;
    else throw new ExportUsageError(`unknown argument ${arg}`);
    i++;
  }
  if (!out) throw new ExportUsageError('export scorm needs --out FILE.zip');
  return { track, out };
}

/**
 * Left out of the package: the `.br`/`.gz` variants (an LMS serves files as they are, and would send
 * them under their own names), and the audit's packages, which only the command line uses.
 */
function packed(path: string): boolean {
  return !/\.(br|gz)$/.test(path) && path !== 'pyodide/audit-packages.zip';
}

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** Already compressed: stored, not deflated again. */
const STORED = /\.(zip|png|jpe?g|woff2?)$/;

/** Writes the package; returns what it holds. Throws ExportUsageError for a missing build or an unknown track. */
export function exportScorm(
  options: ExportOptions,
  dist: string,
  lessons: readonly Lesson[],
  version: string,
): { lessons: string[]; files: number; bytes: number } {
  if (!existsSync(join(dist, 'index.html'))) {
    throw new ExportUsageError(`${dist} has no built site: run \`npm run build\` first`);
  }
  const { shown, trackEmpty } = filterByTrack([...lessons], options.track);
  if (trackEmpty) {
    const tags = [...new Set(lessons.flatMap((lesson) => lesson.tags))].sort().join(', ');
    throw new ExportUsageError(`no lesson has the tag "${options.track}" (tags: ${tags})`);
  }
  const files = [...walk(dist)].map((path) => relative(dist, path).split('\\').join('/')).filter(packed);
  const name = options.track ? `prodready-${options.track}` : 'prodready';
  const manifest = scormManifest({
    identifier: name.replace(/[^A-Za-z0-9_.-]/g, '-'),
    title: `prodready: ship Flask to production safely${options.track ? ` (${options.track})` : ''}`,
    launch: options.track ? `index.html?track=${encodeURIComponent(options.track)}` : 'index.html',
    files,
    version,
  });
  const entries: Zippable = { 'imsmanifest.xml': new TextEncoder().encode(manifest) };
  for (const file of files) {
    entries[file] = [readFileSync(join(dist, file)), { level: STORED.test(file) ? 0 : 6 }];
  }
  const zip = zipSync(entries);
  writeFileSync(resolve(options.out), zip);
  return { lessons: shown.map((lesson) => lesson.id), files: files.length + 1, bytes: zip.length };
}
