/**
 * `allow` and `deny` (ngx_http_access_module, nginx 1.22.1 src/http/modules/ngx_http_access_module.c;
 * https://nginx.org/en/docs/http/ngx_http_access_module.html): the rules of the innermost level that has any
 * are checked in order and the first that matches the client's address decides; a level with none inherits
 * its parent's whole list, and an address no rule matches is let in. So `allow 127.0.0.1;` alone lets
 * everyone in, and rules run in the access phase, after a location's `return`.
 */
import { directivesNamed, effectiveArrayDirective, effectiveDirective, type Scope } from './query';
import type { Directive } from './types';

export interface AccessVerdict {
  denied: boolean;
  /** The rule that decided; null when none matched (nginx lets the request in). */
  rule: Directive | null;
}

/** The address as bytes: 4 for IPv4, 16 for IPv6; null when it is neither. */
export function addressBytes(text: string): number[] | null {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const bytes = v4.slice(1).map(Number);
    return bytes.every((b) => b <= 255) ? bytes : null;
  }
  if (!text.includes(':')) return null;
  const [head = '', tail, ...more] = text.split('::');
  if (more.length > 0) return null;
  const groups = (part: string): number[] | null => {
    if (part === '') return [];
    const out: number[] = [];
    const pieces = part.split(':');
    for (const [i, piece] of pieces.entries()) {
      // An IPv4 tail (::ffff:127.0.0.1).
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4bytes = addressBytes(piece);
        if (!v4bytes || v4bytes.length !== 4) return null;
        out.push((v4bytes[0]! << 8) | v4bytes[1]!, (v4bytes[2]! << 8) | v4bytes[3]!);
        continue;
      }
      if (!/^[0-9a-fA-F]{1,4}$/.test(piece)) return null;
      out.push(parseInt(piece, 16));
    }
    return out;
  };
  const first = groups(head);
  const last = tail === undefined ? [] : groups(tail);
  if (!first || !last) return null;
  const fill = tail === undefined ? 0 : 8 - first.length - last.length;
  if (fill < 0 || (tail === undefined && first.length !== 8)) return null;
  return [...first, ...Array<number>(fill).fill(0), ...last].flatMap((g) => [g >> 8, g & 0xff]);
}

/** `ADDR` or `ADDR/BITS` as ngx_ptocidr reads it; null when nginx would refuse it ("invalid parameter"). */
export function parseCidr(text: string): { bytes: number[]; bits: number } | null {
  const slash = text.indexOf('/');
  const bytes = addressBytes(slash === -1 ? text : text.slice(0, slash));
  if (!bytes) return null;
  if (slash === -1) return { bytes, bits: bytes.length * 8 };
  const bits = text.slice(slash + 1);
  if (!/^\d+$/.test(bits) || Number(bits) > bytes.length * 8) return null;
  return { bytes, bits: Number(bits) };
}

function inCidr(address: number[], cidr: { bytes: number[]; bits: number }): boolean {
  if (address.length !== cidr.bytes.length) return false;
  for (let bit = 0; bit < cidr.bits; bit++) {
    const mask = 0x80 >> (bit % 8);
    const byte = Math.floor(bit / 8);
    if ((address[byte]! & mask) !== (cidr.bytes[byte]! & mask)) return false;
  }
  return true;
}

/** The access rules in force at the innermost level of `chain` (outermost first) that has any. */
export function accessRules(chain: readonly Scope[]): Directive[] {
  for (let i = chain.length - 1; i >= 0; i--) {
    const scope = chain[i] as Scope;
    const rules = directivesNamed(scope, ['allow', 'deny']);
    if (rules.length > 0) return rules;
  }
  return [];
}

/** What nginx's access phase decides for a client at `address` (an IPv4-mapped IPv6 address counts as IPv4). */
export function accessVerdict(chain: readonly Scope[], address: string): AccessVerdict {
  let bytes = addressBytes(address);
  if (bytes?.length === 16 && bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff) {
    bytes = bytes.slice(12);
  }
  for (const rule of accessRules(chain)) {
    const target = rule.args[0] ?? '';
    const cidr = target === 'all' ? null : parseCidr(target);
    const matches = target === 'all' || (bytes !== null && cidr !== null && inCidr(bytes, cidr));
    if (matches) return { denied: rule.name === 'deny', rule };
  }
  return { denied: false, rule: null };
}

/** Whether `address` is inside `cidr` (`127.0.0.1`, `10.0.0.0/8`, `::1`, `all`), as allow/deny and set_real_ip_from read it. */
export function addressIn(cidr: string, address: string): boolean {
  if (cidr === 'all') return true;
  const parsed = parseCidr(cidr);
  const bytes = addressBytes(address);
  return parsed !== null && bytes !== null && inCidr(bytes, parsed);
}

/**
 * `set_real_ip_from`, `real_ip_header`, `real_ip_recursive` (ngx_http_realip_module, nginx 1.22.1;
 * https://nginx.org/en/docs/http/ngx_http_realip_module.html): when the connection comes from a trusted address,
 * the client's address becomes the one the header names (for X-Forwarded-For its last entry, or with
 * real_ip_recursive the last one not itself trusted). Everything that reads the client's address then reads
 * that one: $remote_addr, limit_req keys, allow and deny. Read at the server level (the post-read phase).
 */
export function realClientAddress(
  chain: readonly Scope[],
  client: string,
  headers: readonly (readonly [string, string])[],
): string {
  // prettier-ignore
  const trusted = effectiveArrayDirective(chain, 'set_real_ip_from').map((d) => d.args[0] ?? '');
  if (trusted.length === 0 || !trusted.some((cidr) => addressIn(cidr, client))) return client;
  const header = (effectiveDirective(chain, 'real_ip_header')?.args[0] ?? 'X-Real-IP').toLowerCase();
  if (header === 'proxy_protocol') return client;
  const values = headers.filter(([name]) => name.toLowerCase() === header).map(([, value]) => value);
  const entries = values
    .join(',')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) return client;
  const recursive = effectiveDirective(chain, 'real_ip_recursive')?.args[0]?.toLowerCase() === 'on';
  let chosen = entries[entries.length - 1] as string;
  if (recursive) {
    for (let i = entries.length - 1; i >= 0; i--) {
      chosen = entries[i] as string;
      if (!trusted.some((cidr) => addressIn(cidr, chosen))) break;
    }
  }
  return addressBytes(chosen) ? chosen : client;
}
