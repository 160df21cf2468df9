/** IPv4 addresses and prefixes as numbers and strings. */

export function parseIp(text: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
}

export function isIp(text: string): boolean {
  return parseIp(text) !== undefined;
}

export function formatIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

export interface Cidr {
  /** Network address as a number (host bits cleared). */
  base: number;
  prefix: number;
}

/** Parses `a.b.c.d/n`; `strict` rejects host bits set (Docker's "invalid subnet"). */
export function parseCidr(text: string): Cidr | undefined {
  const [ip, len, extra] = text.split('/');
  if (extra !== undefined || len === undefined || !/^\d{1,2}$/.test(len)) return undefined;
  const n = parseIp(ip);
  const prefix = Number(len);
  if (n === undefined || prefix > 32) return undefined;
  return { base: (n & maskOf(prefix)) >>> 0, prefix };
}

export function formatCidr(c: Cidr): string {
  return `${formatIp(c.base)}/${c.prefix}`;
}

export function cidrContains(c: Cidr, ip: number): boolean {
  return ((ip & maskOf(c.prefix)) >>> 0) === c.base;
}

export function cidrOverlaps(a: Cidr, b: Cidr): boolean {
  const p = Math.min(a.prefix, b.prefix);
  return ((a.base & maskOf(p)) >>> 0) === ((b.base & maskOf(p)) >>> 0);
}

export function broadcastOf(c: Cidr): number {
  return (c.base | (~maskOf(c.prefix) >>> 0)) >>> 0;
}

export function inSubnet(ip: string, cidr: string): boolean {
  const c = parseCidr(cidr);
  const n = parseIp(ip);
  return !!c && n !== undefined && cidrContains(c, n);
}

/** The MAC Docker ≤27 and overlay endpoints derive from an IPv4 address: 02:42 + the four bytes. */
export function macFromIp(ip: string): string {
  const n = parseIp(ip) ?? 0;
  const bytes = [0x02, 0x42, n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

/** Linux's random locally administered unicast MAC (netutils.GenerateRandomMAC). */
export function randomMac(hex12: string): string {
  const bytes = hex12.match(/../g)!.map((h) => parseInt(h, 16));
  bytes[0] = (bytes[0] & 0xfe) | 0x02;
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

/** EUI-64 link-local IPv6 address for a MAC, as the kernel assigns: fe80::42:acff:fe11:2. */
export function linkLocalV6(mac: string): string {
  const b = mac.split(':').map((h) => parseInt(h, 16));
  b[0] ^= 0x02;
  const words = [(b[0] << 8) | b[1], (b[2] << 8) | 0xff, (0xfe << 8) | b[3], (b[4] << 8) | b[5]];
  return 'fe80::' + words.map((w) => w.toString(16)).join(':').replace(/^0:/, '');
}
