/**
 * Directories outside the project that production has and the audit's file system does not: a
 * package's configuration folder (`/etc/wireguard`, made by installing wireguard-tools), a volume
 * (`VOLUME /database`), a unit's state directory. Apps check for them or write into them at start
 * (`os.listdir("/etc/wireguard")`, `sqlite:////database/app.db`), so without them the app fails
 * where production's does not. The audit creates them empty for its runs, from what the project
 * itself says about production's file system:
 *
 * - what a deployment file declares a directory: a Dockerfile's VOLUME and WORKDIR and the
 *   folders its RUN lines `mkdir`, a compose service's named-volume targets, a unit's
 *   ConditionPathIsDirectory=/AssertPathIsDirectory=/ReadWritePaths= and the folders its
 *   StateDirectory= and friends make (systemd.exec(5): /var/lib, /var/cache, /var/log, /run, /etc);
 * - the folder of any absolute path the project names (`/etc/wireguard/wg0.conf` in a script,
 *   `sqlite:////database/app.db` in the code): production keeps that file in that folder. Only
 *   under the system's own places for such files, or a root a deployment file declares, so a URL
 *   path in a route (`/api/v1/users/`) is never taken for one.
 *
 * Nothing else is created, and never a file: an app that reads a file production's operator
 * provides still fails as it would without it.
 */
import { PROJECT_DIR, type WorkspaceFiles } from '../../lib/runtime/protocol';
import { parseUnit, values, type Unit } from '../../lib/config/systemd';
import { lineCommands } from '../../lib/config/shell';

/** Where a Linux system keeps what packages, operators and services write (hier(7)). */
const SYSTEM_ROOTS = ['etc', 'var', 'run', 'opt', 'srv', 'mnt', 'media', 'home', 'data', 'usr/local'];

/** systemd.exec(5) "RUNTIME DIRECTORY": each key's folder, made by systemd before the service starts. */
const UNIT_DIRECTORIES: Record<string, string> = {
  RuntimeDirectory: '/run',
  StateDirectory: '/var/lib',
  CacheDirectory: '/var/cache',
  LogsDirectory: '/var/log',
  ConfigurationDirectory: '/etc',
};

/** Files whose text names production's paths: code, scripts, configs and deployment files. */
const READ =
  /(\.(py|sh|bash|ini|cfg|conf|toml|ya?ml|env|service|json)$)|(^|\/)(Dockerfile[^/]*|[^/]*\.Dockerfile|Containerfile|Procfile|\.env[^/]*|[^/.]+)$/;
const TEST_CODE = /(^|\/)(tests?\/|test_[^/]*\.py$|[^/]*_tests?\.py$|conftest\.py$)/;

/**
 * The folder of an absolute path in text: after a quote, space, `=`, a bracket or the line's
 * start; `sqlite:////db/app.db` names /db/app.db (SQLAlchemy: three slashes, then the path) and
 * `file:///etc/x` /etc/x. A URL's `//host/x` matches neither: a host is no local folder.
 */
const ABSOLUTE_PATH = /(?:^|[\s"'`=(,[]|[a-z][a-z0-9+]*:\/\/\/?)(\/(?:[\w.@+-]+\/)+)[\w.@+-]*/gm;

const normal = (path: string) => path.replace(/\/+$/, '').replace(/\/+/g, '/');

function unitDirectories(unit: Unit, out: Set<string>): void {
  for (const key of ['ConditionPathIsDirectory', 'AssertPathIsDirectory', 'ReadWritePaths']) {
    for (const entry of [...values(unit, 'Unit', key), ...values(unit, 'Service', key)]) {
      for (const word of entry.value.split(/\s+/)) {
        // `-/path` tolerates its absence, `!` negates a condition: neither says it exists.
        if (word.startsWith('/')) out.add(normal(word));
      }
    }
  }
  for (const [key, base] of Object.entries(UNIT_DIRECTORIES)) {
    for (const entry of values(unit, 'Service', key)) {
      for (const word of entry.value.split(/\s+/)) {
        const name = word.split(':')[0] ?? '';
        if (name !== '' && !name.startsWith('/')) out.add(normal(`${base}/${name}`));
      }
    }
  }
}

/** VOLUME, WORKDIR and RUN mkdir folders, read line by line (continuations joined). */
function dockerfileDirectories(text: string, out: Set<string>): void {
  const joined = text.replace(/\\\r?\n/g, ' ');
  for (const line of joined.split(/\r?\n/)) {
    const match = /^\s*(VOLUME|WORKDIR|RUN)\s+(.*)$/i.exec(line);
    if (!match) continue;
    const [, instruction, rest] = match as unknown as [string, string, string];
    if (/^volume$/i.test(instruction)) {
      const words = rest.trim().startsWith('[') ? safeJson(rest) : rest.trim().split(/\s+/);
      for (const word of words) if (word.startsWith('/')) out.add(normal(word));
    } else if (/^workdir$/i.test(instruction)) {
      if (rest.trim().startsWith('/')) out.add(normal(rest.trim()));
    } else {
      mkdirDirectories(rest, out);
    }
  }
}

function safeJson(text: string): string[] {
  try {
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed) ? parsed.filter((word): word is string => typeof word === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * `mkdir -p /a /b && …`: each mkdir's folder arguments. A script's relative ones (`mkdir log`, run
 * from the script's folder at installation) are in the project: the audit runs an entrypoint with
 * the project, or one of its folders, as /srv/shop, so the folder is given under each of them.
 */
function mkdirDirectories(text: string, out: Set<string>, scriptDir: string | null = null): void {
  for (const part of text.split(/&&|\|\||;|\n/)) {
    // `then mkdir log`, `do mkdir …`: the shell's keywords before the command.
    const commands = lineCommands(part.trim().replace(/^((then|do|else|\{|!)\s+)+/, '')) ?? [];
    for (const command of commands) {
      if (command.argv[0] !== 'mkdir') continue;
      for (const word of command.argv.slice(1)) {
        if (word.startsWith('/')) out.add(normal(word));
        else if (scriptDir !== null && !word.startsWith('-') && !word.startsWith('..') && /^[\w./-]+$/.test(word)) {
          const parts = scriptDir === '' ? [] : scriptDir.split('/');
          for (let i = 0; i <= parts.length; i++) {
            out.add(normal([PROJECT_DIR, ...parts.slice(i), word.replace(/^\.\//, '')].join('/')));
          }
        }
      }
    }
  }
}

/** Named volumes (`conf:/etc/wireguard`) are directories; a bind mount may be a file. */
function composeDirectories(text: string, out: Set<string>): void {
  for (const match of text.matchAll(/^\s*-\s*["']?([A-Za-z][\w.-]*):(\/[^\s:"']*)/gm)) {
    out.add(normal(match[2] as string));
  }
}

/** The directories production has that the project's deployment and code say exist, sorted. */
export function deploymentDirectories(files: WorkspaceFiles): string[] {
  const declared = new Set<string>();
  for (const [path, text] of Object.entries(files)) {
    const base = path.split('/').pop() ?? path;
    try {
      if (base.endsWith('.service')) unitDirectories(parseUnit(text, path), declared);
    } catch {
      // A unit that does not parse says nothing here; the unit rules report it.
    }
    if (/^(Dockerfile(\..+)?|.+\.Dockerfile|Containerfile)$/.test(base)) dockerfileDirectories(text, declared);
    if (/^(docker-)?compose(\.[\w.-]+)?\.ya?ml$/.test(base)) composeDirectories(text, declared);
    if (base.endsWith('.sh'))
      mkdirDirectories(text, declared, path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
  }
  const roots = new Set([...SYSTEM_ROOTS, ...[...declared].map((dir) => dir.split('/')[1] ?? '')]);
  const underRoot = (dir: string) =>
    [...roots].some((root) => root !== '' && (dir === `/${root}` || dir.startsWith(`/${root}/`)));
  const named = new Set<string>();
  for (const [path, text] of Object.entries(files)) {
    if (!READ.test(path) || TEST_CODE.test(path)) continue;
    for (const match of text.matchAll(ABSOLUTE_PATH)) {
      // `/var/cache/${NAME}/x`, `/srv/<name>/`: the rest is filled in later, the folder is not known.
      if (/[$<{*%]/.test(text.charAt((match.index ?? 0) + match[0].length))) continue;
      const dir = normal(match[1] as string);
      if (dir !== '' && underRoot(dir)) named.add(dir);
    }
  }
  // The kernel's file systems (/dev, /proc, /sys) are the machine's, never the app's folders.
  const all = [...new Set([...declared, ...named])].filter(
    (dir) => dir !== '' && !/[$<>{}*%]/.test(dir) && !/^\/(dev|proc|sys)(\/|$)/.test(dir),
  );
  // Making a folder makes its parents: only the deepest are listed.
  return all.filter((dir) => !all.some((other) => other.startsWith(`${dir}/`))).sort();
}
