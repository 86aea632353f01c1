/**
 * `nginx -t` (Debian's nginx) over every nginx config in lessons/ — solutions, alternatives and the
 * mistakes (each merged over the solution, as the grader sees it) — so the grader never passes a
 * config nginx would refuse. A mistake that must fail the lesson's nginx-syntax check (or whose
 * expect.json says `"nginxInvalid": true`) is meant to be refused, and must be. The fixture front config is checked too, so this file is never empty.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { lessonIds, nginxConfigs, nginxSyntaxCheckIds, variants, type Variant } from './lib/lessons';
import { copyFixture, installSite, makeCert, makePrefix, nginxTest, type Cert } from './lib/nginx';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const PORTS = { httpPort: 8080, httpsPort: 8443, app: { address: '127.0.0.1:8000', port: 8000 } };

let cert: Cert;
const dirs: string[] = [];

before(() => {
  cert = makeCert();
  dirs.push(cert.dir);
});
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function check(variant: Variant, paths: string[]) {
  const prefix = makePrefix();
  dirs.push(prefix.root);
  installSite(prefix, variant.files, paths, { ...PORTS, cert });
  return nginxTest(prefix);
}

test('nginx -t accepts the fixture front config (lesson 05 until it lands)', () => {
  const prefix = makePrefix();
  dirs.push(prefix.root);
  copyFixture(prefix, 'front.conf', { ...PORTS, cert }, readFileSync(join(FIXTURES, 'front.conf'), 'utf8'));
  const result = nginxTest(prefix);
  assert.ok(result.ok, result.output);
});

const seen = new Set<string>();
const cases: Array<{ variant: Variant; paths: string[]; invalid: boolean }> = [];
for (const lesson of lessonIds()) {
  const nginxSyntaxChecks = nginxSyntaxCheckIds(lesson);
  for (const variant of variants(lesson, true)) {
    const paths = nginxConfigs(variant.files);
    if (!paths.length) continue;
    // A mistake the lesson expects to fail its nginx-syntax check is one nginx -t must refuse too.
    const fails = Object.keys((variant.expect?.fails as Record<string, string> | undefined) ?? {});
    const invalid = variant.expect?.nginxInvalid === true || fails.some((id) => nginxSyntaxChecks.includes(id));
    // A mistake that does not touch the nginx files is the solution's config again.
    const key = createHash('sha256')
      .update(JSON.stringify([invalid, paths.map((path) => [path, variant.files[path]])]))
      .digest('hex');
    if (seen.has(key)) continue;
    seen.add(key);
    cases.push({ variant, paths, invalid });
  }
}

if (!cases.length) {
  test('nginx -t over the lessons’ nginx configs', { skip: 'no lesson has nginx configs yet' }, () => {});
}

for (const { variant, paths, invalid } of cases) {
  const name = `${variant.lesson} ${variant.name}: nginx -t ${invalid ? 'refuses' : 'accepts'} ${paths.join(', ')}`;
  test(name, () => {
    const result = check(variant, paths);
    if (invalid) assert.ok(!result.ok, 'expect.json says nginxInvalid, but nginx -t accepts it');
    else assert.ok(result.ok, result.output);
  });
}
