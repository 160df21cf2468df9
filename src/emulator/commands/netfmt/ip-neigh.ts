/**
 * `ip neigh` / `ip neighbour show`.
 *
 * iproute2 `ip/ipneigh.c` (6.1): "%s " dst, "dev %s ", "lladdr %s ",
 * "router ", then the state as "%s " — every line ends in a space:
 *   `172.17.0.3 dev eth0 lladdr 02:42:ac:11:00:03 REACHABLE `
 *   `172.17.0.9 dev eth0 FAILED `
 * BusyBox `networking/libiproute/ipneigh.c` always prints the cache info
 * (`enum { xshow_stats = 3 }`): "lladdr %s" (no space), " ref %d" when the
 * refcount is non-zero, " used %d/%d/%d", " probes %u", then " STATE":
 *   `172.17.0.3 dev eth0 lladdr 02:42:ac:11:00:03 used 0/0/0 probes 4 STALE`
 *   `172.17.0.9 dev eth0  used 0/0/0 probes 6 FAILED`
 * Both checked against Debian 12 (iproute2 6.1, BusyBox 1.35). The kernel
 * reported `probes 4` for freshly resolved entries and `probes 6` for FAILED
 * ones; those are the defaults when the view gives none.
 */
import type { IpFlavor, NeighView } from './types';

function defaultProbes(n: NeighView): number {
  if (n.state === 'FAILED') return 6;
  if (n.state === 'INCOMPLETE') return 3;
  if (n.state === 'PERMANENT' || n.state === 'NOARP') return 0;
  return 4;
}

function iproute2Line(n: NeighView): string {
  let s = `${n.ip} dev ${n.dev} `;
  if (n.mac) s += `lladdr ${n.mac} `;
  if (n.router) s += 'router ';
  return `${s}${n.state} `;
}

function busyboxLine(n: NeighView): string {
  let s = `${n.ip} dev ${n.dev} `;
  if (n.mac) s += `lladdr ${n.mac}`;
  if (n.router) s += ' router';
  if (n.refcnt) s += ` ref ${n.refcnt}`;
  const [used, confirmed, updated] = n.used ?? [0, 0, 0];
  s += ` used ${used}/${confirmed}/${updated}`;
  s += ` probes ${n.probes ?? defaultProbes(n)}`;
  return `${s} ${n.state}`;
}

/** The whole `ip neigh` output. */
export function ipNeigh(entries: readonly NeighView[], opts: { flavor: IpFlavor }): string {
  const line = opts.flavor === 'iproute2' ? iproute2Line : busyboxLine;
  return entries.map((n) => line(n) + '\n').join('');
}
