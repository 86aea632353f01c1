/**
 * The containers a project deploys, as Docker builds and Compose starts them: each compose
 * service with its build context, Dockerfile and `target:` stage, or a Dockerfile no compose
 * file builds; what the container runs (compose `entrypoint:`/`command:` over the stage's
 * ENTRYPOINT/CMD), the folder of the project it runs in (the build context copied to WORKDIR, or
 * a volume mounted there), its environment in Compose's order (Dockerfile ENV, `env_file:`,
 * `environment:`), its user, its published ports, and the files it places in /etc/nginx.
 */
import { ComposeSyntaxError, parseCompose, type ComposeFile, type ComposeService } from '../../lib/config/compose';
import {
  containerCommand,
  parseDockerfile,
  targetStage,
  type Dockerfile,
  type DockerStage,
} from '../../lib/config/dockerfile';
import { parseDotenv, parseEnvFile, type EnvSetting } from '../../lib/config/dotenv';
import type { SourceLocation, WorkspaceFiles } from '../../lib/runtime/protocol';
import { isLocalOnly } from '../../lib/grading/addresses';

export interface Container {
  /** `docker-compose.yml service web`, or the Dockerfile's path. */
  label: string;
  service: ComposeService | null;
  /** The compose file that starts it. */
  composeFile: string | null;
  /** The Dockerfile it is built from, when the project has it. */
  dockerfile: string | null;
  stage: DockerStage | null;
  /** The project folder that is the working directory (''= the project root). */
  root: string;
  /** The WORKDIR inside the container the root sits at. */
  workdir: string | null;
  command: { argv: string[]; source: SourceLocation } | null;
  /** Environment settings in the order Compose applies them (later wins). */
  env: EnvSetting[];
  /** Build arguments' defaults (in the image history). */
  buildArgs: EnvSetting[];
  user: { value: string; file: string; line: number } | null;
  /** The image the container runs: compose `image:` or the stage's base image. */
  image: { name: string; tag: string | null };
  /** A port published on the host's every interface (compose `ports:` without 127.0.0.1). */
  published: { file: string; line: number } | null;
  /**
   * For a Dockerfile no compose file builds: the compose service that runs its published image
   * (`image: owner/app:tag`), whose `ports:` say who reaches the container; null when none does.
   */
  runBy: { composeFile: string; service: ComposeService } | null;
  /** Project files placed under /etc/nginx, with where they land. */
  nginxFiles: Array<{ file: string; dest: string }>;
}

export interface Containers {
  containers: Container[];
  /** Dockerfiles and compose files read, for messages. */
  infos: string[];
}

/** Images that are another service (databases, caches, queues, proxies), never the app. */
const SERVICE_IMAGES =
  /(^|\/)(postgres|postgis|mysql|mariadb|mongo|redis|valkey|memcached|rabbitmq|elasticsearch|opensearch|nginx|openresty|traefik|caddy|haproxy|httpd|adminer|pgadmin4|dpage\/pgadmin4|minio|mailhog|mailpit|maildev|mailcatcher|localstack|zookeeper|kafka|certbot|selenium|jaegertracing|prom\/|grafana|influxdb|memgraph|neo4j|clickhouse)(\/|$|-)/;

export const isServiceImage = (name: string) => SERVICE_IMAGES.test(name.replace(/^docker\.io\/(library\/)?/, ''));

/** A compose port's host address publishes on the host's loopback only (`127.0.0.1:8000:8000`). */
export const isLoopback = (hostIp: string | null) => hostIp !== null && isLocalOnly(hostIp);

const dirOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
/** A project path from a folder and a relative path (`..` and `.` resolved); null when it leaves the project. */
export function resolvePath(dir: string, path: string): string | null {
  const parts: string[] = [];
  for (const part of `${path.startsWith('/') ? '' : dir}/${path}`.split('/')) {
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

const COMPOSE_NAME = /^(docker-)?compose(\.[\w.-]+)?\.ya?ml$/;
const DOCKERFILE_NAME = /^(Dockerfile(\..+)?|.+\.Dockerfile|Containerfile)$/;
/** Files named for development or tests, beside ones named for production. */
const DEV_NAME = /(^|[.\-_])(dev|develop|development|local|test|testing|ci|override|debug)([.\-_]|$)/i;
const PROD_NAME = /(^|[.\-_])(prod|production|live|deploy)([.\-_]|$)/i;

/** Files under a folder or the folder's file itself (a COPY source). */
function filesAt(files: WorkspaceFiles, path: string): string[] {
  if (files[path] !== undefined) return [path];
  const prefix = path ? `${path}/` : '';
  return Object.keys(files).filter((file) => file.startsWith(prefix));
}

/** Where the project folder sits in the image: the COPY of the context (or part of it) to WORKDIR. */
function rootOf(stage: DockerStage | null, context: string, files: WorkspaceFiles): string {
  if (!stage) return context;
  const workdir = stage.workdir.replace(/\/+$/, '') || '/';
  for (const copy of [...stage.copies].reverse()) {
    if (copy.from) continue;
    const dest = copy.dest.replace(/\/+$/, '') || '/';
    if (dest !== workdir || copy.sources.length !== 1) continue;
    const source = resolvePath(context, copy.sources[0] as string);
    if (source !== null && files[source] === undefined) return source;
  }
  return context;
}

function nginxFilesOf(
  copies: Array<{ source: string | null; dest: string }>,
  files: WorkspaceFiles,
): Container['nginxFiles'] {
  const out: Container['nginxFiles'] = [];
  for (const { source, dest } of copies) {
    if (source === null || !dest.startsWith('/etc/nginx')) continue;
    for (const file of filesAt(files, source)) {
      const rest = file === source ? '' : file.slice(source.length + (source ? 1 : 0));
      const target = rest
        ? `${dest.replace(/\/+$/, '')}/${rest}`
        : dest.endsWith('/')
          ? `${dest}${file.split('/').pop()}`
          : dest;
      out.push({ file, dest: target });
    }
  }
  return out;
}

function readDockerfile(files: WorkspaceFiles, path: string, cache: Map<string, Dockerfile>): Dockerfile | null {
  if (files[path] === undefined) return null;
  let parsed = cache.get(path);
  if (!parsed) {
    parsed = parseDockerfile(files[path] as string, path);
    cache.set(path, parsed);
  }
  return parsed;
}

/**
 * The build context of a Dockerfile no compose file builds: its own folder, or the folder above it
 * that its COPY sources are written from (`docker build -f Docker/api/Dockerfile .` with `COPY
 * ./Docker/api/entrypoint.sh …`): the nearest folder where the most of what it names exists.
 */
function buildContext(path: string, dockerfile: Dockerfile, files: WorkspaceFiles): string {
  // `COPY . .` exists from every folder: the sources that tell are named ones, and the relative
  // paths the command runs (`ENTRYPOINT ["./scripts/entrypoint.sh"]`, copied there with the rest).
  const last = dockerfile.stages[dockerfile.stages.length - 1];
  const commandPaths = [...(last?.entrypoint?.argv ?? []), ...(last?.cmd?.argv ?? [])].filter((word) =>
    /^(\.\/)?[\w.-]+\/[\w./-]+$|^[\w.-]+\.(py|sh)$/.test(word),
  );
  const sources = [
    ...dockerfile.stages.flatMap((stage) =>
      stage.copies
        .filter((copy) => !copy.from)
        .flatMap((copy) => copy.sources.filter((source) => !source.includes('$') && !/^\.\/?$/.test(source))),
    ),
    ...commandPaths,
  ];
  let best = dirOf(path);
  let bestCount = -1;
  for (let dir: string | null = dirOf(path); dir !== null; dir = dir === '' ? null : dirOf(dir)) {
    const count = sources.filter((source) => {
      const at = resolvePath(dir as string, source);
      return at !== null && filesAt(files, at).length > 0;
    }).length;
    if (count > bestCount) [best, bestCount] = [dir, count];
  }
  return best;
}

function fromStage(
  label: string,
  stage: DockerStage | null,
  context: string,
  files: WorkspaceFiles,
): Omit<Container, 'service' | 'published' | 'dockerfile' | 'composeFile' | 'runBy'> {
  const command = stage && containerCommand(stage.entrypoint, stage.cmd);
  const dockerfile = label;
  return {
    label,
    stage,
    root: rootOf(stage, context, files),
    workdir: stage?.workdir ?? null,
    command: command ? { argv: command.argv, source: { file: dockerfile, line: command.line } } : null,
    env: [...(stage?.env ?? [])],
    buildArgs: [...(stage?.args ?? [])],
    user: stage?.user ?? null,
    image: stage?.baseImage ?? { name: '', tag: null },
    nginxFiles: nginxFilesOf(
      (stage?.copies ?? [])
        .filter((copy) => !copy.from)
        .flatMap((copy) => copy.sources.map((source) => ({ source: resolvePath(context, source), dest: copy.dest }))),
      files,
    ),
  };
}

function serviceContainer(
  compose: ComposeFile,
  service: ComposeService,
  files: WorkspaceFiles,
  cache: Map<string, Dockerfile>,
  infos: string[],
): Container {
  const dir = dirOf(compose.file);
  const label = `${compose.file} service ${service.name}`;
  let stage: DockerStage | null = null;
  let context = dir;
  let dockerfilePath = '';
  if (service.build) {
    context = resolvePath(dir, service.build.context) ?? dir;
    dockerfilePath = resolvePath(context, service.build.dockerfile ?? 'Dockerfile') ?? '';
    const dockerfile = readDockerfile(files, dockerfilePath, cache);
    stage = dockerfile && targetStage(dockerfile, service.build.target);
    if (dockerfile && service.build.target && stage?.name?.toLowerCase() !== service.build.target.toLowerCase()) {
      infos.push(
        `${compose.file}:${service.build.line}: target ${service.build.target} is not a stage of ${dockerfilePath}; using its last stage`,
      );
    }
  }
  const base = fromStage(dockerfilePath || compose.file, stage, context, files);
  // Compose: `entrypoint:` replaces the image's and clears its CMD; `command:` replaces CMD.
  const entrypoint = service.entrypoint
    ? { argv: service.entrypoint.argv, shell: false, line: service.entrypoint.line }
    : (stage?.entrypoint ?? null);
  const cmd = service.command
    ? { argv: service.command.argv, shell: false, line: service.command.line }
    : service.entrypoint
      ? null
      : (stage?.cmd ?? null);
  const command = containerCommand(entrypoint, cmd);
  const fromCompose = (service.command ?? service.entrypoint) !== null;
  const env = [...base.env];
  for (const envFile of service.envFiles) {
    const path = resolvePath(dir, envFile.path);
    if (path !== null && files[path] !== undefined) env.push(...parseDotenv(files[path] as string, path));
    else if (envFile.required)
      infos.push(
        `${compose.file}:${envFile.line}: env_file ${envFile.path} is not in the project; its variables are unknown`,
      );
  }
  env.push(...service.environment);
  // A volume mounted on the working directory replaces what the image copied there.
  let root = base.root;
  const workdir = service.workingDir ?? base.workdir;
  for (const volume of service.volumes) {
    if (!/^\.{0,2}\//.test(volume.source) && volume.source !== '.') continue;
    const source = resolvePath(dir, volume.source);
    if (source !== null && workdir && volume.target.replace(/\/+$/, '') === workdir.replace(/\/+$/, '')) root = source;
  }
  const published = service.ports.find((port) => port.published !== null && !isLoopback(port.hostIp));
  return {
    ...base,
    label,
    service,
    composeFile: compose.file,
    dockerfile: stage ? dockerfilePath : null,
    root,
    workdir,
    command: command
      ? { argv: command.argv, source: { file: fromCompose ? compose.file : base.label, line: command.line } }
      : null,
    env,
    user: service.user ?? base.user,
    image: service.image && !service.build ? imageOf(service.image) : base.image,
    published: published ? { file: compose.file, line: published.line } : null,
    runBy: null,
    nginxFiles: [
      ...base.nginxFiles,
      ...nginxFilesOf(
        service.volumes.map((volume) => ({ source: resolvePath(dir, volume.source), dest: volume.target })),
        files,
      ),
    ],
  };
}

function imageOf(image: string): { name: string; tag: string | null } {
  const [name = image, tag = null] = image.replace(/@.*$/, '').split(/:(?=[^/]*$)/);
  return { name, tag };
}

/**
 * Compose files production uses: those named for production when there are any (the others are
 * for development), else every compose file.
 */
function productionComposeFiles(paths: string[], files: WorkspaceFiles, infos: string[]): string[] {
  const composes = paths.filter((path) => COMPOSE_NAME.test(path.split('/').pop() ?? ''));
  const prod = composes.filter((path) => PROD_NAME.test(path.split('/').pop() ?? ''));
  const chosen =
    prod.length > 0
      ? prod
      : composes.filter(
          (path) =>
            !DEV_NAME.test(path.split('/').pop() ?? '') &&
            !buildsForDevelopment(path, files) &&
            !saysDevelopment(files[path] as string),
        );
  for (const path of composes) {
    if (!chosen.includes(path))
      infos.push(
        `${path}: a compose file for development, not judged as production${prod.length > 0 ? ` (${prod.join(', ')} is)` : ''}`,
      );
  }
  return chosen;
}

/**
 * A compose file whose services build the project only from Dockerfiles or stages named for
 * development (`dockerfile: Dockerfile-dev`, `target: development`) says it is the development setup.
 */
function buildsForDevelopment(path: string, files: WorkspaceFiles): boolean {
  let compose: ComposeFile;
  try {
    compose = parseCompose(files[path] as string, path, {});
  } catch (error) {
    if (!(error instanceof ComposeSyntaxError)) throw error;
    return false;
  }
  const builds = compose.services.flatMap((service) => (service.build ? [service.build] : []));
  return (
    builds.length > 0 &&
    builds.every(
      (build) =>
        DEV_NAME.test(build.dockerfile?.split('/').pop() ?? '') ||
        (build.target !== null && DEV_NAME.test(build.target)),
    )
  );
}

/**
 * The compose file's opening comment says it is for development (redash's "This configuration file
 * is for the **development** setup."): a line of it naming development without naming production.
 */
export function saysDevelopment(text: string): boolean {
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    if (!trimmed.startsWith('#')) return false;
    if (/\bdevelopment\b|\blocal dev\b/i.test(trimmed) && !/\bproduction\b/i.test(trimmed)) return true;
  }
  return false;
}

const BASE_COMPOSE = /^(docker-)?compose\.ya?ml$/;

/**
 * A production compose file that cannot stand alone (a service with neither image nor build) is an
 * override: Compose runs it as `-f docker-compose.yml -f docker-compose.prod.yml`, each of its
 * services merged over the base file's (set keys win, environment and lists add up).
 */
function withBase(
  compose: ComposeFile,
  paths: readonly string[],
  files: WorkspaceFiles,
  vars: Record<string, string>,
  infos: string[],
): ComposeFile {
  if (BASE_COMPOSE.test(compose.file.split('/').pop() ?? '')) return compose;
  if (!compose.services.some((service) => service.image === null && service.build === null)) return compose;
  const dir = dirOf(compose.file);
  const basePath = paths.find((path) => dirOf(path) === dir && BASE_COMPOSE.test(path.split('/').pop() ?? ''));
  if (!basePath) return compose;
  let base: ComposeFile;
  try {
    base = parseCompose(files[basePath] as string, basePath, vars);
  } catch (error) {
    if (!(error instanceof ComposeSyntaxError)) throw error;
    return compose;
  }
  infos.push(`${compose.file}: an override of ${basePath}, judged merged over it as Compose runs them`);
  const services = base.services.map((below) => {
    const over = compose.services.find((service) => service.name === below.name);
    if (!over) return below;
    return {
      ...below,
      image: over.image ?? below.image,
      build: over.build ?? below.build,
      command: over.command ?? below.command,
      entrypoint: over.entrypoint ?? below.entrypoint,
      user: over.user ?? below.user,
      workingDir: over.workingDir ?? below.workingDir,
      environment: [...below.environment, ...over.environment],
      envFiles: [...below.envFiles, ...over.envFiles],
      ports: [...below.ports, ...over.ports],
      volumes: [...below.volumes, ...over.volumes],
    };
  });
  const added = compose.services.filter((service) => !base.services.some((below) => below.name === service.name));
  return { file: compose.file, services: [...services, ...added] };
}

export function findContainers(files: WorkspaceFiles): Containers {
  const infos: string[] = [];
  const paths = Object.keys(files).sort();
  const cache = new Map<string, Dockerfile>();
  const containers: Container[] = [];
  const built = new Set<string>();
  for (const path of productionComposeFiles(paths, files, infos)) {
    const dir = dirOf(path);
    const dotenv = files[resolvePath(dir, '.env') ?? '.env'];
    let compose: ComposeFile;
    try {
      compose = parseCompose(files[path] as string, path, dotenv !== undefined ? parseEnvFile(dotenv) : {});
    } catch (error) {
      if (!(error instanceof ComposeSyntaxError)) throw error;
      infos.push(`${path}: a compose file that does not parse, not read (${error.message})`);
      continue;
    }
    compose = withBase(compose, paths, files, dotenv !== undefined ? parseEnvFile(dotenv) : {}, infos);
    for (const service of compose.services) {
      const container = serviceContainer(compose, service, files, cache, infos);
      // A service that replaces the command of the image it builds (its default stage, no `target:`)
      // leaves the image's own command to whoever runs the image: that one is audited too.
      if (container.dockerfile && (service.build?.target || (!service.command && !service.entrypoint)))
        built.add(container.dockerfile);
      containers.push(container);
    }
  }
  const dockerfiles = paths.filter((path) => DOCKERFILE_NAME.test(path.split('/').pop() ?? ''));
  const prodDockerfiles = dockerfiles.filter((path) => PROD_NAME.test(path.split('/').pop() ?? ''));
  for (const path of dockerfiles) {
    if (built.has(path)) continue;
    const name = path.split('/').pop() ?? '';
    // Dockerfile.dev beside Dockerfile.prod (or a plain Dockerfile) is for development.
    if (
      DEV_NAME.test(name) &&
      (prodDockerfiles.length > 0 ||
        dockerfiles.some((other) => other !== path && !DEV_NAME.test(other.split('/').pop() ?? '')))
    ) {
      infos.push(`${path}: a Dockerfile for development, not judged as production`);
      continue;
    }
    const dockerfile = readDockerfile(files, path, cache);
    const stage = dockerfile && targetStage(dockerfile);
    containers.push({
      ...fromStage(path, stage, dockerfile ? buildContext(path, dockerfile, files) : dirOf(path), files),
      service: null,
      composeFile: null,
      dockerfile: path,
      published: null,
      runBy: null,
    });
  }
  linkPublishedImages(containers, infos);
  return { containers, infos };
}

/** Images a compose service runs the project's code in without building it (mounted, or installed at start). */
const BASE_IMAGES = /(^|\/)(python|pypy|alpine|debian|ubuntu|busybox|node)$/;

/** The words of a name, lower-cased: `skf-api` → skf, api; `Docker/alpine-cloud/api` → docker, alpine, cloud, api. */
const wordsOf = (name: string) =>
  name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/**
 * A compose service that runs a published image (`image: benbusby/whoogle-search`, no `build:`) runs
 * what a Dockerfile of the project builds: its `ports:` decide who reaches that Dockerfile's app. The
 * one such service beside the one unbuilt Dockerfile; else the service whose name or image shares a
 * word with the Dockerfile's folders (`skf-api` and `Docker/alpine-cloud/api/Dockerfile`).
 */
function linkPublishedImages(containers: Container[], infos: string[]): void {
  // Dockerfiles a compose service builds are that service's image, whatever else runs them.
  const composeBuilt = new Set(
    containers.flatMap((container) => (container.service?.build ? [container.dockerfile] : [])),
  );
  const lone = containers.filter(
    (container) =>
      container.service === null && container.dockerfile !== null && !composeBuilt.has(container.dockerfile),
  );
  const running = containers.filter(
    (container) =>
      container.service !== null &&
      container.service.build === null &&
      container.service.image !== null &&
      !isServiceImage(container.image.name) &&
      !BASE_IMAGES.test(container.image.name),
  );
  const claimed = new Set<Container>();
  for (const image of lone) {
    const folders = new Set(wordsOf(dirOf(image.dockerfile as string)));
    const sharing = running.filter(
      (service) =>
        !claimed.has(service) &&
        [...wordsOf(service.service?.name ?? ''), ...wordsOf(service.image.name.split('/').pop() ?? '')].some((word) =>
          folders.has(word),
        ),
    );
    const runner =
      lone.length === 1 && running.length === 1 ? running[0] : sharing.length === 1 ? sharing[0] : undefined;
    if (!runner?.service || !runner.composeFile) continue;
    claimed.add(runner);
    image.runBy = { composeFile: runner.composeFile, service: runner.service };
    image.published = runner.published;
    infos.push(
      `${runner.label} runs ${runner.image.name}, taken as the image ${image.dockerfile} builds: its ports decide who reaches the app`,
    );
  }
}
