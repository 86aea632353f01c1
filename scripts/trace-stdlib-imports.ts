/**
 * Writes python/stdlib-imports.txt: every stdlib module Python holds after the memory snapshot's
 * boot, after grading every lesson's starter, solution, alternatives and mistakes, and after
 * auditing every project of the audit corpus (tests/corpus), one file of the stdlib archive a line.
 * scripts/setup.js precompiles those modules only; the others stay in the archive as source (an
 * import still works, it compiles them first), which keeps about 3 MB of bytecode off the wire.
 *
 * Usage: node --import tsx scripts/trace-stdlib-imports.ts   (after `npm run setup`; a few minutes)
 * Run it again when lessons, the harness or the corpus start importing other modules; a module
 * missing from the list is only slower to import the first time, never missing.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAuditArgs, runAudit } from '../src/cli/audit/command';
import { loadLessons } from '../src/cli/lessons-fs';
import { proofSubjects } from '../src/cli/proofs';
import { bootPythonHost, defaultAssets } from '../src/cli/python-boot';
import { grade } from '../src/lib/grading/engine';
import type { PythonRuntime } from '../src/lib/grading/runtime';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'python/stdlib-imports.txt');

/** Files of the stdlib archive (`json/decoder.py`) whose modules are imported now. */
const IMPORTED = `
import sys
# __file__ is the .pyc for a module loaded from bytecode; the list names sources.
sorted({
    path.split(".zip/", 1)[1].removesuffix("c")
    for path in (getattr(module, "__file__", None) for module in list(sys.modules.values()))
    if isinstance(path, str) and "/python3" in path and ".zip/" in path
})
`;

async function main() {
  const { host, snapshotFallback } = await bootPythonHost(defaultAssets(), { output: () => {} });
  if (snapshotFallback) throw new Error(`not booted from the snapshot (${snapshotFallback}): run npm run setup`);
  const runtime: PythonRuntime = { call: async (method, args) => host.call(method, args) };
  const lessons = await loadLessons(join(ROOT, 'lessons'));
  for (const lesson of lessons) {
    for (const subject of proofSubjects(lesson)) await grade(lesson, subject.files, runtime);
    console.log(`trace: ${lesson.id}`);
  }
  const corpus = join(ROOT, 'tests/corpus');
  const cases = readdirSync(corpus).filter((name) => existsSync(join(corpus, name, 'expect.json')));
  for (const name of cases.sort()) {
    await runAudit(
      parseAuditArgs([join(corpus, name), '--format', 'json']),
      runtime,
      '0',
      () => {},
      () => {},
      false,
    );
  }
  console.log(`trace: ${cases.length} corpus projects`);
  const files = (host.pyodide.runPython(IMPORTED) as { toJs(): string[] }).toJs();
  const header = [
    '# The stdlib modules the lessons, the harness and the audit corpus import (one archive file a line),',
    '# written by scripts/trace-stdlib-imports.ts; scripts/setup.js precompiles these only.',
  ];
  writeFileSync(OUT, [...header, ...files].join('\n') + '\n');
  console.log(`trace: wrote ${files.length} modules to ${OUT}`);
}

main().catch((error: unknown) => {
  console.error('trace:', error);
  process.exit(1);
});
