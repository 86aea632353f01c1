import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { roomAddresses } from '../scripts/serve-room';

const iface = (address: string, family: 'IPv4' | 'IPv6', internal = false): NetworkInterfaceInfo =>
  family === 'IPv4'
    ? { address, family, internal, netmask: '', mac: '', cidr: null }
    : { address, family, internal, netmask: '', mac: '', cidr: null, scopeid: 0 };

describe('roomAddresses', () => {
  it('gives the reachable IPv4 addresses, with the track, and leaves loopback and link-local out', () => {
    const interfaces = {
      lo: [iface('127.0.0.1', 'IPv4', true), iface('::1', 'IPv6', true)],
      eth0: [iface('192.168.1.20', 'IPv4'), iface('fe80::1', 'IPv6')],
      wlan0: [iface('10.0.0.7', 'IPv4'), iface('169.254.3.4', 'IPv4')],
    };
    expect(roomAddresses(interfaces, '4173', 'workshop')).toEqual([
      { name: 'eth0', url: 'http://192.168.1.20:4173/?track=workshop' },
      { name: 'wlan0', url: 'http://10.0.0.7:4173/?track=workshop' },
    ]);
    expect(roomAddresses({ lo: interfaces.lo }, '80', undefined)).toEqual([]);
  });
});
