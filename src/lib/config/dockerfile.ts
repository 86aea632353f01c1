/**
 * Dockerfiles, read by dockerfile-ast (the parser behind the Docker language server: continuation
 * lines, the escape directive, heredocs, comments) and reduced to what production runs from each
 * build stage: its base image, working directory, environment, user, what it copies, and the
 * command a container starts, with the stage's inheritance from earlier stages as Docker applies it.
 */
import { DockerfileParser, type Flag, type Instruction } from 'dockerfile-ast';
import type { EnvSetting } from './dotenv';

export interface DockerCommand {
  /** argv as Docker runs it: the exec form's strings, or `/bin/sh -c TEXT` for the shell form. */
  argv: string[];
  shell: boolean;
  line: number;
}

export interface DockerCopy {
  sources: string[];
  dest: string;
  /** `--from=stage`: copied from another stage or image, not from the build context. */
  from: string | null;
  line: number;
}

export interface DockerStage {
  name: string | null;
  /** The FROM line. */
  line: number;
  /** The image it builds on, through any earlier stages: `nginx`, `1.25-alpine`. */
  baseImage: { name: string; tag: string | null };
  /** The working directory the container starts in (`/` when no WORKDIR says otherwise). */
  workdir: string;
  /** ENV settings in force, inherited ones first. */
  env: EnvSetting[];
  /** ARG defaults (build time only, yet kept in the image's history). */
  args: EnvSetting[];
  user: { value: string; file: string; line: number } | null;
  entrypoint: DockerCommand | null;
  cmd: DockerCommand | null;
  copies: DockerCopy[];
}

export interface Dockerfile {
  file: string;
  stages: DockerStage[];
}

function command(instruction: Instruction): DockerCommand {
  const content = instruction.getArgumentsContent() ?? '';
  const line = instruction.getRange().start.line + 1;
  if (content.trimStart().startsWith('[')) {
    try {
      const parsed = JSON.parse(content) as unknown;
      if (Array.isArray(parsed) && parsed.every((word) => typeof word === 'string')) {
        return { argv: parsed, shell: false, line };
      }
    } catch {
      // Not valid JSON: Docker runs the text with the shell, as written.
    }
  }
  return { argv: ['/bin/sh', '-c', content], shell: true, line };
}

const posixJoin = (base: string, path: string) =>
  path.startsWith('/') ? path : `${base.replace(/\/+$/, '')}/${path}`.replace(/\/\.(?=\/|$)/g, '');

export function parseDockerfile(text: string, file: string): Dockerfile {
  const document = DockerfileParser.parse(text);
  const stages: DockerStage[] = [];
  const setting = (name: string, value: string, instruction: Instruction): EnvSetting => ({
    name,
    value,
    file,
    line: instruction.getRange().start.line + 1,
  });
  let stage: DockerStage | null = null;
  let cmdInherited = false;
  for (const instruction of document.getInstructions()) {
    const keyword = instruction.getKeyword();
    const line = instruction.getRange().start.line + 1;
    if (keyword === 'FROM') {
      const words = (instruction.getArgumentsContent() ?? '').split(/\s+/).filter((word) => !word.startsWith('--'));
      const image = words[0] ?? '';
      const name = words.length >= 3 && /^as$/i.test(words[1] ?? '') ? (words[2] ?? null) : null;
      const parent = stages.find(
        (earlier) => earlier.name !== null && earlier.name.toLowerCase() === image.toLowerCase(),
      );
      const [imageName = image, tag = null] = image.replace(/@.*$/, '').split(/:(?=[^/]*$)/);
      stage = parent
        ? {
            ...parent,
            name,
            line,
            env: [...parent.env],
            args: [],
            copies: [...parent.copies],
          }
        : {
            name,
            line,
            baseImage: { name: imageName, tag },
            workdir: '/',
            env: [],
            args: [],
            user: null,
            entrypoint: null,
            cmd: null,
            copies: [],
          };
      cmdInherited = parent !== undefined;
      stages.push(stage);
      continue;
    }
    if (!stage) continue;
    const properties =
      'getProperties' in instruction
        ? (
            instruction as Instruction & {
              getProperties(): Array<{
                getName(): string;
                getValue(): string | null;
                getNameRange(): { start: { line: number } };
              }>;
            }
          )
            .getProperties()
            .map((property) => ({
              name: property.getName(),
              value: property.getValue(),
              // Each variable of a multi-line ENV at its own line, where a reader finds it.
              line: property.getNameRange().start.line + 1,
            }))
        : [];
    // ENV, WORKDIR, COPY and USER expand $NAME from the stage's ENV and ARG (Docker's environment replacement).
    const known = Object.fromEntries([...stage.args, ...stage.env].map((entry) => [entry.name, entry.value]));
    const expand = (text: string) =>
      text.replace(
        /\$\{(\w+)(?::?[-+]([^}]*))?\}|\$(\w+)/g,
        (whole, braced: string, word: string, bare: string) => known[braced ?? bare] ?? word ?? whole,
      );
    if (keyword === 'ENV') {
      for (const { name, value, line: at } of properties)
        stage.env.push({ ...setting(name, expand(value ?? ''), instruction), line: at });
    } else if (keyword === 'ARG') {
      for (const { name, value, line: at } of properties) {
        if (value !== null) stage.args.push({ ...setting(name, value, instruction), line: at });
      }
    } else if (keyword === 'WORKDIR') {
      stage.workdir = posixJoin(stage.workdir, expand(instruction.getArgumentsContent() ?? '/'));
    } else if (keyword === 'USER') {
      stage.user = { value: expand((instruction.getArgumentsContent() ?? '').trim()), file, line };
    } else if (keyword === 'ENTRYPOINT') {
      stage.entrypoint = command(instruction);
      // Docker: setting ENTRYPOINT resets a CMD inherited from the base image, not one of this stage.
      if (cmdInherited) stage.cmd = null;
    } else if (keyword === 'CMD') {
      stage.cmd = command(instruction);
      cmdInherited = false;
    } else if (keyword === 'COPY' || keyword === 'ADD') {
      const words = instruction
        .getArguments()
        .map((argument) => expand(argument.getValue()))
        .filter((word) => !word.startsWith('--'));
      // Flags are not arguments to dockerfile-ast: `--from=builder` is read from the instruction's flags.
      const flags = 'getFlags' in instruction ? (instruction as Instruction & { getFlags(): Flag[] }).getFlags() : [];
      const from = flags.find((flag) => flag.getName() === 'from')?.getValue() ?? null;
      if (words.length >= 2) {
        const dest = words[words.length - 1] as string;
        stage.copies.push({ sources: words.slice(0, -1), dest: posixJoin(stage.workdir, dest), from, line });
      }
    }
  }
  return { file, stages };
}

/** The stage a build produces: the one named by `target`, else the last. */
export function targetStage(dockerfile: Dockerfile, target?: string | null): DockerStage | null {
  if (target) {
    const named = dockerfile.stages.find((stage) => stage.name?.toLowerCase() === target.toLowerCase());
    if (named) return named;
  }
  return dockerfile.stages[dockerfile.stages.length - 1] ?? null;
}

/**
 * What a container of the stage runs: ENTRYPOINT then CMD (a shell-form ENTRYPOINT ignores CMD),
 * with compose's `entrypoint:`/`command:` in their place when given. The line is where the
 * command that decides it is written.
 */
export function containerCommand(
  entrypoint: DockerCommand | null,
  cmd: DockerCommand | null,
): { argv: string[]; line: number } | null {
  if (entrypoint?.shell) return { argv: entrypoint.argv, line: entrypoint.line };
  const argv = [...(entrypoint?.argv ?? []), ...(cmd?.argv ?? [])];
  if (argv.length === 0) return null;
  // `CMD [""]` only clears the base image's CMD: the command is written at the ENTRYPOINT.
  const decides = cmd && cmd.argv.some((word) => word !== '') ? cmd : (entrypoint ?? cmd);
  return { argv, line: decides?.line ?? 1 };
}
