/**
 * `ip -j link`, `ip -j addr` and `ip -j route` (iproute2 6.1): the same
 * attributes as the text, as JSON members in print_linkinfo()'s order —
 * ifindex, link_index (a peer in another namespace, `@ifN`) or link (a
 * local one), ifname (bare), flags, mtu, qdisc, master, operstate, linkmode
 * (ip link only), group, txqlen (when not 0), link_type, address,
 * broadcast, link_netnsid; then -d's details, -s's stats64 (ip link), the
 * addr_info list (ip addr: family, local, prefixlen, broadcast, scope,
 * flags as booleans, label, valid_life_time, preferred_life_time; forever is
 * 4294967295, INFINITY_LIFE_TIME), and -s's stats64 after it (ip addr).
 * ip-json-writer.ts prints them, compact or with -p.
 */
import type { AddrView, JsonValue, LinkView, NeighView, RouteView } from './types';
import { linkFlags, linkOperState, linkQdisc } from './link-header';
import { linkDetailsJson } from './ip-details';
import { linkStatsJson } from './ip-stats';

type JsonObject = { [key: string]: JsonValue };

/** INFINITY_LIFE_TIME: `forever` in JSON. */
const FOREVER = 4294967295;

export interface IpJsonOptions {
  family?: 4 | 6;
  stats?: boolean;
  details?: boolean;
}

function lifetime(v: number | 'forever' | undefined): number {
  return v === undefined || v === 'forever' ? FOREVER : v;
}

function flagList(link: LinkView, inet6Dump: boolean): string[] {
  const text = linkFlags(link, { flavor: 'iproute2', noNetnsId: inet6Dump });
  return text.slice(1, -1).split(',').filter((f) => f !== '');
}

/** The link's own members (print_linkinfo up to the link-layer address). */
function linkMembers(link: LinkView, opts: IpJsonOptions & { isLink: boolean }): JsonObject {
  const inet6Dump = !opts.isLink && opts.family === 6;
  const o: JsonObject = { ifindex: link.ifindex };
  if (link.parentName !== undefined) o.link = link.parentName;
  else if (link.peerIfindex !== undefined) o.link_index = link.peerIfindex;
  o.ifname = link.name;
  o.flags = flagList(link, inet6Dump);
  o.mtu = link.mtu;
  if (!inet6Dump) {
    o.qdisc = linkQdisc(link);
    if (link.master) o.master = link.master;
  }
  o.operstate = linkOperState(link);
  if (!inet6Dump) {
    if (opts.isLink) o.linkmode = 'DEFAULT';
    o.group = 'default';
  }
  if (link.qlen) o.txqlen = link.qlen;
  if (opts.isLink || opts.family === undefined || opts.details) {
    const loop = link.kind === 'loopback';
    o.link_type = loop ? 'loopback' : 'ether';
    o.address = link.mac;
    o.broadcast = link.brd ?? (loop ? '00:00:00:00:00:00' : 'ff:ff:ff:ff:ff:ff');
  }
  if (link.linkNetnsId !== undefined && !inet6Dump) o.link_netnsid = link.linkNetnsId;
  if (opts.details && link.details) Object.assign(o, linkDetailsJson(link.details, { link: opts.isLink }));
  return o;
}

function addrMembers(a: AddrView, linkName: string): JsonObject {
  const o: JsonObject = { family: a.family === 4 ? 'inet' : 'inet6', local: a.address, prefixlen: a.prefix };
  if (a.broadcast) o.broadcast = a.broadcast;
  o.scope = a.scope;
  for (const f of a.flags ?? []) o[f] = true;
  if (a.family === 4) o.label = a.label ?? linkName;
  o.valid_life_time = lifetime(a.validLft);
  o.preferred_life_time = lifetime(a.preferredLft);
  return o;
}

/** `ip -j link` (one object per link). */
export function ipLinkJson(links: readonly LinkView[], opts: IpJsonOptions): JsonValue[] {
  return links.map((l) => {
    const o = linkMembers(l, { ...opts, isLink: true });
    if (opts.stats && l.stats) o.stats64 = linkStatsJson(l.stats);
    return o;
  });
}

/** `ip -j addr`: links without an address of the asked family are left out, as in the text. */
export function ipAddrJson(links: readonly LinkView[], opts: IpJsonOptions): JsonValue[] {
  const family = (a: AddrView) => opts.family === undefined || a.family === opts.family;
  return links
    .filter((l) => opts.family === undefined || l.addrs.some(family))
    .map((l) => {
      const o = linkMembers(l, { ...opts, isLink: false });
      const v4 = l.addrs.filter((a) => a.family === 4 && family(a));
      const v6 = l.addrs.filter((a) => a.family === 6 && family(a));
      o.addr_info = [...v4, ...v6].map((a) => addrMembers(a, l.name));
      if (opts.stats && l.stats) o.stats64 = linkStatsJson(l.stats);
      return o;
    });
}

/**
 * `ip -j -br link` / `ip -j -br addr` (print_linkinfo_brief): the name (after
 * link_index/link), operstate, then for link the address and flags, for addr
 * the addresses as {local, prefixlen} (no family in brief mode).
 */
export function ipBriefJson(links: readonly LinkView[], opts: { link: boolean; family?: 4 | 6 }): JsonValue[] {
  const out: JsonValue[] = [];
  for (const l of links) {
    const addrs = [...l.addrs.filter((a) => a.family === 4), ...l.addrs.filter((a) => a.family === 6)].filter((a) => opts.family === undefined || a.family === opts.family);
    if (!opts.link && opts.family !== undefined && addrs.length === 0) continue;
    const o: JsonObject = {};
    if (l.parentName !== undefined) o.link = l.parentName;
    else if (l.peerIfindex !== undefined) o.link_index = l.peerIfindex;
    o.ifname = l.name;
    o.operstate = linkOperState(l);
    if (opts.link) {
      o.address = l.mac;
      o.flags = flagList(l, false);
    } else {
      o.addr_info = addrs.map((a) => ({ local: a.address, prefixlen: a.prefix }));
    }
    out.push(o);
  }
  return out;
}

/** `ip -j neigh` (ipneigh.c print_neigh: dst, dev, lladdr, router as null, the state as a list). */
export function ipNeighJson(entries: readonly NeighView[]): JsonValue[] {
  return entries.map((n) => {
    const o: JsonObject = { dst: n.ip, dev: n.dev };
    if (n.mac) o.lladdr = n.mac;
    if (n.router) o.router = null;
    o.state = [n.state];
    return o;
  });
}

/** `ip -j route` (iproute2 print_route: dst, gateway, dev, protocol, scope, prefsrc, metric, flags). */
export function ipRouteJson(routes: readonly RouteView[]): JsonValue[] {
  return routes.map((r) => {
    const o: JsonObject = {};
    if (r.type && r.type !== 'unicast') o.type = r.type;
    o.dst = r.dst;
    if (r.via) o.gateway = r.via;
    if (r.dev) o.dev = r.dev;
    if (r.proto && r.proto !== 'boot') o.protocol = r.proto;
    if (r.scope && r.scope !== 'global') o.scope = r.scope;
    if (r.src) o.prefsrc = r.src;
    if (r.metric !== undefined) o.metric = r.metric;
    o.flags = [...(r.onlink ? ['onlink'] : []), ...(r.linkdown ? ['linkdown'] : [])];
    return o;
  });
}
