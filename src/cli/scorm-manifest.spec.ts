import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scormManifest } from './scorm-manifest';

const SCHEMA = resolve(import.meta.dirname, '../../tests/scorm/schemas/adlcp_rootv1p2.xsd');

/** xmllint's verdict against ADL's SCORM 1.2 schemas: null when valid, else its errors. */
function schemaErrors(xml: string): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'prodready-manifest-'));
  try {
    writeFileSync(join(dir, 'imsmanifest.xml'), xml);
    execFileSync('xmllint', ['--noout', '--schema', SCHEMA, join(dir, 'imsmanifest.xml')], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const course = {
  identifier: 'prodready-workshop',
  title: 'prodready: ship Flask to production safely (workshop)',
  launch: 'index.html?track=workshop',
  files: ['index.html', 'assets/_.contribution-DSjAmQTM.js', 'pyodide/snapshot.bin'],
  version: '0.1.0',
};

describe('imsmanifest.xml', () => {
  it('is valid SCORM 1.2, one SCO launching the track', () => {
    const xml = scormManifest(course);
    expect(schemaErrors(xml)).toBeNull();
    expect(xml).toContain('adlcp:scormtype="sco" href="index.html?track=workshop"');
    expect(xml).toContain('<file href="pyodide/snapshot.bin"/>');
  });

  it('escapes titles and file names, and keeps a title within the schema’s 200 characters', () => {
    const xml = scormManifest({
      ...course,
      title: `Flask & "friends" <${'x'.repeat(300)}>`,
      files: ['a file & <more>.js'],
    });
    expect(schemaErrors(xml)).toBeNull();
    expect(xml).toContain('<file href="a%20file%20%26%20%3Cmore%3E.js"/>');
    expect(xml).toContain('Flask &#38; &#34;friends&#34; &#60;');
  });

  it('is refused by the schemas when broken (the validation can fail)', () => {
    const xml = scormManifest(course).replace('adlcp:scormtype="sco"', 'adlcp:scormtype="lesson"');
    expect(schemaErrors(xml)).toMatch(/scormtype.*not an element of the set/);
  });
});
