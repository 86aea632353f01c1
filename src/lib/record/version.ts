/** prodready's version, from package.json: the one the CLI prints and a record names. */
export { version as PRODREADY_VERSION } from '../../../package.json';
