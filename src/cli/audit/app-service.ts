/**
 * Azure App Service, as the Azure Developer CLI deploys it: `azure.yaml` names the services that
 * App Service hosts (`host: appservice`, a Python `language:`), and the Bicep that provisions the
 * site may set its startup command (`appCommandLine: 'startup.sh'`). With no startup command App
 * Service's Python image (Oryx) starts Gunicorn itself: `gunicorn --bind=0.0.0.0 --timeout 600
 * app:app` for an app.py (application.py: `application:app`), as "Container startup process" in
 * https://learn.microsoft.com/en-us/azure/app-service/configure-language-python says. The site's
 * files are in /home/site/wwwroot, the startup command runs there.
 */
import { isMap, parseDocument, LineCounter } from 'yaml';
import type { SourceLocation, WorkspaceFiles } from '../../lib/runtime/protocol';

export interface AppServiceStart {
  /** The startup command as App Service runs it (with `sh -c`). */
  command: string;
  /** The project folder deployed to /home/site/wwwroot. */
  root: string;
  /** Where it is declared: the Bicep `appCommandLine`, else azure.yaml's service. */
  source: SourceLocation;
  /** True for the image's own Gunicorn command (no startup command is set). */
  platformDefault: boolean;
}

export const APP_SERVICE_ROOT = '/home/site/wwwroot';

/** `appCommandLine: 'startup.sh'` in a Bicep file (a literal; a parameter's empty default is no command). */
function startupCommand(files: WorkspaceFiles, dir: string): (SourceLocation & { value: string }) | null {
  for (const path of Object.keys(files).sort()) {
    if (!path.endsWith('.bicep') || (dir && !path.startsWith(`${dir}/`))) continue;
    const lines = (files[path] as string).split('\n');
    for (const [index, text] of lines.entries()) {
      const match = /^\s*appCommandLine\s*:\s*'([^']*)'/.exec(text);
      if (match && match[1]) return { file: path, line: index + 1, value: match[1] };
    }
  }
  return null;
}

export function appServiceStarts(files: WorkspaceFiles): AppServiceStart[] {
  const out: AppServiceStart[] = [];
  for (const path of Object.keys(files).sort()) {
    if (!/(^|\/)azure\.ya?ml$/.test(path)) continue;
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    const counter = new LineCounter();
    const document = parseDocument(files[path] as string, { lineCounter: counter });
    if (document.errors.length > 0) continue;
    const services = document.get('services');
    if (!isMap(services)) continue;
    for (const pair of services.items) {
      const service = pair.value;
      if (!isMap(service)) continue;
      const host = String(service.get('host') ?? '');
      const language = String(service.get('language') ?? '');
      if (host !== 'appservice' || !/^(py|python)$/.test(language)) continue;
      const project = String(service.get('project') ?? '.');
      const root = [dir, project]
        .join('/')
        .split('/')
        .filter((part) => part && part !== '.')
        .join('/');
      const hostNode = service.items.find((item) => String((item.key as { value?: unknown })?.value) === 'host');
      const line =
        hostNode?.key && 'range' in (hostNode.key as object)
          ? counter.linePos((hostNode.key as { range: [number] }).range[0]).line
          : 1;
      const startup = startupCommand(files, dir);
      if (startup) {
        out.push({
          command: startup.value,
          root,
          source: { file: startup.file, line: startup.line },
          platformDefault: false,
        });
        continue;
      }
      const under = (name: string) => files[root ? `${root}/${name}` : name] !== undefined;
      const module = under('app.py') ? 'app' : under('application.py') ? 'application' : null;
      if (module) {
        out.push({
          command: `gunicorn --bind=0.0.0.0 --timeout 600 ${module}:app`,
          root,
          source: { file: path, line },
          platformDefault: true,
        });
      }
    }
  }
  return out;
}
