/**
 * `ip addr add|del ADDR[/LEN] dev DEV` and `ip route add|del PREFIX
 * [via GW] [dev DEV] [metric N]` (iproute2 ip/ipaddress.c ipaddr_modify,
 * ip/iproute.c iproute_modify). An address without a length is a /32; a
 * prefix that is not an address is refused by get_prefix() before anything
 * is sent: `Error: any valid prefix is expected rather than "x".`
 */
import type { CommandContext } from '../types';
import type { IpFlavor } from '../netfmt/types';
import type { DeviceState } from '../../net/state';
import { labCtx } from '../docker/engine-access';
import { deviceByName } from '../../net/netns';
import { formatCidr, isIp, maskOf, parseCidr, parseIp } from '../../net/ipv4';
import { addAddr, addRoute, delAddr, delRoute, type RouteRequest } from '../../net/addr-route-ops';
import { invalidArg, mayAdministerNetwork, netlinkFailure, noDevice, notPermitted, plainError } from './ip-errors';

/** get_prefix(): `A.B.C.D[/N]`, or `default`/`any`/`all` for 0/0. Undefined when it does not parse. */
function parsePrefix(text: string): { ip: string; prefix: number; explicit: boolean } | undefined {
  if (['default', 'any', 'all'].includes(text)) return { ip: '0.0.0.0', prefix: 0, explicit: true };
  const [ip, len, extra] = text.split('/');
  if (extra !== undefined || !isIp(ip)) return undefined;
  if (len === undefined) return { ip, prefix: 32, explicit: false };
  if (!/^\d{1,2}$/.test(len) || Number(len) > 32) return undefined;
  return { ip, prefix: Number(len), explicit: true };
}

function badPrefix(ctx: CommandContext, flavor: IpFlavor, text: string, what = 'prefix'): number {
  return plainError(ctx, flavor, flavor === 'busybox' ? `invalid argument '${text}'` : `Error: any valid ${what} is expected rather than "${text}".`, 1);
}

/** Finds `dev NAME` (the device name is resolved before anything is sent). */
function lookupDev(ctx: CommandContext, flavor: IpFlavor, name: string | undefined): DeviceState | number | undefined {
  if (name === undefined) return undefined;
  const lab = labCtx(ctx);
  return deviceByName(lab.state.net, lab.ns(ctx.scope.netnsId), name) ?? noDevice(ctx, flavor, name);
}

export function ipAddrEdit(ctx: CommandContext, flavor: IpFlavor, verb: 'add' | 'del', args: string[]): number {
  let local: string | undefined;
  let devName: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === 'dev') devName = args[++i];
    else if (['brd', 'broadcast', 'label', 'scope', 'valid_lft', 'preferred_lft', 'peer', 'metric'].includes(a)) i++;
    else if (a === 'local') local = args[++i];
    else if (local === undefined) local = a;
  }
  const addr = local !== undefined ? parsePrefix(local) : undefined;
  if (local !== undefined && (!addr || ['default', 'any', 'all'].includes(local))) return badPrefix(ctx, flavor, local);
  if (devName === undefined) return plainError(ctx, flavor, 'Not enough information: "dev" argument is required.', 255);
  const dev = lookupDev(ctx, flavor, devName);
  if (typeof dev === 'number' || !dev) return typeof dev === 'number' ? dev : 1;
  if (!addr) return plainError(ctx, flavor, 'Not enough information: "local" argument is required.', 255);
  if (verb === 'del' && !addr.explicit && flavor === 'iproute2') {
    ctx.stderr(`Warning: Executing wildcard deletion to stay compatible with old scripts.\n         Explicitly specify the prefix length (${addr.ip}/32) to avoid this warning.\n         This special behaviour is likely to disappear in further releases,\n         fix your scripts!\n`);
  }
  const lab = labCtx(ctx);
  if (!mayAdministerNetwork(lab, ctx)) return notPermitted(ctx, flavor);
  const ns = lab.ns(ctx.scope.netnsId);
  const refused = verb === 'add' ? addAddr(ns, dev, { ip: addr.ip, prefix: addr.prefix }) : delAddr(ns, dev, addr.ip, addr.explicit ? addr.prefix : undefined);
  return refused ? netlinkFailure(ctx, flavor, refused) : 0;
}

export function ipRouteEdit(ctx: CommandContext, flavor: IpFlavor, verb: 'add' | 'del', args: string[]): number {
  let dstText: string | undefined;
  let via: string | undefined;
  let devName: string | undefined;
  let metric: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === 'via') via = args[++i];
    else if (a === 'dev' || a === 'oif') devName = args[++i];
    else if (a === 'metric' || a === 'priority' || a === 'preference') {
      const m = args[++i] ?? '';
      if (!/^\d+$/.test(m)) return invalidArg(ctx, flavor, m, '"metric" value is invalid');
      metric = Number(m);
    } else if (['proto', 'scope', 'src', 'table', 'onlink'].includes(a)) i += a === 'onlink' ? 0 : 1;
    else if (a === 'to') dstText = args[++i];
    else if (dstText === undefined) dstText = a;
  }
  const dst = dstText !== undefined ? parsePrefix(dstText) : undefined;
  if (dstText !== undefined && !dst) return badPrefix(ctx, flavor, dstText);
  if (via !== undefined && !isIp(via)) return badPrefix(ctx, flavor, via, 'address');
  const dev = lookupDev(ctx, flavor, devName);
  if (typeof dev === 'number') return dev;
  const lab = labCtx(ctx);
  if (!mayAdministerNetwork(lab, ctx)) return notPermitted(ctx, flavor);
  const target = dst ?? { ip: '0.0.0.0', prefix: 0, explicit: true };
  const base = parseIp(target.ip)!;
  // fib_table_insert: host bits set under the prefix length.
  if (((base & ~maskOf(target.prefix)) >>> 0) !== 0) return netlinkFailure(ctx, flavor, { errno: 'EINVAL', extack: 'Invalid prefix for given prefix length' });
  const req: RouteRequest = { dst: target.prefix === 0 ? 'default' : formatCidr(parseCidr(`${target.ip}/${target.prefix}`)!), via, dev, metric };
  const ns = lab.ns(ctx.scope.netnsId);
  const refused = verb === 'add' ? addRoute(lab.state.net, ns, req) : delRoute(ns, req);
  return refused ? netlinkFailure(ctx, flavor, refused) : 0;
}
