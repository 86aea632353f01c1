/** prodready's version, from package.json: the one the CLI prints and a record names. */
// The import attribute: Node's own loader (Playwright's tests) reads JSON modules only with it.
import packageJson from '../../../package.json' with { type: 'json' };

export const PRODREADY_VERSION: string = packageJson.version;
