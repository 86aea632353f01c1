/**
 * `npm run serve:room -- [--port 4173] [--track TAG]`: serves the built site (dist/) to a room, on
 * every interface, and prints the addresses to give out: one per IPv4 address of this machine's
 * network interfaces (loopback and link-local left out: nobody else can reach them). The server
 * is `vite preview` with the project's config, so the cross-origin isolation headers come along.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

/**
 * The addresses a learner in the room can open, from os.networkInterfaces(): IPv4, not internal,
 * not link-local (169.254/16, which a machine gives itself when no network hands it one).
 */
export function roomAddresses(
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>,
  port: string,
  track: string | undefined,
): Array<{ name: string; url: string }> {
  const query = track ? `?track=${encodeURIComponent(track)}` : '';
  return Object.entries(interfaces).flatMap(([name, addresses]) =>
    (addresses ?? [])
      .filter((address) => address.family === 'IPv4' && !address.internal && !address.address.startsWith('169.254.'))
      .map((address) => ({ name, url: `http://${address.address}:${port}/${query}` })),
  );
}

function main(): void {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '4173' }, track: { type: 'string' } },
    strict: true,
  });
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  if (!existsSync(join(root, 'dist/index.html'))) {
    console.error('serve-room: dist/ is missing: run `npm run build` first');
    process.exit(2);
  }
  const addresses = roomAddresses(networkInterfaces(), values.port, values.track);
  if (addresses.length === 0) console.log('No network address: this machine is on no network the room can reach.');
  else console.log('Give the room one of these addresses:');
  for (const { name, url } of addresses) console.log(`  ${url}   (${name})`);
  // vite's own bin under this Node, not npx: a signal to it reaches the server itself.
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  const server = spawn(
    process.execPath,
    [vite, 'preview', '--host', '0.0.0.0', '--port', values.port, '--strictPort'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  server.on('exit', (code) => process.exit(code ?? 0));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
