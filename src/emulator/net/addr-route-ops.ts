/**
 * rtnetlink's address and route requests on the model, for `ip addr add/del`
 * and `ip route add/del`, with the kernel's checks (devinet.c
 * __inet_insert_ifa / inet_rtm_deladdr, fib_semantics.c fib_check_nh).
 * Simplification: the kernel flushes a device's routes when it goes down;
 * the model keeps them, skips them while the device is down, and `ip route`
 * does not list them.
 */
import type { Addr, DeviceState, NetState, NsState, Route } from './state';
import type { NetlinkError } from './link-ops';
import { addAddress, subnetOf } from './netns';
import { cidrContains, parseCidr, parseIp } from './ipv4';
import { lookupRoute } from './routes';

export function addAddr(ns: NsState, dev: DeviceState, addr: Addr): NetlinkError | undefined {
  if (dev.addrs.some((a) => a.ip === addr.ip && a.prefix === addr.prefix)) return { errno: 'EEXIST' };
  addAddress(ns, dev, addr);
  return undefined;
}

/** `ip addr del A[/P] dev D`: without a prefix, the first address with that IP (iproute2's wildcard deletion). */
export function delAddr(ns: NsState, dev: DeviceState, ip: string, prefix?: number): NetlinkError | undefined {
  const i = dev.addrs.findIndex((a) => a.ip === ip && (prefix === undefined || a.prefix === prefix));
  if (i < 0) return { errno: 'EADDRNOTAVAIL' };
  const [gone] = dev.addrs.splice(i, 1);
  const dst = subnetOf(gone);
  const stillCovered = dev.addrs.some((a) => subnetOf(a) === dst);
  if (!stillCovered) ns.routes = ns.routes.filter((r) => !(r.dev === dev.id && r.dst === dst && r.proto === 'kernel'));
  return undefined;
}

export interface RouteRequest {
  /** 'default' or a CIDR with no host bits. */
  dst: string;
  via?: string;
  dev?: DeviceState;
  metric?: number;
}

/** A gateway must be on a link: a connected (no via) route of that device, or of any device when none is named. */
function gatewayDevice(net: NetState, ns: NsState, via: string, dev?: DeviceState): DeviceState | undefined {
  const gw = parseIp(via)!;
  const onLink = ns.routes.find(
    (r) => !r.via && r.dst !== 'default' && net.devices[r.dev]?.up && (!dev || r.dev === dev.id) && cidrContains(parseCidr(r.dst)!, gw),
  );
  if (onLink) return net.devices[onLink.dev];
  const any = dev ? undefined : lookupRoute(net, ns, via);
  return any && !any.via ? net.devices[any.dev] : undefined;
}

export function addRoute(net: NetState, ns: NsState, req: RouteRequest): NetlinkError | undefined {
  let dev = req.dev;
  if (req.via) {
    // A down device has no connected routes in the kernel, so its gateways are "invalid".
    const gwDev = gatewayDevice(net, ns, req.via, dev);
    if (!gwDev) return { errno: 'EINVAL', extack: 'Nexthop has invalid gateway' };
    dev = gwDev;
  }
  if (!dev) return { errno: 'ENODEV' };
  if (!dev.up) return { errno: 'ENETDOWN', extack: 'Device for nexthop is not up' };
  const metric = req.metric ?? 0;
  if (ns.routes.some((r) => r.dst === req.dst && (r.metric ?? 0) === metric)) return { errno: 'EEXIST' };
  const route: Route = { dst: req.dst, dev: dev.id };
  if (req.via) route.via = req.via;
  else route.scope = 'link'; // iproute2 asks for scope link when there is no gateway
  if (req.metric !== undefined) route.metric = req.metric;
  ns.routes.push(route);
  return undefined;
}

export function delRoute(ns: NsState, req: RouteRequest): NetlinkError | undefined {
  const i = ns.routes.findIndex(
    (r) => r.dst === req.dst && (!req.via || r.via === req.via) && (!req.dev || r.dev === req.dev.id) && (req.metric === undefined || (r.metric ?? 0) === req.metric),
  );
  if (i < 0) return { errno: 'ESRCH' };
  ns.routes.splice(i, 1);
  return undefined;
}
