/**
 * The virtual Apache against the real one: seeded mutants of every Apache config in lessons/ (starters,
 * solutions, alternatives, mistakes) and of the audit corpus's Apache cases, each judged by Debian's `apache2 -t` (the config in sites-enabled/ of a
 * ServerRoot laid out as Debian's /etc/apache2, the proxy site's modules enabled) and by `parseApacheSite`. They
 * must agree on every accept/reject and, when both refuse, on the file and line; the message agreement is
 * printed beside it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { ApacheSyntaxError, parseApacheSite } from '../../src/lib/config/apache';
import { DEBIAN_ETC_APACHE } from '../../src/lib/config/apache/data/debian-etc.generated';
import {
  APACHE,
  makeServerRoot,
  readVerdict,
  withTestCertificate,
  type ApacheVerdict,
  type ServerRoot,
} from './lib/apache';
import { mutate } from './lib/apache-mutants';
import { LESSONS, lessonIds, variants } from './lib/lessons';
import { makeCert, type Cert } from './lib/nginx';
import { REPO } from './lib/venv';

const CORPUS = join(REPO, 'tests', 'corpus');

/** 600 mutants shared among the configs, from seed 1000 on; APACHE_MUTANTS and APACHE_MUTANT_SEED explore further. */
const MUTANTS = Number(process.env.APACHE_MUTANTS ?? 600);
const SEED = Number(process.env.APACHE_MUTANT_SEED ?? 1000);
const SITE = 'apache/shop.conf';

let cert: Cert;
let root: ServerRoot;
before(() => {
  cert = makeCert();
  root = makeServerRoot();
});
after(() => {
  root?.remove();
  if (cert) rmSync(cert.dir, { recursive: true, force: true });
});

/** Debian's own sites (000-default.conf, default-ssl.conf), then every Apache config the lessons ship. */
function configs(): Array<{ path: string; text: string }> {
  const unique = new Map<string, string>();
  const add = (path: string, text: string) => {
    if (![...unique.values()].includes(text)) unique.set(path, text);
  };
  const walk = (dir: string, keep: (path: string) => boolean) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path, keep);
      else if (name.endsWith('.conf') && keep(relative(REPO, path)))
        add(relative(REPO, path), readFileSync(path, 'utf8'));
    }
  };
  for (const name of ['000-default.conf', 'default-ssl.conf']) {
    add(`debian sites-available/${name}`, DEBIAN_ETC_APACHE[`sites-available/${name}`] ?? '');
  }
  walk(LESSONS, (path) => path.split('/').includes('apache'));
  // The audit corpus's Apache cases (the rules' true cases and near misses), wherever in the case they sit.
  walk(CORPUS, (path) => /^tests\/corpus\/apache-/.test(path));
  for (const lesson of lessonIds()) {
    for (const variant of variants(lesson, true)) {
      for (const [file, text] of Object.entries(variant.files)) {
        if (/(^|\/)apache\/[^/]+\.conf$/.test(file)) add(`${lesson}/${variant.name}/${file}`, text);
      }
    }
  }
  return [...unique].map(([path, text]) => ({ path, text }));
}

function real(text: string): ApacheVerdict {
  writeFileSync(join(root.dir, 'sites-enabled', 'shop.conf'), withTestCertificate(text, cert));
  const result = spawnSync(APACHE, ['-t', '-d', root.dir, '-f', join(root.dir, 'apache2.conf')], {
    encoding: 'utf8',
    env: root.env,
    timeout: 20_000,
  });
  const verdict = readVerdict(`${result.stdout}${result.stderr}`, result.status);
  if (verdict.file === join(root.dir, 'sites-enabled', 'shop.conf')) verdict.file = SITE;
  else if (verdict.file?.startsWith(`${root.dir}/`))
    verdict.file = `/etc/apache2/${verdict.file.slice(root.dir.length + 1)}`;
  verdict.message = verdict.message.replaceAll(join(root.dir, 'sites-enabled', 'shop.conf'), SITE);
  return verdict;
}

function virtual(text: string): ApacheVerdict {
  try {
    parseApacheSite(text, SITE);
    return { ok: true, message: 'Syntax OK', output: '' };
  } catch (error) {
    if (!(error instanceof ApacheSyntaxError)) throw error;
    return { ok: false, file: error.file, line: error.line, message: error.reason.split('\n')[0] ?? '', output: '' };
  }
}

test('the virtual Apache refuses what apache2 -t refuses, at the same line, on seeded mutants', () => {
  const sources = configs();
  assert.ok(sources.length >= 2, `lessons/ should hold Apache configs (found ${sources.length})`);
  let total = 0;
  let refused = 0;
  let agreeVerdict = 0;
  let agreeLine = 0;
  let agreeMessage = 0;
  const disagreements: string[] = [];
  const perConfig = Math.ceil(MUTANTS / sources.length);
  sources.forEach((source, index) => {
    // Each config as written first: the real server and the virtual one judge it alike.
    const cases = [{ kind: 'as written', text: source.text }, ...mutate(source.text, perConfig, SEED + index)];
    for (const mutant of cases) {
      if (total >= MUTANTS + sources.length) break;
      total++;
      const expected = real(mutant.text);
      const actual = virtual(mutant.text);
      if (!expected.ok) refused++;
      const sameVerdict = expected.ok === actual.ok;
      const sameLine = sameVerdict && (expected.ok || (expected.file === actual.file && expected.line === actual.line));
      if (sameVerdict) agreeVerdict++;
      if (sameLine) agreeLine++;
      if (sameLine && (expected.ok || expected.message === actual.message)) agreeMessage++;
      if (!sameLine) {
        disagreements.push(
          `${source.path} (${mutant.kind}):\n  apache2 -t: ${expected.ok ? 'OK' : `${expected.file}:${expected.line}: ${expected.message}`}\n` +
            `  virtual:    ${actual.ok ? 'OK' : `${actual.file}:${actual.line}: ${actual.message}`}\n` +
            mutant.text
              .split('\n')
              .map((line, i) => `    ${String(i + 1).padStart(3)}| ${line}`)
              .join('\n'),
        );
      }
    }
  });
  const pct = (n: number) => `${((100 * n) / total).toFixed(1)} %`;
  console.log(
    `apache differential: ${total} configs (${sources.length} as written + mutants) of ${sources.length} configs, ` +
      `${refused} refused by apache2 -t; accept/reject agreement ${agreeVerdict}/${total} (${pct(agreeVerdict)}); ` +
      `same file and line ${agreeLine}/${total} (${pct(agreeLine)}); same message ${agreeMessage}/${total} (${pct(agreeMessage)})`,
  );
  assert.deepEqual(disagreements.slice(0, 5), [], `${disagreements.length} disagreements (the first 5 shown)`);
});
