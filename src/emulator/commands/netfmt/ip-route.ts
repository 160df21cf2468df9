/**
 * `ip route` / `ip r` in both flavours. Every token is printed as "%s " so
 * each line ends in a space; the two differ in what they print and in the
 * spacing BusyBox puts around src and metric.
 *
 * iproute2 `ip/iproute.c` print_route(): [type ]dst via dev proto scope src
 * metric [flags]; `proto boot` and `scope global` are not printed.
 * BusyBox `networking/libiproute/iproute.c` print_route(): no proto at all
 * ("Todo: parse & show \"proto kernel\" here"), then "scope %s ",
 * " src %s ", " metric %d " — hence `scope link  src 172.17.0.2 ` and
 * `dev docker0  metric 100 `. It has no `linkdown`.
 * Checked against iproute2 6.1 and BusyBox 1.35:
 *   iproute2: `172.17.0.0/16 dev eth0 proto kernel scope link src 172.17.0.2 `
 *   BusyBox:  `172.17.0.0/16 dev eth0 scope link  src 172.17.0.2 `
 */
import type { IpFlavor, RouteView } from './types';

function routeHead(r: RouteView): string {
  let s = r.type && r.type !== 'unicast' ? `${r.type} ` : '';
  s += `${r.dst} `;
  if (r.via) s += `via ${r.via} `;
  if (r.dev) s += `dev ${r.dev} `;
  return s;
}

function iproute2Line(r: RouteView): string {
  let s = routeHead(r);
  if (r.proto && r.proto !== 'boot') s += `proto ${r.proto} `;
  if (r.scope && r.scope !== 'global') s += `scope ${r.scope} `;
  if (r.src) s += `src ${r.src} `;
  if (r.metric !== undefined) s += `metric ${r.metric} `;
  if (r.onlink) s += 'onlink ';
  if (r.linkdown) s += 'linkdown ';
  return s;
}

function busyboxLine(r: RouteView): string {
  let s = routeHead(r);
  if (r.scope && r.scope !== 'global') s += `scope ${r.scope} `;
  if (r.src) s += ` src ${r.src} `;
  if (r.metric !== undefined) s += ` metric ${r.metric} `;
  if (r.onlink) s += 'onlink ';
  return s;
}

/** The whole `ip route` output, routes in the order the kernel dumps them. */
export function ipRoute(routes: readonly RouteView[], opts: { flavor: IpFlavor }): string {
  const line = opts.flavor === 'iproute2' ? iproute2Line : busyboxLine;
  return routes.map((r) => line(r) + '\n').join('');
}
