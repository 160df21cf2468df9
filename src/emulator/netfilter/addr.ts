/**
 * IPv4 addresses and masks the way libxtables parses and prints them
 * (libxtables/xtables.c: __numeric_to_ipaddr, parse_ipmask,
 * xtables_ipmask_to_numeric; iptables/xshared.c: mask_to_str). Numbers go
 * through strtoul with base 0, so `0x0a.0.0.1` and `010` are accepted like
 * the C code accepts them, and a short address is completed with zeros
 * (`10/8` is 10.0.0.0/8).
 */

/** xtables_strtoui(s, NULL, &v, min, max): whole string, base 0, no sign. */
export function strtoui(s: string, min: number, max: number): number | undefined {
  let t = s.replace(/^\s+/, '');
  if (t.startsWith('+')) t = t.slice(1);
  let v: number;
  if (/^0[xX][0-9a-fA-F]+$/.test(t)) v = parseInt(t.slice(2), 16);
  else if (/^0[0-7]+$/.test(t)) v = parseInt(t, 8);
  else if (/^[0-9]+$/.test(t)) v = Number(t);
  else return undefined;
  return v >= min && v <= max ? v : undefined;
}

export function ipToNum(ip: string): number {
  return ip.split('.').reduce((acc, p) => ((acc << 8) | Number(p)) >>> 0, 0);
}

export function numToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** __numeric_to_ipaddr: up to four dotted parts, missing ones are zero (not for masks). */
export function parseNumericIp(text: string, isMask = false): string | undefined {
  const parts = text.split('.');
  if (parts.length > 4 || (isMask && parts.length !== 4)) return undefined;
  const bytes: number[] = [];
  for (const p of parts) {
    const b = strtoui(p, 0, 255);
    if (b === undefined) return undefined;
    bytes.push(b);
  }
  while (bytes.length < 4) bytes.push(0);
  return bytes.join('.');
}

export function prefixToMask(bits: number): string {
  return numToIp(bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0);
}

/** The prefix length of a contiguous mask, or -1 (xtables_ipmask_to_cidr). */
export function maskToCidr(mask: string): number {
  const m = ipToNum(mask);
  for (let bits = 0; bits <= 32; bits++) {
    if ((bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0) === m) return bits;
  }
  return -1;
}

/** `-s`/`-d` mask after the slash: dotted, or a bit count 0..32; undefined is an invalid mask. */
export function parseMask(text: string | undefined): string | undefined {
  if (text === undefined) return '255.255.255.255';
  const dotted = parseNumericIp(text, true);
  if (dotted) return dotted;
  const bits = strtoui(text, 0, 32);
  return bits === undefined ? undefined : prefixToMask(bits);
}

export function applyMask(addr: string, mask: string): string {
  return numToIp((ipToNum(addr) & ipToNum(mask)) >>> 0);
}

/** The `/NN` of `iptables -S` (mask_to_str): always present, dotted when not contiguous. */
export function saveMaskSuffix(mask: string): string {
  const bits = maskToCidr(mask);
  return `/${bits >= 0 ? bits : mask}`;
}

/** The suffix of `iptables -L` (xtables_ipmask_to_numeric): none for /32. */
export function listMaskSuffix(mask: string): string {
  const bits = maskToCidr(mask);
  if (bits === 32) return '';
  return `/${bits >= 0 ? bits : mask}`;
}

export function inMasked(ip: string, addr: string, mask: string): boolean {
  return ((ipToNum(ip) & ipToNum(mask)) >>> 0) === ipToNum(addr);
}

/** /etc/networks on Debian 12 (netbase): names getnetbyname/getnetbyaddr know. */
export const NETWORK_NAMES: Readonly<Record<string, string>> = {
  default: '0.0.0.0',
  loopback: '127.0.0.0',
  'link-local': '169.254.0.0',
};

export function networkNameOf(ip: string): string | undefined {
  for (const [name, addr] of Object.entries(NETWORK_NAMES)) if (addr === ip) return name;
  return undefined;
}
