// For scripts/bench-audit.js only: `prodready audit DIR --format json` with Python in this Node
// process (NodeRuntime, not confined), the baseline the confined command line is measured against.
// Never run it on code you do not trust.
import { parseAuditArgs, runAudit } from '../src/cli/audit/command';
import { NodeRuntime } from '../src/cli/node-runtime';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node --import tsx scripts/bench-audit-in-process.ts DIR');
const runtime = await NodeRuntime.start();
process.exitCode = await runAudit(
  parseAuditArgs([dir, '--format', 'json']),
  runtime,
  '0.1.0',
  (text) => console.log(text),
  (text) => console.error(text),
  false,
);
