/**
 * Heroku's app manifest (app.json): the `env` it declares is the config variables the platform
 * sets on the app it creates, so the Procfile beside it runs with them. Schema: "env: A key-value
 * object for config variables … Values can either be strings or objects" (an object's `value` is
 * the value; `generator: "secret"` makes a random one; `required` without a value means the
 * deployer types one in), https://devcenter.heroku.com/articles/app-json-schema#env.
 * Read with JSON.parse; the line of each variable is found by its key, for findings.
 */
import type { EnvSetting } from './dotenv';

/** A variable app.json declares whose value Heroku sets from the manifest itself. */
export type AppJsonSetting = EnvSetting;

/**
 * The variables app.json gives a value: a string, or an object's `value`. A `generator` or a
 * `required` variable without a value is set at deploy time by Heroku or the deployer, from
 * nothing the repository holds: left out, as an environment the audit does not know.
 */
export function appJsonEnv(text: string, file: string): AppJsonSetting[] {
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    return []; // not a manifest the platform could read either
  }
  const env = (manifest as { env?: unknown } | null)?.env;
  if (env === null || typeof env !== 'object' || Array.isArray(env)) return [];
  const lines = text.split(/\r?\n/);
  const out: AppJsonSetting[] = [];
  for (const [name, declared] of Object.entries(env as Record<string, unknown>)) {
    const value =
      typeof declared === 'string'
        ? declared
        : declared !== null &&
            typeof declared === 'object' &&
            typeof (declared as { value?: unknown }).value === 'string'
          ? (declared as { value: string }).value
          : null;
    if (value === null) continue;
    const at = lines.findIndex((line) => line.includes(JSON.stringify(name)));
    out.push({ name, value, file, line: at + 1 || 1 });
  }
  return out;
}
