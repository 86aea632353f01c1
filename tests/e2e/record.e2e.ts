/**
 * The completion record: pass lesson 2 in the browser, download its record from the course
 * overview, and verify it with the command line (the real engine, confined), which re-grades the
 * files the browser kept. The same file with its app swapped for the starter's fails verification.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { runCli } from '../../src/cli/cli.test-support';
import type { CompletionRecord } from '../../src/lib/record/schema';
import { check, LESSON_2, lessonFile, openLesson, setEditorContent, waitForPython } from './helpers';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const verify = (...files: string[]) => runCli(['verify', ...files], { cwd: ROOT });

test('a record downloaded after passing lesson 2 verifies on the command line; a swapped file does not', async ({
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  await openLesson(page, LESSON_2);
  await waitForPython(page);
  await setEditorContent(page, LESSON_2, 'app.py', lessonFile(LESSON_2, 'solution/app.py'));
  await check(page);
  await expect(page.locator('[data-testid=checks-panel] li[data-passed=false]')).toHaveCount(0);

  await page.goto('/#/');
  const form = page.getByTestId('record-download');
  await expect(form).toBeVisible();
  // The lessons done are ticked already.
  await expect(page.getByTestId(`record-lesson-${LESSON_2}`)).toBeChecked();
  await page.getByTestId('record-learner').fill('Ada');
  const downloading = page.waitForEvent('download');
  await page.getByTestId('record-button').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^prodready-record-ada-\d{4}-\d\d-\d\d\.json$/);
  const file = testInfo.outputPath('record.json');
  await download.saveAs(file);

  const record = JSON.parse(readFileSync(file, 'utf8')) as CompletionRecord;
  expect(record).toMatchObject({ format: 'prodready-record', source: 'browser', learner: 'Ada' });
  expect(record.lessons.map((lesson) => lesson.id)).toEqual([LESSON_2]);
  expect(record.lessons[0]).toMatchObject({ solutionRevealed: false, seen: { passed: true } });

  const genuine = await verify(file);
  expect(genuine.stdout).toMatch(/PASS +02-debug-off +passed again/);
  expect(genuine.code, genuine.stdout + genuine.stderr).toBe(0);

  record.lessons[0]!.files['app.py'] = lessonFile(LESSON_2, 'starter/app.py');
  const swapped = testInfo.outputPath('swapped.json');
  writeFileSync(swapped, JSON.stringify(record));
  const tampered = await verify(swapped);
  expect(tampered.stdout).toMatch(/FAIL +02-debug-off +failed again/);
  expect(tampered.stdout).toContain('the record says every check passed in the browser; its files do not pass');
  expect(tampered.code).toBe(1);
});
