/**
 * The virtual nginx against the real one: seeded mutants of every nginx config in lessons/ (starters,
 * solutions, alternatives, mistakes) and deploy/, each judged by Debian's `nginx -t` (the config in
 * sites-enabled/ under Debian's stock nginx.conf) and by the virtual parser given the same layout. They must
 * agree on every accept/reject; the message and line agreement is printed beside it.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { DEBIAN_ETC_NGINX } from '../../src/lib/config/nginx/data/debian-etc.generated';
import { NginxSyntaxError, parseNginx, parseSite } from '../../src/lib/config/nginx';
import { LESSONS } from './lib/lessons';
import { mutate } from './lib/nginx-mutants';
import { makeCert, makePrefix, nginxTestAsync, type Cert, type Prefix } from './lib/nginx';
import { REPO } from './lib/venv';

/** 600 mutants shared among the configs, from seed 1000 on; NGINX_MUTANTS and NGINX_MUTANT_SEED explore further. */
const MUTANTS = Number(process.env.NGINX_MUTANTS ?? 600);
const SEED = Number(process.env.NGINX_MUTANT_SEED ?? 1000);
const SITE = 'site.conf';

/** nginx -t runs this many at a time, each in its own prefix (each run is mostly OpenSSL starting up: CPU). */
const PARALLEL = 2;

let cert: Cert;
let prefixes: Prefix[] = [];
before(() => {
  cert = makeCert();
  prefixes = Array.from({ length: PARALLEL }, () => makePrefix());
});
after(() => {
  for (const dir of [cert?.dir, ...prefixes.map((p) => p.root)]) if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Every nginx config the repository ships: lessons' *.conf in an nginx/ folder, and deploy/nginx/. */
function configs(): Array<{ path: string; text: string }> {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.conf') && relative(REPO, path).split('/').includes('nginx')) found.push(path);
    }
  };
  walk(LESSONS);
  walk(join(REPO, 'deploy/nginx'));
  const unique = new Map<string, string>();
  for (const path of found) {
    const text = readFileSync(path, 'utf8');
    if (![...unique.values()].includes(text)) unique.set(relative(REPO, path), text);
  }
  return [...unique].map(([path, text]) => ({ path, text }));
}

/** The certificate paths point at the test's certificate (nginx -t loads it); nothing else changes. */
const withCert = (text: string) =>
  text
    .replace(/^(\s*ssl_certificate)\s+\S+;/gm, `$1 ${cert.cert};`)
    .replace(/^(\s*ssl_certificate_key)\s+\S+;/gm, `$1 ${cert.key};`);

interface Verdict {
  ok: boolean;
  reason: string;
  line: number;
}

async function real(text: string, prefix: Prefix): Promise<Verdict> {
  writeFileSync(join(prefix.sites, SITE), text);
  const result = await nginxTestAsync(prefix);
  if (result.ok) return { ok: true, reason: '', line: 0 };
  const emerg = /\[emerg\] (.*?)(?: in (\S+):(\d+))?$/m.exec(result.output);
  const etc = join(prefix.root, 'etc/nginx');
  const reason = (emerg?.[1] ?? result.output)
    .replaceAll(join(prefix.sites, SITE), `nginx/${SITE}`)
    .replaceAll(etc, '/etc/nginx');
  return { ok: false, reason, line: Number(emerg?.[3] ?? 0) };
}

/** The parser before it was strict: nginx's tokenizer alone, on the site without Debian's nginx.conf. */
function tokenizerOnly(text: string): boolean {
  try {
    parseNginx(text, `nginx/${SITE}`);
    return true;
  } catch (error) {
    if (!(error instanceof NginxSyntaxError)) throw error;
    return false;
  }
}

function virtual(text: string): Verdict {
  try {
    parseSite(text, `nginx/${SITE}`);
    return { ok: true, reason: '', line: 0 };
  } catch (error) {
    if (!(error instanceof NginxSyntaxError)) throw error;
    return { ok: false, reason: error.reason, line: error.line };
  }
}

test(
  "Debian's stock /etc/nginx shipped as data is the installed package's",
  { skip: !existsSync('/etc/nginx/nginx.conf') && 'nginx is not installed' },
  () => {
    for (const [path, text] of Object.entries(DEBIAN_ETC_NGINX)) {
      assert.equal(
        text,
        readFileSync(join('/etc/nginx', path), 'utf8'),
        `/etc/nginx/${path} differs from the shipped copy`,
      );
    }
  },
);

test('nginx -t and the virtual nginx agree on every mutant of every shipped nginx config', async () => {
  const bases = configs();
  assert.ok(bases.length >= 2, 'no nginx configs found in lessons/ and deploy/');
  let total = 0;
  let sameVerdict = 0;
  let sameMessage = 0;
  let refused = 0;
  let tokenizerAgrees = 0;
  const disagreements: string[] = [];
  const wording: string[] = [];
  const kinds = new Map<string, { total: number; agree: number }>();
  const cases: Array<{ base: string; mutant: ReturnType<typeof mutate>[number] }> = [];
  const valid: Array<{ path: string; text: string; index: number }> = [];
  for (const [index, base] of bases.entries()) {
    const text = withCert(base.text);
    const unmutated = await real(text, prefixes[0]!);
    if (unmutated.ok) valid.push({ path: base.path, text, index });
    // A known mistake that nginx refuses as written: the virtual nginx must refuse it alike; no mutants.
    else assert.deepEqual(virtual(text), unmutated, `${base.path}: nginx -t refuses it, and so must the virtual nginx`);
  }
  const perConfig = Math.ceil(MUTANTS / Math.max(valid.length, 1));
  for (const base of valid) {
    for (const mutant of mutate(base.text, SEED + base.index, perConfig)) cases.push({ base: base.path, mutant });
  }
  const verdicts: Verdict[] = new Array(cases.length);
  let next = 0;
  await Promise.all(
    prefixes.map(async (prefix) => {
      while (next < cases.length) {
        const i = next++;
        verdicts[i] = await real(cases[i]!.mutant.text, prefix);
      }
    }),
  );
  cases.forEach(({ base, mutant }, i) => {
    total++;
    const nginx = verdicts[i]!;
    const ours = virtual(mutant.text);
    const kind = kinds.get(mutant.kind) ?? { total: 0, agree: 0 };
    kinds.set(mutant.kind, kind);
    kind.total++;
    if (!nginx.ok) refused++;
    if (tokenizerOnly(mutant.text) === nginx.ok) tokenizerAgrees++;
    const where = `${base} [${mutant.kind}] ${mutant.what}`;
    if (nginx.ok === ours.ok) {
      sameVerdict++;
      kind.agree++;
      // nginx names no line for what it checks after reading the config (unknown variables): ours may.
      if (nginx.reason === ours.reason && (nginx.line === ours.line || nginx.line === 0)) sameMessage++;
      else
        wording.push(
          `${where}: nginx "${nginx.reason}" line ${nginx.line}; virtual "${ours.reason}" line ${ours.line}`,
        );
    } else {
      disagreements.push(
        `${where}: nginx ${nginx.ok ? 'accepts' : `refuses (${nginx.reason}, line ${nginx.line})`}; ` +
          `virtual ${ours.ok ? 'accepts' : `refuses (${ours.reason}, line ${ours.line})`}`,
      );
    }
  });
  const percent = (n: number) => ((100 * n) / total).toFixed(1);
  process.stdout.write(
    `# nginx differential: ${total} mutants of ${bases.length} configs (${refused} refused by nginx -t); ` +
      `accept/reject agreement ${sameVerdict}/${total} (${percent(sameVerdict)} %); ` +
      `same message and line ${sameMessage}/${total} (${percent(sameMessage)} %); ` +
      `the tokenizer alone (the parser before) agreed on ${tokenizerAgrees}/${total} (${percent(tokenizerAgrees)} %)\n`,
  );
  for (const [kind, { total: n, agree }] of kinds) process.stdout.write(`#   ${kind}: ${agree}/${n}\n`);
  for (const line of wording.slice(0, 10)) process.stdout.write(`#   other wording: ${line}\n`);
  assert.ok(total >= 500, `only ${total} mutants`);
  assert.deepEqual(disagreements, [], `${disagreements.length} disagreements`);
});
