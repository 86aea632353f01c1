/**
 * Pictures and results the docs show (docs/screenshots/), written only when asked:
 * `PRODREADY_SCREENSHOTS=1` (`npm run docs:screenshots`). An ordinary run writes them to the test's
 * own folder under test-results/, so running the suite leaves the working tree as it was.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DOCS_SCREENSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');

/** The part of Playwright's TestInfo this needs (a plain object in the unit test). */
interface OutputFolder {
  outputPath(...segments: string[]): string;
}

/** Where a docs artefact named `name` is written in this run. */
export function docArtefactPath(name: string, testInfo: OutputFolder, env = process.env): string {
  return env.PRODREADY_SCREENSHOTS === '1' ? path.join(DOCS_SCREENSHOTS, name) : testInfo.outputPath(name);
}
