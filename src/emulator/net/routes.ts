/** Route lookup: longest prefix first, then lowest metric (the kernel's main table). */
import { cidrContains, parseCidr, parseIp } from './ipv4';
import type { NetState, NsState, Route } from './state';

export function lookupRoute(net: NetState, ns: NsState, dst: string): Route | undefined {
  const ip = parseIp(dst);
  if (ip === undefined) return undefined;
  let best: Route | undefined;
  let bestLen = -1;
  for (const r of ns.routes) {
    const dev = net.devices[r.dev];
    if (!dev || !dev.up) continue;
    const len = r.dst === 'default' ? 0 : (parseCidr(r.dst)?.prefix ?? -1);
    if (len < 0) continue;
    if (r.dst !== 'default' && !cidrContains(parseCidr(r.dst)!, ip)) continue;
    if (len > bestLen || (len === bestLen && (r.metric ?? 0) < (best?.metric ?? 0))) {
      best = r;
      bestLen = len;
    }
  }
  return best;
}

/** The source address Linux picks for a route: its `src`, else the device's first address. */
export function sourceFor(net: NetState, route: Route): string | undefined {
  return route.src ?? net.devices[route.dev]?.addrs[0]?.ip;
}
