/**
 * The nginx config that serves prodready itself passes prodready's own nginx rules: we practise
 * what the lessons teach (DESIGN §9). `nginx -t` accepts it in tests/reality.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import type { GradingContext } from '../src/lib/grading/context';
import { rules } from '../src/lib/grading/rules';
import type { PythonRuntime } from '../src/lib/grading/runtime';

const NGINX_RULES = [
  'no-https-redirect',
  'weak-tls',
  'server-tokens',
  'header-missing-always',
  'add-header-dropped',
  'alias-traversal',
  'host-header-spoofable',
] as const;

const noPython: PythonRuntime = {
  call: () => Promise.reject(new Error('the nginx rules are static and never run Python')),
};

const context: GradingContext = {
  files: { 'nginx/prodready.conf': readFileSync(join(import.meta.dirname, 'nginx/prodready.conf'), 'utf8') },
  runtime: noPython,
  production: { command: 'true', commandSource: null, env: {}, attack: { method: 'GET', path: '/', headers: {} } },
};

for (const id of NGINX_RULES) {
  test(`deploy/nginx/prodready.conf has no ${id} finding`, async () => {
    const verdict = await rules[id].evaluate(context);
    expect(verdict.inconclusive).toBeUndefined();
    expect(verdict.findings).toEqual([]);
  });
}
