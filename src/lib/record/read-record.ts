/**
 * A record file's text to a CompletionRecord, or one clear problem: where the JSON breaks (line and
 * column), or which field the schema refuses (its path, e.g. `lessons[0].contentHash`). Pure.
 */
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { completionRecord, type CompletionRecord } from './schema';
import { RECORD_FORMAT, RECORD_VERSION } from './format';

export type ReadRecord = { ok: true; record: CompletionRecord } | { ok: false; problem: string };

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

/** `lessons[0].files["app.py"]`: a schema path as the reader would write it. */
function fieldPath(path: PropertyKey[]): string {
  return path
    .map((part) =>
      typeof part === 'number'
        ? `[${part}]`
        : /^[A-Za-z_]\w*$/.test(String(part))
          ? `.${String(part)}`
          : `[${JSON.stringify(String(part))}]`,
    )
    .join('')
    .replace(/^\./, '');
}

/**
 * Where JSON.parse gave up, as line and column: Node 20's messages name no position for most
 * errors, so jsonc-parser (VS Code's JSON scanner; comments and trailing commas refused here)
 * finds the first error's offset.
 */
function whereJsonBreaks(text: string, error: unknown): string {
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
  if (!first) return `${lineColumn(text, text.length)}: ${why}`;
  // "CloseBraceExpected" → "close brace expected".
  const words = printParseErrorCode(first.error)
    .replace(/(?<=[a-z])(?=[A-Z])/g, ' ')
    .toLowerCase();
  return `${lineColumn(text, first.offset)}: ${words}`;
}

export function readRecord(text: string): ReadRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `not JSON (${whereJsonBreaks(text, error)})` };
  }
  const header = value as { format?: unknown; version?: unknown } | null;
  if (typeof header !== 'object' || header === null || Array.isArray(header) || header.format !== RECORD_FORMAT) {
    return { ok: false, problem: `not a prodready record (no "format": "${RECORD_FORMAT}")` };
  }
  if (header.version !== RECORD_VERSION) {
    return {
      ok: false,
      problem: `record format version ${JSON.stringify(header.version)}; this prodready reads version ${RECORD_VERSION}`,
    };
  }
  const parsed = completionRecord.safeParse(value);
  if (parsed.success) return { ok: true, record: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, problem: `${fieldPath(issue.path) || '(the record)'}: ${issue.message}` };
}
