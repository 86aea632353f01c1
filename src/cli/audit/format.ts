/** `prodready audit` output: text grouped by file (with each rule's fix), JSON as the README documents it, SARIF 2.1.0. */
import { createHash } from 'node:crypto';
import type { RuleId } from '../../lib/grading/rule-ids';
import { rules } from '../../lib/grading/rules';
import type { Severity } from '../../lib/grading/types';
import { escapeControls, safeJson } from '../safe-text';
import type { AuditFinding, AuditResult } from './evaluate';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/prodready/prodready';

const ruleOf = (id: string) => rules[id as RuleId];

export function toJson(result: AuditResult, version: string): string {
  const findings = result.findings.map(({ rule, severity, file, line, message }) => ({
    rule,
    severity,
    file,
    line,
    message,
  }));
  const report = { tool: 'prodready', version, findings, entrypoints: result.entrypoints };
  return safeJson(result.unjudged.length > 0 ? { ...report, unjudged: result.unjudged } : report);
}

/** `1 file`, `2 files`. */
const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { high: 'error', medium: 'warning', low: 'note' };
const SECURITY_SEVERITY: Record<Severity, string> = { high: '8.0', medium: '5.0', low: '2.0' };

/** The text of a project file's line (1-based), or undefined when it cannot be read. */
export type LineReader = (file: string, line: number) => string | undefined;

/**
 * `partialFingerprints.primaryLocationLineHash`: code scanning matches a result across commits by this
 * value, so it must follow the flagged line's text, not its number (a line added above would otherwise
 * turn every later finding into a new alert). The rule, the file and the line's whitespace-trimmed text
 * are hashed; `:N` counts identical ones in the same file, as GitHub's own fingerprints do.
 */
function lineFingerprints(findings: readonly AuditFinding[], readLine: LineReader): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const text = finding.line > 0 ? (readLine(finding.file, finding.line) ?? '') : '';
    const digest = createHash('sha256')
      .update(`${finding.rule}\0${finding.file}\0${text.replace(/\s+/g, ' ').trim()}`)
      .digest('hex')
      .slice(0, 16);
    const occurrence = (seen.get(digest) ?? 0) + 1;
    seen.set(digest, occurrence);
    return `${digest}:${occurrence}`;
  });
}

export function toSarif(result: AuditResult, version: string, readLine: LineReader = () => undefined): string {
  const fingerprints = lineFingerprints(result.findings, readLine);
  const ids = Object.keys(rules) as RuleId[];
  const driverRules = ids.map((id) => {
    const rule = rules[id];
    return {
      id,
      name: id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
      shortDescription: { text: rule.title },
      fullDescription: { text: rule.explanation },
      help: { text: `${rule.fix}\n\n${rule.references.join('\n')}`, markdown: helpMarkdown(id) },
      helpUri: rule.references[0],
      defaultConfiguration: { level: LEVEL[rule.severity] },
      properties: { tags: ['security'], 'security-severity': SECURITY_SEVERITY[rule.severity] },
    };
  });
  const results = result.findings.map((finding, index) => ({
    ruleId: finding.rule,
    ruleIndex: ids.indexOf(finding.rule as RuleId),
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(finding.file || '.'), uriBaseId: '%SRCROOT%' },
          region: { startLine: Math.max(1, finding.line) },
        },
      },
    ],
    partialFingerprints: { primaryLocationLineHash: fingerprints[index] },
  }));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'prodready',
            version,
            semanticVersion: version,
            informationUri: INFORMATION_URI,
            rules: driverRules,
          },
        },
        results,
        invocations: [
          {
            // A run that could not judge everything did not succeed, whatever it found.
            executionSuccessful: result.unjudged.length === 0,
            toolExecutionNotifications: [
              ...result.unjudged.map((text) => ({ level: 'error', message: { text: `could not judge: ${text}` } })),
              ...result.infos.map((text) => ({ level: 'note', message: { text } })),
            ],
          },
        ],
      },
    ],
  };
  return safeJson(log);
}

function helpMarkdown(id: RuleId): string {
  const rule = rules[id];
  const refs = rule.references.map((ref) => `- <${ref}>`).join('\n');
  return `${rule.explanation}\n\n**Fix:** ${rule.fix}\n\n${refs}`;
}

export interface TextOptions {
  color: boolean;
}

export function toText(result: AuditResult, options: TextOptions): string {
  const paint = (code: string, text: string) => (options.color ? `\x1b[${code}m${text}\x1b[0m` : text);
  const severityLabel: Record<Severity, string> = {
    high: paint('1;31', 'high  '),
    medium: paint('33', 'medium'),
    low: paint('36', 'low   '),
  };
  const lines: string[] = [];
  const byFile = new Map<string, AuditFinding[]>();
  for (const finding of result.findings) {
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }
  for (const [file, findings] of byFile) {
    lines.push(paint('1;4', escapeControls(file) || '(project)'));
    for (const finding of findings) {
      lines.push(
        `  ${String(finding.line).padStart(4)}  ${severityLabel[finding.severity]}  ${paint('1', finding.rule)}`,
      );
      lines.push(`        ${escapeControls(finding.message)}`);
      const fix = ruleOf(finding.rule)?.fix;
      if (fix) lines.push(`        ${paint('32', 'fix:')} ${fix}`);
    }
    lines.push('');
  }
  if (result.infos.length > 0) {
    for (const info of result.infos) lines.push(`${paint('2', 'info:')} ${escapeControls(info)}`);
    lines.push('');
  }
  for (const reason of result.unjudged) lines.push(`${paint('1;35', 'could not judge:')} ${escapeControls(reason)}`);
  const count = (severity: Severity) => result.findings.filter((f) => f.severity === severity).length;
  const total = result.findings.length;
  const judged = result.unjudged.length === 0;
  lines.push(
    total === 0 && judged
      ? paint('32', `No findings in ${plural(result.fileCount, 'file')} read.`)
      : total === 0
        ? paint(
            '1;35',
            `No findings in what could be judged of ${plural(result.fileCount, 'file')} read: not a clean result.`,
          )
        : `${total} finding${total === 1 ? '' : 's'} (${count('high')} high, ${count('medium')} medium, ${count('low')} low) in ${filesWithFindings(result.findings)} of ${plural(result.fileCount, 'file')} read.`,
  );
  if (!judged && total > 0)
    lines.push(paint('1;35', 'Part of the project could not be judged: not a complete result.'));
  return lines.join('\n');
}

/** How many distinct files the findings point at (a finding without a file counts as none). */
function filesWithFindings(findings: readonly AuditFinding[]): number {
  return new Set(findings.flatMap((f) => (f.file ? [f.file] : []))).size;
}
