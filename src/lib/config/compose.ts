/**
 * Compose files (docker-compose.yml, compose.prod.yaml…), read with the `yaml` package and reduced
 * to what each service runs and how: its image or build (context, Dockerfile, target stage), its
 * command and entrypoint, environment and env files, published ports, volumes and user, each
 * with the line it is written on. `${VAR:-default}` is interpolated as Compose does, from the
 * variables given (Compose reads them from the shell and the `.env` beside the file).
 */
import { LineCounter, isMap, isSeq, parseDocument, type Node } from 'yaml';
import type { EnvSetting } from './dotenv';
import { splitWords } from './shell';

export class ComposeSyntaxError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line: number,
  ) {
    super(`${file}:${line}: ${message}`);
  }
}

export interface ComposeCommand {
  argv: string[];
  line: number;
}

export interface ComposeService {
  name: string;
  line: number;
  image: string | null;
  build: { context: string; dockerfile: string | null; target: string | null; line: number } | null;
  command: ComposeCommand | null;
  entrypoint: ComposeCommand | null;
  /** `environment:` entries; a value only referring to an unset variable is left out (Compose passes nothing). */
  environment: Array<EnvSetting & { interpolated: boolean; written: string }>;
  envFiles: Array<{ path: string; line: number; required: boolean }>;
  ports: Array<{ hostIp: string | null; published: string | null; target: string; line: number }>;
  volumes: Array<{ source: string; target: string; line: number }>;
  user: { value: string; file: string; line: number } | null;
  workingDir: string | null;
}

export interface ComposeFile {
  file: string;
  services: ComposeService[];
}

/** Compose's interpolation: `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `$$` for a dollar. */
export function interpolate(
  text: string,
  vars: Record<string, string>,
): { value: string; unset: string[]; interpolated: boolean } {
  const unset: string[] = [];
  let interpolated = false;
  const value = text.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (whole, braced: string | undefined, colon: string, kind: string | undefined, word: string | undefined, bare) => {
      if (whole === '$$') return '$';
      interpolated = true;
      const name = (braced ?? bare) as string;
      const set = vars[name];
      const empty = set === undefined || (colon === ':' && set === '');
      if (kind === '-' && empty) return word ?? '';
      if (kind === '+') return empty ? '' : (word ?? '');
      if (set === undefined) unset.push(name);
      return set ?? '';
    },
  );
  return { value, unset, interpolated };
}

export function parseCompose(text: string, file: string, vars: Record<string, string> = {}): ComposeFile {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, merge: true, uniqueKeys: false });
  const error = document.errors[0];
  if (error) {
    const line = error.linePos?.[0]?.line ?? 1;
    throw new ComposeSyntaxError(error.message.split('\n')[0] ?? 'invalid YAML', file, line);
  }
  const lineOf = (node: unknown, fallback: number) => {
    const range = (node as Node | null)?.range;
    return range ? lineCounter.linePos(range[0]).line : fallback;
  };
  const root = document.toJS({ maxAliasCount: 1000 }) as { services?: Record<string, unknown> } | null;
  const servicesNode = document.get('services', true);
  if (root !== null && typeof root !== 'object') throw new ComposeSyntaxError('not a mapping', file, 1);
  const services: ComposeService[] = [];
  const str = (value: unknown) => interpolate(String(value), vars).value;

  for (const [name, raw] of Object.entries(root?.services ?? {})) {
    const service = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    const serviceNode = isMap(servicesNode) ? servicesNode.get(name, true) : null;
    const serviceLine = isMap(servicesNode)
      ? lineOf(servicesNode.items.find((pair) => String((pair.key as { value?: unknown })?.value) === name)?.key, 1)
      : 1;
    const node = (key: string) => (isMap(serviceNode) ? serviceNode.get(key, true) : null);
    /** The line of the key itself (`command:`), where a reader looks for the setting. */
    const lineAt = (key: string) =>
      isMap(serviceNode)
        ? lineOf(
            serviceNode.items.find((pair) => String((pair.key as { value?: unknown })?.value) === key)?.key,
            serviceLine,
          )
        : serviceLine;
    const itemLines = (key: string): number[] => {
      const value = node(key);
      if (isSeq(value)) return value.items.map((item) => lineOf(item, lineAt(key)));
      if (isMap(value)) return value.items.map((pair) => lineOf(pair.key, lineAt(key)));
      return [];
    };
    const commandOf = (key: string): ComposeCommand | null => {
      const value = service[key];
      if (value === undefined || value === null) return null;
      // Compose splits a string with shell-like quoting and runs the words without a shell.
      const argv = Array.isArray(value) ? value.map(str) : splitWords(str(value));
      return { argv, line: lineAt(key) };
    };

    let build: ComposeService['build'] = null;
    const rawBuild = service['build'];
    if (typeof rawBuild === 'string')
      build = { context: str(rawBuild), dockerfile: null, target: null, line: lineAt('build') };
    else if (rawBuild && typeof rawBuild === 'object') {
      const b = rawBuild as Record<string, unknown>;
      build = {
        context: b['context'] !== undefined ? str(b['context']) : '.',
        dockerfile: b['dockerfile'] !== undefined ? str(b['dockerfile']) : null,
        target: b['target'] !== undefined ? str(b['target']) : null,
        line: lineAt('build'),
      };
    }

    const environment: ComposeService['environment'] = [];
    const rawEnv = service['environment'];
    const envLines = itemLines('environment');
    const addEnv = (key: string, value: unknown, index: number) => {
      if (value === null || value === undefined) return; // `- NAME` passes the shell's value: nothing written here
      const result = interpolate(String(value), vars);
      if (result.unset.length > 0 && result.value === '') return;
      environment.push({
        name: key,
        value: result.value,
        file,
        line: envLines[index] ?? lineAt('environment'),
        interpolated: result.interpolated,
        written: String(value),
      });
    };
    if (Array.isArray(rawEnv)) {
      rawEnv.forEach((item, index) => {
        const text = String(item);
        const eq = text.indexOf('=');
        if (eq > 0) addEnv(text.slice(0, eq), text.slice(eq + 1), index);
      });
    } else if (rawEnv && typeof rawEnv === 'object') {
      Object.entries(rawEnv).forEach(([key, value], index) => addEnv(key, value, index));
    }

    const rawEnvFiles = service['env_file'];
    const envFileLines = itemLines('env_file');
    const envFiles = (Array.isArray(rawEnvFiles) ? rawEnvFiles : rawEnvFiles !== undefined ? [rawEnvFiles] : []).map(
      (item: unknown, index) => {
        const entry = item && typeof item === 'object' ? (item as Record<string, unknown>) : { path: item };
        return {
          path: str(entry['path']),
          line: envFileLines[index] ?? lineAt('env_file'),
          required: entry['required'] !== false,
        };
      },
    );

    const portLines = itemLines('ports');
    const ports = (Array.isArray(service['ports']) ? service['ports'] : []).map((item: unknown, index) => {
      const line = portLines[index] ?? lineAt('ports');
      if (item && typeof item === 'object') {
        const p = item as Record<string, unknown>;
        return {
          hostIp: p['host_ip'] !== undefined ? str(p['host_ip']) : null,
          published: p['published'] !== undefined ? str(p['published']) : null,
          target: str(p['target']),
          line,
        };
      }
      // [HOST_IP:][PUBLISHED:]TARGET[/PROTOCOL]; an IPv6 host is in brackets.
      const text = str(item).replace(/\/\w+$/, '');
      const match = /^(?:(\[[^\]]*\]|[^:]*):)??(?:([^:]*):)?([^:]+)$/.exec(text);
      return {
        hostIp: match?.[1] ?? null,
        published: match?.[2] ?? null,
        target: match?.[3] ?? text,
        line,
      };
    });

    const volumeLines = itemLines('volumes');
    const volumes = (Array.isArray(service['volumes']) ? service['volumes'] : []).flatMap((item: unknown, index) => {
      const line = volumeLines[index] ?? lineAt('volumes');
      if (item && typeof item === 'object') {
        const v = item as Record<string, unknown>;
        return v['source'] !== undefined && v['target'] !== undefined
          ? [{ source: str(v['source']), target: str(v['target']), line }]
          : [];
      }
      const [source, target] = str(item).split(':');
      return source !== undefined && target !== undefined ? [{ source, target, line }] : [];
    });

    services.push({
      name,
      line: serviceLine,
      image: service['image'] !== undefined ? str(service['image']) : null,
      build,
      command: commandOf('command'),
      entrypoint: commandOf('entrypoint'),
      environment,
      envFiles,
      ports,
      volumes,
      user: service['user'] !== undefined ? { value: str(service['user']), file, line: lineAt('user') } : null,
      workingDir: service['working_dir'] !== undefined ? str(service['working_dir']) : null,
    });
  }
  return { file, services };
}
