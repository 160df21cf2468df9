/**
 * Go's net/netip address parsing, printing and ordering, as far as Docker's port
 * and IPAM code needs them.
 *
 * Why a Go copy and not a plain regex: Docker prints Go's own error texts
 * (`netip.ParsePrefix("10.1.2.0.30.50"): no '/'`, `ParseAddr("1.2.3"): IPv4
 * address too short`), prints IPv6 in Go's canonical form ("::", "::1") and sorts
 * the `docker ps` PORTS column with netip.Addr.Less (IPv4 before IPv6, then by
 * value). Messages below are the literals of Go's src/net/netip/netip.go.
 */
import { type Result, ok, fail } from './result';

/** A parsed address: 4 bytes for IPv4, 16 for IPv6 (zone only on IPv6). */
export interface GoAddr {
  bytes: number[];
  zone: string;
}

/** parseAddrError.Error(): `ParseAddr("in"): msg` plus ` (at "rest")` when Go records a position. */
function addrError(input: string, msg: string, at = ''): string {
  const tail = at === '' ? '' : ` (at ${goQuote(at)})`;
  return `ParseAddr(${goQuote(input)}): ${msg}${tail}`;
}

/** strconv.Quote for the ASCII text that reaches these messages. */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

/** netip.parseIPv4Fields: dotted quad, no leading zeros, each field ≤255. */
function parseV4Fields(input: string, s: string): Result<number[]> {
  const fields: number[] = [];
  let val = 0;
  let digits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c >= '0' && c <= '9') {
      if (digits === 1 && val === 0) return fail(addrError(input, 'IPv4 field has octet with leading zero'));
      val = val * 10 + (c.charCodeAt(0) - 48);
      digits++;
      if (val > 255) return fail(addrError(input, 'IPv4 field has value >255'));
    } else if (c === '.') {
      if (i === 0 || i === s.length - 1 || s[i - 1] === '.') {
        return fail(addrError(input, 'IPv4 field must have at least one digit', s.slice(i)));
      }
      if (fields.length === 3) return fail(addrError(input, 'IPv4 address too long'));
      fields.push(val);
      val = 0;
      digits = 0;
    } else {
      return fail(addrError(input, 'unexpected character', s.slice(i)));
    }
  }
  if (fields.length < 3) return fail(addrError(input, 'IPv4 address too short'));
  fields.push(val);
  return ok(fields);
}

/** One hex group of an IPv6 address: up to 4 digits, value < 2^16. */
function readHexGroup(input: string, s: string): Result<{ value: number; len: number }> {
  let off = 0;
  let acc = 0;
  for (; off < s.length; off++) {
    const d = parseInt(s[off], 16);
    if (Number.isNaN(d)) break;
    acc = acc * 16 + d;
    if (off > 3) return fail(addrError(input, 'each colon-separated field must have at most 4 hex digits', s));
  }
  if (off === 0) return fail(addrError(input, 'each colon-separated field must have at least one digit', s));
  return ok({ value: acc, len: off });
}

/** Moves the groups after "::" to the end and zero-fills the gap (netip.parseIPv6 tail). */
function expandEllipsis(input: string, ip: number[], used: number, ellipsis: number): Result<number[]> {
  if (used < 16) {
    if (ellipsis < 0) return fail(addrError(input, 'address string too short'));
    const n = 16 - used;
    for (let j = used - 1; j >= ellipsis; j--) ip[j + n] = ip[j];
    for (let j = ellipsis; j < ellipsis + n; j++) ip[j] = 0;
  } else if (ellipsis >= 0) {
    return fail(addrError(input, 'the :: must expand to at least one field of zeros'));
  }
  return ok(ip);
}

/** An IPv4 tail such as "::ffff:1.2.3.4" must fill the last 4 bytes (or follow a "::"). */
function embeddedV4(input: string, s: string, used: number, ellipsis: number): Result<number[]> {
  if (ellipsis < 0 && used !== 12) {
    return fail(addrError(input, 'embedded IPv4 address must replace the final 2 fields of the address', s));
  }
  if (used + 4 > 16) {
    return fail(addrError(input, 'too many hex fields to fit an embedded IPv4 at the end of the address', s));
  }
  return parseV4Fields(input, s);
}

interface V6Scan {
  ip: number[];
  used: number;
  ellipsis: number;
}

/** The hex groups after any leading "::": group, colon, group…, noting where a "::" sits. */
function scanGroups(input: string, text: string, ellipsisAt: number): Result<V6Scan> {
  const ip = new Array<number>(16).fill(0);
  let s = text;
  let ellipsis = ellipsisAt;
  let i = 0;
  while (i < 16) {
    const group = readHexGroup(input, s);
    if (!group.ok) return group;
    const { value, len } = group.value;
    if (len < s.length && s[len] === '.') {
      const v4 = embeddedV4(input, s, i, ellipsis);
      if (!v4.ok) return v4;
      ip.splice(i, 4, ...v4.value);
      return ok({ ip, used: i + 4, ellipsis });
    }
    ip[i] = value >> 8;
    ip[i + 1] = value & 0xff;
    i += 2;
    s = s.slice(len);
    if (s === '') break;
    if (s[0] !== ':') return fail(addrError(input, 'unexpected character, want colon', s));
    if (s.length === 1) return fail(addrError(input, 'colon must be followed by more characters', s));
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) return fail(addrError(input, 'multiple :: in address', s));
      ellipsis = i;
      s = s.slice(1);
      if (s === '') break;
    }
  }
  if (s !== '') return fail(addrError(input, 'trailing garbage after address', s));
  return ok({ ip, used: i, ellipsis });
}

/** netip.parseIPv6, including an embedded IPv4 tail and a %zone. */
function parseV6(input: string): Result<GoAddr> {
  let s = input;
  let zone = '';
  const pct = s.indexOf('%');
  if (pct !== -1) {
    zone = s.slice(pct + 1);
    s = s.slice(0, pct);
    if (zone === '') return fail(addrError(input, 'zone must be a non-empty string'));
  }
  let ellipsis = -1;
  if (s.startsWith('::')) {
    ellipsis = 0;
    s = s.slice(2);
    if (s === '') return ok({ bytes: new Array<number>(16).fill(0), zone });
  }
  const scan = scanGroups(input, s, ellipsis);
  if (!scan.ok) return scan;
  const full = expandEllipsis(input, scan.value.ip, scan.value.used, scan.value.ellipsis);
  return full.ok ? ok({ bytes: full.value, zone }) : full;
}

/** netip.ParseAddr: the first '.', ':' or '%' decides the family. */
export function parseAddr(s: string): Result<GoAddr> {
  for (const c of s) {
    if (c === '.') {
      const v4 = parseV4Fields(s, s);
      return v4.ok ? ok({ bytes: v4.value, zone: '' }) : v4;
    }
    if (c === ':') return parseV6(s);
    if (c === '%') return fail(addrError(s, 'missing IPv6 address'));
  }
  return fail(addrError(s, 'unable to parse IP'));
}

export interface GoPrefix {
  addr: GoAddr;
  bits: number;
}

/** netip.ParsePrefix: `addr/bits`, split at the LAST '/', no zone, no leading zero or sign on bits. */
export function parsePrefix(s: string): Result<GoPrefix> {
  const err = (msg: string) => fail<GoPrefix>(`netip.ParsePrefix(${goQuote(s)}): ${msg}`);
  const slash = s.lastIndexOf('/');
  if (slash < 0) return err("no '/'");
  const addr = parseAddr(s.slice(0, slash));
  if (!addr.ok) return err(addr.error);
  if (addr.value.zone !== '') return err('IPv6 zones cannot be present in a prefix');
  const bitsText = s.slice(slash + 1);
  const badBits = `bad bits after slash: ${goQuote(bitsText)}`;
  if (bitsText.length > 1 && (bitsText[0] < '1' || bitsText[0] > '9')) return err(badBits);
  // strconv.Atoi rejects what is not a number and what overflows int64.
  if (!/^[+-]?\d+$/.test(bitsText) || bitsText.length > 18) return err(badBits);
  const bits = Number(bitsText);
  if (bits < 0 || bits > addr.value.bytes.length * 8) return err('prefix length out of range');
  return ok({ addr: addr.value, bits });
}

export function is4(a: GoAddr): boolean {
  return a.bytes.length === 4;
}

/** Addr.Is4In6: ::ffff:a.b.c.d. */
export function is4In6(a: GoAddr): boolean {
  return a.bytes.length === 16 && a.bytes.slice(0, 10).every((b) => b === 0) && a.bytes[10] === 0xff && a.bytes[11] === 0xff;
}

/** Addr.Unmap: ::ffff:a.b.c.d becomes a.b.c.d. */
export function unmap(a: GoAddr): GoAddr {
  return is4In6(a) ? { bytes: a.bytes.slice(12), zone: '' } : a;
}

/** Addr.IsUnspecified (and net.IP.IsUnspecified after unmapping): 0.0.0.0 or ::. */
export function isUnspecified(a: GoAddr): boolean {
  return a.bytes.every((b) => b === 0) && (is4(a) || a.zone === '');
}

/** The longest run (≥2) of zero 16-bit groups, first one on a tie (RFC 5952, Go's string6). */
function zeroRun(groups: number[]): [number, number] {
  let best: [number, number] = [-1, -1];
  for (let i = 0; i < 8; i++) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i >= 2 && j - i > best[1] - best[0]) best = [i, j];
    i = Math.max(i, j);
  }
  return best;
}

/** Addr.String(): dotted IPv4, "::ffff:a.b.c.d" for mapped, else RFC 5952 IPv6 with %zone. */
export function formatAddr(a: GoAddr): string {
  if (is4(a)) return a.bytes.join('.');
  const zone = a.zone === '' ? '' : `%${a.zone}`;
  if (is4In6(a)) return `::ffff:${a.bytes.slice(12).join('.')}${zone}`;
  const groups = Array.from({ length: 8 }, (_, i) => (a.bytes[2 * i] << 8) | a.bytes[2 * i + 1]);
  const [start, end] = zeroRun(groups);
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (i === start) {
      out += '::';
      i = end - 1;
      continue;
    }
    if (out !== '' && !out.endsWith(':')) out += ':';
    out += groups[i].toString(16);
  }
  return out + zone;
}

/** Addr.Compare: by bit length (IPv4 before IPv6), then by value, then by zone. */
export function compareAddr(a: GoAddr, b: GoAddr): number {
  if (a.bytes.length !== b.bytes.length) return a.bytes.length - b.bytes.length;
  for (let i = 0; i < a.bytes.length; i++) {
    if (a.bytes[i] !== b.bytes[i]) return a.bytes[i] - b.bytes[i];
  }
  return a.zone < b.zone ? -1 : a.zone > b.zone ? 1 : 0;
}
