/**
 * `ip` (iproute2 on the host and GNU images, BusyBox's applet in alpine):
 * addr, link, route, neigh and netns, read from the namespace's model;
 * `ip link set DEV up|down|mtu N|promisc on|off` changes it. Options
 * (ip-options.ts): -4/-6, -br, -o, and iproute2's -s (counters), -d
 * (driver details) and -j/-p (JSON for link, addr and route).
 */
import type { CommandContext, CommandSpec } from '../types';
import { labCtx } from '../docker/engine-access';
import { linkViews, neighViews, routeViews } from './views';
import { ipAddr, ipDeviceNotFound, ipLink } from '../netfmt/ip-addr';
import { ipBriefAddr, ipBriefLink } from '../netfmt/ip-brief';
import { ipAddrOneline, ipLinkOneline } from '../netfmt/ip-oneline';
import { ipRoute } from '../netfmt/ip-route';
import { ipNeigh } from '../netfmt/ip-neigh';
import { ipNetnsList } from '../netfmt/ip-netns';
import { netfmtFlavors } from '../netfmt/types';
import { deviceByName } from '../../net/netns';
import { ipLinkAdd, ipLinkDelete } from './ip-link-edit';
import { ipAddrEdit, ipRouteEdit } from './ip-addr-route-edit';
import { invalidArg, ioctlFailure, mayAdministerNetwork, netlinkFailure } from './ip-errors';
import type { DeviceState } from '../../net/state';
import { setMtu } from '../../net/mtu';
import { ipRouteGet } from './ip-route-get';
import { parseIpOptions } from './ip-options';
import { ipAddrJson, ipBriefJson, ipLinkJson, ipNeighJson, ipRouteJson } from '../netfmt/ip-json';
import { ipJson } from '../netfmt/ip-json-writer';

const OBJECTS: Record<string, string> = {};
for (const [full, abbrevs] of Object.entries({ address: ['a', 'ad', 'add', 'addr', 'addre', 'addres', 'address'], link: ['l', 'li', 'lin', 'link'], route: ['r', 'ro', 'rou', 'rout', 'route'], neighbour: ['n', 'ne', 'nei', 'neig', 'neigh', 'neighbor', 'neighbour'], netns: ['netns'], rule: ['ru', 'rul', 'rule'] })) {
  for (const a of abbrevs) OBJECTS[a] = full;
}

function run(ctx: CommandContext): number {
  const flavor = netfmtFlavors(ctx.scope.userland).ip;
  const parsed = parseIpOptions(ctx.argv.slice(1), flavor);
  if (!parsed.ok) {
    ctx.stderr(parsed.stderr);
    return parsed.status;
  }
  const o = parsed.opts;
  const [objWord, ...args] = o.rest;
  if (!objWord) {
    ctx.stderr('Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\nwhere  OBJECT := { address | link | neighbour | netns | route | ... }\n');
    return flavor === 'busybox' ? 1 : 255;
  }
  const obj = OBJECTS[objWord];
  if (!obj) {
    ctx.stderr(flavor === 'busybox' ? `ip: invalid argument '${objWord}' to 'ip'\n` : `Object "${objWord}" is unknown, try "ip help".\n`);
    return flavor === 'busybox' ? 1 : 255;
  }
  const lab = labCtx(ctx);
  const ns = lab.ns(ctx.scope.netnsId);
  if (obj === 'link' && args[0] === 'set') return linkSet(ctx, args.slice(1));
  if (obj === 'route' && args[0] === 'get') return ipRouteGet(ctx, flavor, args.slice(1));
  if (obj === 'rule') return ipRule(ctx, args);
  // Changes (ip-link-edit.ts, ip-addr-route-edit.ts): `add` and `delete` accept iproute2's prefixes (matches()).
  const verb = editVerb(args[0]);
  if (verb && obj === 'link') return verb === 'add' ? ipLinkAdd(ctx, flavor, args.slice(1)) : ipLinkDelete(ctx, flavor, args.slice(1));
  if (verb && obj === 'address') return ipAddrEdit(ctx, flavor, verb, args.slice(1));
  if (verb && obj === 'route') return ipRouteEdit(ctx, flavor, verb, args.slice(1));
  if (obj === 'route') {
    ctx.stdout(o.json ? ipJson(ipRouteJson(routeViews(lab, ns)), o) : ipRoute(routeViews(lab, ns), { flavor }));
    return 0;
  }
  if (obj === 'neighbour') {
    ctx.stdout(o.json ? ipJson(ipNeighJson(neighViews(lab, ns)), o) : ipNeigh(neighViews(lab, ns), { flavor }));
    return 0;
  }
  if (obj === 'netns') {
    const named = Object.values(lab.state.net.namespaces).filter((n) => n.machine === ns.machine && n.name);
    ctx.stdout(ipNetnsList(named.map((n, i) => ({ name: n.name!, id: i }))));
    return 0;
  }
  // Only addr and link list the links (a thousand on a big lab's host): route, neigh and netns above need none.
  const devIdx = args.indexOf('dev');
  const devName = devIdx >= 0 ? args[devIdx + 1] : args[0] === 'show' && args[1] ? args[1] : undefined;
  let links = linkViews(lab, ns, { details: o.details });
  if (devName) {
    links = links.filter((l) => l.name === devName);
    if (!links.length) {
      ctx.stderr(ipDeviceNotFound(flavor, devName));
      return 1;
    }
  }
  const shown = { family: o.family, stats: o.stats > 0, details: o.details };
  switch (obj) {
    case 'address':
      if (o.json) ctx.stdout(ipJson(o.brief ? ipBriefJson(links, { link: false, family: o.family }) : ipAddrJson(links, shown), o));
      else if (o.brief) ctx.stdout(ipBriefAddr(links, { family: o.family }));
      else ctx.stdout(o.oneline ? ipAddrOneline(links, { flavor, family: o.family }) : ipAddr(links, { flavor, ...shown }));
      return 0;
    default: // link
      if (o.json) ctx.stdout(ipJson(o.brief ? ipBriefJson(links, { link: true }) : ipLinkJson(links, shown), o));
      else if (o.brief) ctx.stdout(ipBriefLink(links));
      else ctx.stdout(o.oneline ? ipLinkOneline(links, { flavor, ...shown }) : ipLink(links, { flavor, ...shown }));
      return 0;
  }
}

/**
 * `ip rule [show|list]`: the policy routing rules. Docker adds none, so every
 * namespace has the kernel's three defaults (fib_default_rules_init).
 * Adding or deleting rules is not modelled.
 */
function ipRule(ctx: CommandContext, args: string[]): number {
  if (args.length && !['show', 'list', 'lst', 'ls'].includes(args[0])) {
    ctx.stderr(`ip rule ${args[0]}: policy routing rules cannot be changed in this lab\n`);
    return 2;
  }
  ctx.stdout('0:\tfrom all lookup local\n32766:\tfrom all lookup main\n32767:\tfrom all lookup default\n');
  return 0;
}

function editVerb(word: string | undefined): 'add' | 'del' | undefined {
  if (!word) return undefined;
  if ('add'.startsWith(word)) return 'add';
  if ('delete'.startsWith(word) && word.length >= 3) return 'del';
  return undefined;
}

function linkSet(ctx: CommandContext, args: string[]): number {
  const lab = labCtx(ctx);
  const ns = lab.ns(ctx.scope.netnsId);
  const name = args[0] === 'dev' ? args[1] : args[0];
  const dev = name ? deviceByName(lab.state.net, ns, name) : undefined;
  if (!dev) {
    ctx.stderr(`Cannot find device "${name ?? ''}"\n`);
    return 1;
  }
  const flavor = netfmtFlavors(ctx.scope.userland).ip;
  // `mtu N` is parsed before the request is sent (iplink.c: get_integer, else invarg).
  const m = args.indexOf('mtu');
  const mtu = m >= 0 ? args[m + 1] ?? '' : undefined;
  // BusyBox's get_unsigned names just the keyword: `ip: invalid argument 'abc' to 'mtu'`.
  if (mtu !== undefined && !/^\d+$/.test(mtu)) return invalidArg(ctx, flavor, mtu, flavor === 'busybox' ? 'mtu' : 'Invalid "mtu" value');
  if (flavor === 'busybox') return busyboxLinkSet(ctx, dev, args, mtu);
  if (!mayAdministerNetwork(lab, ctx)) {
    ctx.stderr('RTNETLINK answers: Operation not permitted\n');
    return 2;
  }
  const refused = mtu !== undefined ? setMtu(dev, Number(mtu)) : undefined;
  if (refused) return netlinkFailure(ctx, flavor, refused);
  setFlags(dev, args);
  return 0;
}

/**
 * BusyBox's do_set: the MTU ioctl first, then the flags with SIOCSIFFLAGS,
 * which it skips when they would not change (so `ip link set eth0 up` on an
 * up device succeeds even without NET_ADMIN). Each refusal ends the applet.
 */
function busyboxLinkSet(ctx: CommandContext, dev: DeviceState, args: string[], mtu: string | undefined): number {
  const admin = mayAdministerNetwork(labCtx(ctx), ctx);
  if (mtu !== undefined) {
    if (!admin) return ioctlFailure(ctx, 'SIOCSIFMTU', 'EPERM');
    if (setMtu(dev, Number(mtu))) return ioctlFailure(ctx, 'SIOCSIFMTU', 'EINVAL');
  }
  const before = { up: dev.up, promisc: dev.promisc };
  setFlags(dev, args);
  if (!admin && (dev.up !== before.up || !!dev.promisc !== !!before.promisc)) {
    Object.assign(dev, before);
    return ioctlFailure(ctx, 'SIOCSIFFLAGS', 'EPERM');
  }
  return 0;
}

/** `up`/`down` and `promisc on|off`. */
function setFlags(dev: DeviceState, args: string[]): void {
  if (args.includes('up')) dev.up = true;
  else if (args.includes('down')) dev.up = false;
  // `promisc on|off` sets the user-visible IFF_PROMISC (DeviceState.promisc).
  const p = args.indexOf('promisc');
  if (p >= 0) dev.promisc = args[p + 1] === 'on';
}

export const ip: CommandSpec = {
  name: 'ip',
  usage: 'ip [ OPTIONS ] OBJECT { COMMAND | help }',
  summary: 'show / manipulate routing, network devices, interfaces and tunnels',
  help: [
    'Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }',
    '       ip [ -force ] -batch filename',
    'where  OBJECT := { address | link | neighbour | netns | route | rule | tunnel | ... }',
    '       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -4 | -6 | -br[ief] | -o[neline] | -c[olor] | ... }',
  ].join('\n'),
  run,
};
