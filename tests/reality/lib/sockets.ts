/**
 * What a process group really listens on, from the kernel (/proc), not from its log: Waitress's
 * serve() logs "Serving on" only when logging is set to INFO, and a log line can be wrong. Linux only.
 */
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';

/** PIDs whose process group is `pgid` (a server started detached leads its own group). */
export function groupPids(pgid: number): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid pgrp ... — comm may contain spaces and parentheses: split after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid) pids.push(Number(name));
    } catch {
      // exited while we looked
    }
  }
  return pids;
}

function socketInodes(pids: number[]): Set<string> {
  const inodes = new Set<string>();
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (match) inodes.add(match[1]!);
      } catch {
        // closed meanwhile
      }
    }
  }
  return inodes;
}

function ipv4(hex: string): string {
  // /proc/net/tcp: the address as a host-order (little-endian) 32-bit word
  const bytes = hex.match(/../g)!.map((byte) => parseInt(byte, 16));
  return bytes.reverse().join('.');
}

function ipv6(hex: string): string {
  // four little-endian 32-bit words
  const words = hex.match(/.{8}/g)!.map((word) => word.match(/../g)!.reverse().join(''));
  const groups = words
    .join('')
    .match(/.{4}/g)!
    .map((group) => parseInt(group, 16).toString(16));
  return `[${groups.join(':').replace(/(^|:)0(:0)+(:|$)/, '::')}]`;
}

function readTable(file: string): string[] {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(1);
  } catch {
    return [];
  }
}

/** "tcp://127.0.0.1:8000", "tcp://[::1]:8000", "unix:/path" for each listening socket the group holds. */
export function listeningSockets(pgid: number): string[] {
  const inodes = socketInodes(groupPids(pgid));
  const found = new Set<string>();
  for (const [file, family] of [
    ['/proc/net/tcp', 4],
    ['/proc/net/tcp6', 6],
  ] as const) {
    for (const line of readTable(file)) {
      const fields = line.trim().split(/\s+/);
      const [address, port] = (fields[1] ?? '').split(':');
      if (fields[3] !== '0A' || !inodes.has(fields[9] ?? '') || !address || !port) continue; // 0A: LISTEN
      const host = family === 4 ? ipv4(address) : ipv6(address);
      found.add(`tcp://${host}:${parseInt(port, 16)}`);
    }
  }
  for (const line of readTable('/proc/net/unix')) {
    // Num RefCount Protocol Flags Type St Inode Path; flag 00010000 = accepting connections
    const fields = line.trim().split(/\s+/);
    if (fields[3] === '00010000' && inodes.has(fields[6] ?? '') && fields[7]) found.add(`unix:${fields[7]}`);
  }
  return [...found].sort();
}

export function isLoopbackSocket(address: string): boolean {
  if (address.startsWith('unix:')) return true;
  return /^tcp:\/\/(127\.\d+\.\d+\.\d+|\[::1\]):\d+$/.test(address);
}
