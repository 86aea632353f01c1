/**
 * The advisory snapshot: the real OSV records of the packages the lessons pin (Flask, Werkzeug,
 * Jinja2, Gunicorn, Waitress), with the date they were read and where from, so the lesson and
 * `prodready audit` judge pins offline. scripts/refresh-advisories.ts rewrites osv-snapshot.json
 * from OSV when a network is there; docs/advisories.md says how this one was made.
 */
import { z } from 'zod';
import snapshot from './osv-snapshot.json' with { type: 'json' };

/** The parts of an OSV record (ossf.github.io/osv-schema) the judges read; the rest is kept as is. */
const osvRecord = z
  .object({
    id: z.string(),
    modified: z.string(),
    published: z.string().optional(),
    aliases: z.array(z.string()).optional(),
    summary: z.string().optional(),
    details: z.string().optional(),
    affected: z.array(
      z.looseObject({
        package: z.looseObject({ ecosystem: z.string(), name: z.string() }),
        ranges: z
          .array(z.looseObject({ type: z.string(), events: z.array(z.record(z.string(), z.string())) }))
          .optional(),
        versions: z.array(z.string()).optional(),
      }),
    ),
    references: z.array(z.looseObject({ type: z.string(), url: z.string() })).optional(),
    database_specific: z.looseObject({ severity: z.string().optional() }).optional(),
  })
  .loose();

const advisorySnapshot = z
  .object({
    retrieved: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .describe('The day the records were read'),
    source: z.string().describe('Where they were read from, in words'),
    packages: z.array(z.string()).describe('The packages whose advisories it holds (canonical names)'),
    files: z
      .record(z.string(), z.object({ repository: z.string(), path: z.string(), commit: z.string() }))
      .describe('Per record read from a repository: the repository, path and commit'),
    records: z.array(osvRecord),
  })
  .strict();

export type OsvRecord = z.infer<typeof osvRecord>;
export type AdvisorySnapshot = z.infer<typeof advisorySnapshot>;

/** Parsed at load: a snapshot the refresh script broke fails here, with zod's path to the key. */
export const ADVISORIES: AdvisorySnapshot = advisorySnapshot.parse(snapshot);

export function advisory(id: string): OsvRecord | undefined {
  return ADVISORIES.records.find((record) => record.id === id);
}

/** "GHSA-2g68-c3qc-8985 (CVE-2024-34069, high): Werkzeug debugger vulnerable to …" */
export function describeAdvisory(record: OsvRecord): string {
  const cve = record.aliases?.find((alias) => alias.startsWith('CVE-'));
  const severity = record.database_specific?.severity?.toLowerCase();
  const tags = [cve, severity].filter(Boolean).join(', ');
  return `${record.id}${tags ? ` (${tags})` : ''}: ${record.summary ?? 'no summary'}`;
}
