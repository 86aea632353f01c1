/** Requests from the tests: over loopback only, no keep-alive (nothing lingers), a time limit on each. */
import http from 'node:http';
import https from 'node:https';

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** the TLS version negotiated, for https */
  protocol?: string;
}

export interface RequestOptions {
  tls?: { ca: string; servername: string };
  host?: string;
  port?: number;
  socketPath?: string;
  path: string;
  /** GET unless given */
  method?: string;
  body?: string;
  headers?: Record<string, string>;
  /** the client's own loopback address (e.g. 127.0.0.2), so it differs from nginx's 127.0.0.1 */
  localAddress?: string;
  timeoutMs?: number;
}

export function request(options: RequestOptions): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const common: https.RequestOptions = {
      host: options.socketPath ? undefined : (options.host ?? '127.0.0.1'),
      port: options.socketPath ? undefined : options.port,
      socketPath: options.socketPath,
      path: options.path,
      method: options.method ?? 'GET',
      headers: options.headers,
      localAddress: options.localAddress,
      agent: false,
    };
    const onResponse = (response: http.IncomingMessage) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => {
        const socket = response.socket as (typeof response.socket & { getProtocol?: () => string | null }) | null;
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body,
          protocol: socket?.getProtocol?.() ?? undefined,
        });
      });
      response.on('error', reject);
    };
    const req = options.tls
      ? https.request({ ...common, ca: options.tls.ca, servername: options.tls.servername }, onResponse)
      : http.request(common, onResponse);
    req.setTimeout(options.timeoutMs ?? 10_000, () => req.destroy(new Error(`timed out: ${options.path}`)));
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Resolves with a reply, or undefined on a connection error (for readiness polling). */
export async function tryRequest(options: RequestOptions): Promise<Reply | undefined> {
  try {
    return await request({ ...options, timeoutMs: options.timeoutMs ?? 2_000 });
  } catch {
    return undefined;
  }
}
