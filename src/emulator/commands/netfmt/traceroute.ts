/**
 * BusyBox `traceroute` (`networking/traceroute.c`).
 *
 * The header goes to **stderr**: "traceroute to %s (%s)", ", %d hops max,
 * %d byte packets\n" (30 hops, 46-byte packets by default: 20 IP + 8 UDP
 * + 18 data).
 * Each hop: "%2d" TTL, then per probe: the address when it differs from the
 * previous reply of this hop — "  %s (%s)" name and IP (the name is the IP
 * again when there is no reverse name), or "  %s" with -n — then
 * "  %u.%03u ms"; a probe without reply prints "  *".
 * Checked against BusyBox 1.35:
 *   ` 1  web.mynet (172.17.0.3)  0.003 ms  0.003 ms  0.002 ms`
 *   ` 1  172.17.0.3  1.599 ms  1.028 ms  0.233 ms` (with -n)
 */
import { msFromMicros } from './text';

export function tracerouteHeader(v: { host: string; ip: string; maxHops?: number; packetSize?: number }): string {
  return `traceroute to ${v.host} (${v.ip}), ${v.maxHops ?? 30} hops max, ${v.packetSize ?? 46} byte packets\n`;
}

/** One probe: a reply (ip, optional reverse name, time) or null for a timeout. */
export type TraceProbe = { ip: string; name?: string; ms: number } | null;

export function tracerouteHop(ttl: number, probes: readonly TraceProbe[], opts: { numeric?: boolean } = {}): string {
  let s = String(ttl).padStart(2, ' ');
  let last: string | undefined;
  for (const p of probes) {
    if (p === null) {
      s += '  *';
      continue;
    }
    if (p.ip !== last) {
      s += opts.numeric ? `  ${p.ip}` : `  ${p.name ?? p.ip} (${p.ip})`;
      last = p.ip;
    }
    s += `  ${msFromMicros(p.ms * 1000)} ms`;
  }
  return s + '\n';
}

/** A name that does not resolve (stderr, exit status 1). */
export function tracerouteBadAddress(host: string): string {
  return `traceroute: bad address '${host}'\n`;
}
