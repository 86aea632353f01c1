#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx prodready` works in a clone without a build step.
import { register } from 'tsx/esm/api';

/** Exit code for "could not judge" (src/cli/audit/command.ts COULD_NOT_JUDGE): a crash of prodready itself is never 1, which means findings. */
const COULD_NOT_JUDGE = 3;

register();
try {
  const { main } = await import('../src/cli/main.ts');
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error('prodready: internal error, nothing was judged:', error);
  process.exitCode = COULD_NOT_JUDGE;
}
