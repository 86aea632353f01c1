/**
 * The SCORM 1.2 package end to end: `prodready export scorm` packs the built site, the manifest
 * validates against ADL's SCORM 1.2 schemas, and a stand-in LMS (scorm-again's runtime in a host
 * page, tests/scorm/) launches it: a lesson passes, the LMS receives status, score and
 * suspend_data, and a second launch on a fresh browser profile restores the progress from it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { startLmsServer, type LmsServer } from '../scorm/lms-server';
import { LESSON_2, lessonFile, PYTHON_TIMEOUT } from './helpers';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SCHEMA = join(ROOT, 'tests/scorm/schemas/adlcp_rootv1p2.xsd');
const TRACK = 'basics';

let work: string;
let course: string;
let server: LmsServer;
let launch: string;

test.beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'prodready-scorm-'));
  const zip = join(work, 'course.zip');
  execFileSync('node', [join(ROOT, 'bin/prodready.js'), 'export', 'scorm', '--track', TRACK, '--out', zip], {
    stdio: 'pipe',
  });
  course = join(work, 'course');
  for (const [name, data] of Object.entries(unzipSync(readFileSync(zip)))) {
    if (name.endsWith('/')) continue;
    mkdirSync(dirname(join(course, name)), { recursive: true });
    writeFileSync(join(course, name), data);
  }
});

test.beforeAll(async () => {
  server = await startLmsServer(course);
});

test.afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

test('the package has imsmanifest.xml at its root, valid against the SCORM 1.2 schemas', () => {
  const manifest = readFileSync(join(course, 'imsmanifest.xml'), 'utf8');
  // xmllint exits non-zero on any schema error (its complaint about ims_xml.xsd's default namespace is a warning).
  const out = execFileSync('xmllint', ['--noout', '--schema', SCHEMA, join(course, 'imsmanifest.xml')], {
    stdio: 'pipe',
  });
  expect(out.toString()).toBe('');
  const href = /<resource [^>]*adlcp:scormtype="sco" href="([^"]+)"/.exec(manifest)?.[1];
  expect(href).toBe(`index.html?track=${TRACK}`);
  launch = href!.replace(/&amp;/g, '&');
  expect(manifest).toContain('<file href="pyodide/snapshot.bin"/>');
  expect(manifest).not.toContain('.br"');
  expect(manifest).not.toContain('audit-packages.zip');
});

/** The values the course set through the LMS's API, in order. */
const lmsLog = (page: Page) => page.evaluate(() => (window as unknown as { lmsLog: string[][] }).lmsLog);
const lmsValue = (page: Page, element: string) =>
  page.evaluate((e) => (window as unknown as { API: { LMSGetValue(e: string): string } }).API.LMSGetValue(e), element);

async function launchCourse(browser: Browser, kept: object = {}, files: Record<string, string> = {}) {
  // A fresh profile each time: a second launch stands for another machine, with nothing saved locally.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  // The learner's edits, as the editor saves them (the editor itself is tested elsewhere).
  await context.addInitScript((saved) => {
    for (const [key, value] of Object.entries(saved)) localStorage.setItem(key, value);
  }, files);
  const page = await context.newPage();
  const query = new URLSearchParams({ launch: launch ?? `index.html?track=${TRACK}`, cmi: JSON.stringify(kept) });
  await page.goto(`${server.url}/lms/?${query}`);
  const app = page.frameLocator('#course');
  await expect(app.getByTestId('python-ready')).toBeVisible({ timeout: PYTHON_TIMEOUT });
  return { context, page, app };
}

test('launched in an LMS: passing a lesson reports status, score and suspend_data; a second launch resumes', async ({
  browser,
}) => {
  let suspendData = '';

  await test.step('first launch: the course initialises and marks the attempt incomplete', async () => {
    const fix = { 'app.py': lessonFile(LESSON_2, 'solution/app.py') };
    const { context, page, app } = await launchCourse(
      browser,
      {},
      {
        [`prodready:v1:files:${LESSON_2}`]: JSON.stringify(fix),
      },
    );
    expect((await lmsLog(page))[0]).toEqual(['LMSInitialize', '']);
    expect(await lmsValue(page, 'cmi.core.lesson_status')).toBe('incomplete');
    // Only the track's lessons are shown: the score counts these two.
    await expect(app.locator('[data-testid^=lesson-link-]')).toHaveCount(2);

    await test.step('the learner opens lesson 2 with the fix in place and checks: every check passes', async () => {
      await page.evaluate(
        (hash) => (document.querySelector<HTMLIFrameElement>('#course')!.contentWindow!.location.hash = hash),
        `#/${LESSON_2}`,
      );
      await expect(app.getByTestId(`lesson-link-${LESSON_2}`)).toHaveAttribute('aria-current', 'page');
      await app.getByTestId('check-button').click();
      await expect(app.getByTestId('checks-summary')).toContainText('8 of 8 passed', { timeout: 120_000 });
    });

    await test.step('the LMS received: incomplete (1 of 2 lessons), score 50, the pass in suspend_data', async () => {
      await expect.poll(() => lmsValue(page, 'cmi.core.score.raw')).toBe('50');
      expect(await lmsValue(page, 'cmi.core.lesson_status')).toBe('incomplete');
      suspendData = await lmsValue(page, 'cmi.suspend_data');
      expect(suspendData).toMatch(new RegExp(`^p1;${LESSON_2}\\.p\\.[0-9a-z]+$`));
      expect(suspendData.length).toBeLessThanOrEqual(4096);
      const log = await lmsLog(page);
      expect(log).toContainEqual(['cmi.core.score.raw', '50']);
      expect(log).toContainEqual(['cmi.core.exit', 'suspend']);
      expect(log.at(-1)).toEqual(['LMSCommit', '']);
    });

    await test.step('leaving the course finishes the session, with its time', async () => {
      await page.evaluate(() => (document.querySelector<HTMLIFrameElement>('#course')!.src = 'about:blank'));
      await expect.poll(async () => (await lmsLog(page)).at(-1)).toEqual(['LMSFinish', '']);
      const log = await lmsLog(page);
      expect(log.find(([element]) => element === 'cmi.core.session_time')?.[1]).toMatch(/^\d{4}:\d\d:\d\d\.\d\d$/);
    });
    await context.close();
  });

  await test.step('second launch, another machine: progress comes back from suspend_data', async () => {
    const kept = { suspend_data: suspendData, core: { lesson_status: 'incomplete', entry: 'resume' } };
    const { context, page, app } = await launchCourse(browser, kept);
    await expect(app.getByTestId(`lesson-link-${LESSON_2}`)).toHaveAttribute('data-completed', 'true');
    await expect(app.getByTestId('lesson-link-01-the-open-door')).toHaveAttribute('data-completed', 'false');
    await expect.poll(() => lmsValue(page, 'cmi.core.score.raw')).toBe('50');
    expect(await lmsValue(page, 'cmi.suspend_data')).toBe(suspendData);
    await context.close();
  });
});
