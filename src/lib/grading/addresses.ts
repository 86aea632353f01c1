/**
 * Listening and upstream addresses as servers report them: `127.0.0.1:8000`, `http://[::]:8000`,
 * `0.0.0.0`, `unix:/run/app.sock`. One reading for the rules and the virtual proxy.
 */

/** The host part: scheme, port and IPv6 brackets removed; a unix socket stays as written. */
export function hostOf(address: string): string {
  const bare = address.replace(/^https?:\/\//, '');
  if (bare.startsWith('unix:')) return bare;
  if (bare.startsWith('[')) return bare.slice(1, bare.indexOf(']'));
  // One colon separates a port; more mean a bare IPv6 address without one.
  return bare.split(':').length === 2 ? (bare.split(':')[0] ?? '') : bare;
}

/** 0.0.0.0, ::, * or an empty host: every interface. */
export function isEveryInterface(host: string): boolean {
  return ['0.0.0.0', '::', '*', ''].includes(host);
}

/** Reachable only from this machine: loopback or a unix socket. */
export function isLocalOnly(address: string): boolean {
  const host = hostOf(address);
  return host.startsWith('unix:') || host === 'localhost' || host.startsWith('127.') || host === '::1';
}
