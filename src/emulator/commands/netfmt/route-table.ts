/**
 * The kernel IPv4 routing table as `route -n` and `netstat -rn` print it
 * (from /proc/net/route). BusyBox and net-tools print it identically.
 *
 * BusyBox `networking/route.c` bb_displayroutes():
 *   "Kernel IP routing table\n"
 *   "Destination     Gateway         Genmask         Flags %s Iface\n" with
 *   "Metric Ref    Use" (route) or "  MSS Window  irtt" (netstat -r);
 *   rows "%-15.15s %-15.15s %-16s%-6s" then "%-6d %-2d %7d %s\n" or
 *   "%5lu %-5lu %6lu %s\n". Flags: U up, G gateway, H host (/32).
 *   A route without device (blackhole) shows Iface `*`.
 * Checked against BusyBox 1.35 and net-tools 2.10:
 *   `0.0.0.0         172.17.0.1      0.0.0.0         UG    0      0        0 eth0`
 *   `0.0.0.0         172.17.0.1      0.0.0.0         UG        0 0          0 eth0`
 */
import { ljust, ljustCut, rjust } from './text';
import type { RouteView } from './types';

function maskOf(prefix: number): string {
  const bits = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return [24, 16, 8, 0].map((sh) => (bits >>> sh) & 255).join('.');
}

function destOf(r: RouteView): { dest: string; prefix: number } {
  if (r.dst === 'default') return { dest: '0.0.0.0', prefix: 0 };
  const [dest, len] = r.dst.split('/');
  return { dest, prefix: len === undefined ? 32 : Number(len) };
}

/** Only IPv4 unicast-ish routes of the main table appear; IPv6 ones are skipped. */
function rows(routes: readonly RouteView[]): { dest: string; gw: string; mask: string; flags: string; r: RouteView }[] {
  return routes
    .filter((r) => !r.dst.includes(':') && !(r.via ?? '').includes(':'))
    .map((r) => {
      const { dest, prefix } = destOf(r);
      const flags = 'U' + (r.via ? 'G' : '') + (prefix === 32 ? 'H' : '');
      return { dest, gw: r.via ?? '0.0.0.0', mask: maskOf(prefix), flags, r };
    });
}

const HEAD = 'Kernel IP routing table\nDestination     Gateway         Genmask         Flags ';

/** `route -n` (also `route` for our purposes: names are not resolved). */
export function routeN(routes: readonly RouteView[]): string {
  let s = `${HEAD}Metric Ref    Use Iface\n`;
  for (const x of rows(routes)) {
    s += `${ljustCut(x.dest, 15, 15)} ${ljustCut(x.gw, 15, 15)} ${ljust(x.mask, 16)}${ljust(x.flags, 6)}`;
    s += `${ljust(String(x.r.metric ?? 0), 6)} ${ljust('0', 2)} ${rjust('0', 7)} ${x.r.dev ?? '*'}\n`;
  }
  return s;
}

/** `netstat -rn`. */
export function netstatRoutes(routes: readonly RouteView[]): string {
  let s = `${HEAD}  MSS Window  irtt Iface\n`;
  for (const x of rows(routes)) {
    s += `${ljustCut(x.dest, 15, 15)} ${ljustCut(x.gw, 15, 15)} ${ljust(x.mask, 16)}${ljust(x.flags, 6)}`;
    s += `${rjust('0', 5)} ${ljust('0', 5)} ${rjust('0', 6)} ${x.r.dev ?? '*'}\n`;
  }
  return s;
}
