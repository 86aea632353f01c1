/**
 * The Python runtime as the audit's rules see it: only the files the harness needs, and the facts
 * about the served app asked once per state.
 */
import { GRADER_SESSION } from '../../lib/grading/context';
import type { PythonRuntime } from '../../lib/grading/runtime';
import type { AppFacts, HostApi, HostMethod, WorkspaceFiles } from '../../lib/runtime/protocol';
import { reachableModules } from './imports';

/**
 * Files the harness reads whatever the code says: modules, templates, the env files Flask loads,
 * and what says which packages production installs (requirements, pyproject, Pipfile, lock files).
 */
const HARNESS_ALWAYS =
  /(\.(py|pyi|html|htm|jinja|jinja2|j2|xml|svg|css|js|txt)$)|(^|\/)(\.env(\..+)?|\.flaskenv|pyproject\.toml|Pipfile(\.lock)?|poetry\.lock|requirements[^/]*\.in)$/i;

/**
 * What the app itself can read: Python, templates, env files, and any other file the code or a
 * production command names (config.json, settings.toml, a gunicorn config without .py). nginx
 * sites, units, Dockerfiles and the like stay on the Node side, where the rules read them.
 */
export function harnessFiles(files: WorkspaceFiles, commands: readonly string[] = []): WorkspaceFiles {
  const python = Object.keys(files)
    .filter((path) => path.endsWith('.py'))
    .map((path) => files[path])
    .join('\n');
  const named = `${python}\n${commands.join('\n')}`;
  const out: WorkspaceFiles = {};
  for (const [path, text] of Object.entries(files)) {
    const base = path.split('/').pop() ?? path;
    // The test suite is not what production serves (and a test's debug=True is not production's).
    if (TEST_CODE.test(path) && !commands.some((command) => command.includes(path))) continue;
    if (HARNESS_ALWAYS.test(path) || named.includes(base)) out[path] = text;
  }
  return out;
}

const TEST_CODE = /(^|\/)(tests?\/.*|test_[^/]*\.py|[^/]*_tests?\.py|conftest\.py)$/;

/**
 * The runtime the audit's rules see: `run` and `facts` get only the files the harness needs
 * (converting and writing hundreds of unrelated files each run is most of its cost), and the facts
 * about the app now serving are asked once per state: they depend on those files, that app and
 * its latest request, so they stay until the next run, stop or request.
 */
export class AuditRuntime implements PythonRuntime {
  private facts: { files: WorkspaceFiles; probeErrorHandlers?: boolean; result: Promise<AppFacts> } | null = null;
  private readonly subsets = new WeakMap<WorkspaceFiles, WorkspaceFiles>();
  private readonly factSubsets = new WeakMap<WorkspaceFiles, WorkspaceFiles>();
  private readonly commands: string[];

  constructor(
    private readonly inner: PythonRuntime,
    private readonly entries: ReadonlyArray<{ command: string; env: Record<string, string> }> = [],
    /** Folders outside the project production has (deployment-directories.ts), made empty for each run. */
    private readonly directories: readonly string[] = [],
  ) {
    this.commands = entries.map((entry) => entry.command);
  }

  /** Facts read the modules production imports: parsing every module of a large tree is most of their cost. */
  private factFiles(files: WorkspaceFiles): WorkspaceFiles {
    let subset = this.factSubsets.get(files);
    if (!subset) {
      const all = this.subset(files);
      const reachable = reachableModules(this.entries, all);
      subset = reachable ? Object.fromEntries(Object.entries(all).filter(([path]) => reachable.has(path))) : all;
      this.factSubsets.set(files, subset);
    }
    return subset;
  }

  private subset(files: WorkspaceFiles): WorkspaceFiles {
    let subset = this.subsets.get(files);
    if (!subset) {
      subset = harnessFiles(files, this.commands);
      this.subsets.set(files, subset);
    }
    return subset;
  }

  async call<M extends HostMethod>(method: M, args: Parameters<HostApi[M]>[0]): Promise<ReturnType<HostApi[M]>> {
    // Facts describe the served app and what its latest request raised: a run, a stop or a request ends them.
    if (method === 'run' || method === 'stop' || method === 'request') this.facts = null;
    if (method === 'run') {
      const options = args as Parameters<HostApi['run']>[0];
      // An audit run: the audit's packages, stand-ins for other imports, databases in memory,
      // production's folders outside the project.
      const directories = [...(options.directories ?? []), ...this.directories];
      return this.inner.call(method, {
        ...options,
        files: this.subset(options.files),
        audit: true,
        directories,
      } as typeof args);
    }
    if (method === 'facts') {
      const { session, files, probeErrorHandlers } = args as Parameters<HostApi['facts']>[0];
      if (session !== GRADER_SESSION) return this.inner.call(method, args);
      if (this.facts?.files !== files || this.facts.probeErrorHandlers !== probeErrorHandlers) {
        const result = this.inner.call('facts', { session, files: this.factFiles(files), probeErrorHandlers });
        this.facts = { files, probeErrorHandlers, result };
        // A failed call is not remembered: the next rule asks again.
        result.catch(() => {
          if (this.facts?.result === result) this.facts = null;
        });
      }
      return this.facts.result as Promise<ReturnType<HostApi[M]>>;
    }
    return this.inner.call(method, args);
  }
}
