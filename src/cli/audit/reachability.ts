/**
 * Who can connect to the app server besides its proxy, as the project's deployment files say: the
 * rules about believing forwarded headers (ProxyFix, the app reading X-Forwarded-For) are findings
 * only when someone else can.
 */
import { isLocalOnly } from '../../lib/grading/addresses';
import type { ServingInfo } from '../../lib/runtime/protocol';
import type { Entrypoint } from './entrypoints';
import type { Project } from './project';

/** The server itself is told to believe forwarded headers from any address. */
export function serverTrustsAnyone(serving: ServingInfo): boolean {
  const gunicorn = serving.settings['forwarded_allow_ips'];
  const waitress = serving.settings['trusted_proxy'];
  const list = Array.isArray(gunicorn) ? gunicorn.map(String) : typeof gunicorn === 'string' ? gunicorn.split(',') : [];
  return list.some((ip) => ip.trim() === '*') || waitress === '*';
}

/**
 * Whether someone other than a proxy can connect to the app server, as the project's deployment
 * files say; `unknown` says why they do not tell (the rules that need it then report nothing).
 */
export function reachableByOutsiders(
  serving: ServingInfo,
  entry: Entrypoint,
  project: Pick<Project, 'nginx'>,
): { outsiders: boolean; unknown?: string } {
  // A platform's router ($PORT on Heroku or Cloud Run, App Service's front end) is the only way in.
  if (entry.platform) return { outsiders: false };
  // A Procfile with no proxy of the project's own beside it is a platform's (Heroku, Dokku, App
  // Platform: only the `web` process gets the router's traffic); beside an nginx config, a process
  // manager (honcho, foreman) runs it on the proxy's machine, and its bind address decides.
  if (entry.procfile && project.nginx.length === 0) return { outsiders: false };
  if (entry.container) {
    // A compose service publishing the port on the host's every interface is reached directly; one
    // publishing none, or only on loopback, is reached over the compose network and by the host.
    if (entry.published) return { outsiders: true };
    if (entry.privateNetwork) return { outsiders: false };
    return {
      outsiders: false,
      unknown: 'no compose file runs the image, so nothing in the project says who reaches its port',
    };
  }
  const addresses = (serving.settings['addresses'] as string[] | undefined) ?? [`${serving.host}:${serving.port}`];
  return { outsiders: !addresses.every(isLocalOnly) };
}
