/**
 * The older Go "net" package view of addresses (net.ParseIP, net.ParseCIDR,
 * IPNet.Contains, IP.String), built on the netip parser like Go ≥1.22 does.
 *
 * Docker still goes through these in places: ParsePortSpec validates a host IP
 * with net.ParseIP, the swarm publish warning checks net.IP.IsUnspecified, and
 * `docker network create` matches ranges and gateways with net.ParseCIDR.
 * Differences from netip that show: zones are refused, and IP.String prints an
 * IPv4-mapped address as plain dotted IPv4.
 */
import { type GoAddr, parseAddr, formatAddr, unmap, isUnspecified } from './go-netip';

/** net.ParseIP: a netip address without zone, or undefined (Go's nil). */
export function parseIP(s: string): GoAddr | undefined {
  const a = parseAddr(s);
  return a.ok && a.value.zone === '' ? a.value : undefined;
}

/** net.IP.IsUnspecified: 0.0.0.0, :: and ::ffff:0.0.0.0. */
export function ipIsUnspecified(ip: GoAddr): boolean {
  return isUnspecified(unmap(ip));
}

/** net.IP.String: an IPv4 or IPv4-mapped address prints as dotted IPv4. */
export function ipString(ip: GoAddr): string {
  return formatAddr(unmap(ip));
}

/** net.IPNet after ParseCIDR: the masked network address and the prefix length. */
export interface GoIPNet {
  network: GoAddr;
  bits: number;
}

function maskBytes(bytes: number[], bits: number): number[] {
  return bytes.map((b, i) => {
    const keep = Math.max(0, Math.min(8, bits - i * 8));
    return b & ((0xff << (8 - keep)) & 0xff);
  });
}

/**
 * net.ParseCIDR: cut at the FIRST '/', an address without zone, decimal bits
 * (leading zeros allowed, Go's dtoi). Failure is `invalid CIDR address: <s>`.
 * Returns the address as written and the masked network.
 */
export function parseCIDR(s: string): { ip: GoAddr; net: GoIPNet } | { error: string } {
  const error = `invalid CIDR address: ${s}`;
  const slash = s.indexOf('/');
  if (slash < 0) return { error };
  const ip = parseIP(s.slice(0, slash));
  const maskText = s.slice(slash + 1);
  if (!ip || !/^\d{1,6}$/.test(maskText)) return { error };
  const bits = Number(maskText);
  if (bits > ip.bytes.length * 8) return { error };
  return { ip, net: { network: { bytes: maskBytes(ip.bytes, bits), zone: '' }, bits } };
}

/** IPNet.Contains: an IPv4 network holds IPv4 (or IPv4-mapped) addresses only, IPv6 holds IPv6. */
export function ipNetContains(n: GoIPNet, ip: GoAddr): boolean {
  const candidate = n.network.bytes.length === 4 ? unmap(ip) : ip;
  if (candidate.bytes.length !== n.network.bytes.length) return false;
  const masked = maskBytes(candidate.bytes, n.bits);
  return masked.every((b, i) => b === n.network.bytes[i]);
}

/** IPNet.String: "<network>/<bits>", the network printed like net.IP.String. */
export function ipNetString(n: GoIPNet): string {
  return `${ipString(n.network)}/${n.bits}`;
}
