/**
 * bind-all-interfaces: the app server listens on every interface although a proxy sits in front
 * of it. Decided from the addresses the server itself computed, which includes its defaults:
 * Waitress listens on 0.0.0.0 when serve() is given no host.
 */
import { startApp } from '../context';
import { settingSource } from '../production';
import { hostOf, isEveryInterface } from '../addresses';
import type { Rule } from '../rule';

function everyInterface(address: string): boolean {
  return isEveryInterface(hostOf(address));
}

export const bindAllInterfaces: Rule = {
  id: 'bind-all-interfaces',
  scope: 'app',
  needs: { proxyInFront: true },
  severity: 'medium',
  title: 'The app server listens on every interface behind a proxy',
  explanation:
    'Behind a reverse proxy, the app server needs to accept connections from the proxy only. Listening on every ' +
    'interface lets anyone who reaches the machine skip the proxy: its TLS, its headers and its limits, and forge ' +
    'the forwarded headers the app trusts.',
  fix: 'Bind to 127.0.0.1 (or a unix socket) when the proxy runs on the same machine.',
  references: [
    'https://docs.pylonsproject.org/projects/waitress/en/stable/arguments.html',
    'https://docs.gunicorn.org/en/stable/settings.html#bind',
  ],
  async evaluate(context) {
    const { serving } = await startApp(context, context.production.env);
    const addresses = (serving.settings['addresses'] as string[] | undefined) ?? [`${serving.host}:${serving.port}`];
    const open =
      addresses.find(everyInterface) ?? (everyInterface(serving.host) ? `${serving.host}:${serving.port}` : null);
    if (!open) return { findings: [] };
    const explicit = (serving.settings['explicit'] as string[] | undefined) ?? [];
    const implicit =
      serving.server === 'waitress' && !explicit.some((name) => ['host', 'listen', 'unix_socket'].includes(name));
    const message = implicit
      ? `Waitress listens on every interface (${open}): serve() was given no host, and Waitress's default is all interfaces.`
      : `The ${serving.server} server listens on every interface (${open}); behind a proxy it should listen on 127.0.0.1 or a unix socket.`;
    const location =
      serving.server === 'gunicorn'
        ? settingSource(context.files, context.production.commandSource, 'bind')
        : (serving.calledFrom ?? context.production.commandSource);
    return {
      findings: [
        { rule: 'bind-all-interfaces', severity: 'medium', message, file: location?.file, line: location?.line },
      ],
    };
  },
};
