/**
 * `ip route get ADDRESS`: the route the kernel would use, resolved — where
 * the packet goes, through which device, from which source address — the
 * quickest answer to "which way does this leave?".
 *
 * iproute2 6.1 prints the cached route with its uid and a `cache` line,
 * each ending in a space:
 *   `8.8.8.8 via 192.168.1.1 dev eth0 src 192.168.1.11 uid 0 `
 *   `    cache `
 * an address of this namespace goes to lo from the local table:
 *   `local 172.18.0.1 dev lo table local src 172.18.0.1 uid 0 `
 *   `    cache <local> `
 * and no route is RTNETLINK's `Network is unreachable` (exit 2). BusyBox
 * prints " src" with its own leading space and no uid line (NOT VERIFIED
 * byte for byte: from its print_route()).
 */
import type { CommandContext } from '../types';
import type { IpFlavor } from '../netfmt/types';
import { labCtx } from '../docker/engine-access';
import { lookupRoute, sourceFor } from '../../net/routes';
import { isLocalAddress } from '../../net/netns';
import { isIp } from '../../net/ipv4';

export function ipRouteGet(ctx: CommandContext, flavor: IpFlavor, args: string[]): number {
  const dst = args.find((a) => a !== 'to');
  if (!dst || !isIp(dst)) {
    ctx.stderr(flavor === 'busybox' ? `ip: an inet address is expected rather than "${dst ?? ''}"\n` : `Error: inet prefix is expected rather than "${dst ?? ''}".\n`);
    return 1;
  }
  const lab = labCtx(ctx);
  const ns = lab.ns(ctx.scope.netnsId);
  const uid = flavor === 'iproute2' ? 'uid 0 ' : '';
  if (isLocalAddress(lab.state.net, ns, dst)) {
    ctx.stdout(`local ${dst} dev lo table local src ${dst} ${uid}\n    cache <local> \n`);
    return 0;
  }
  const route = lookupRoute(lab.state.net, ns, dst);
  if (!route) {
    ctx.stderr(flavor === 'busybox' ? 'ip: RTNETLINK answers: Network is unreachable\n' : 'RTNETLINK answers: Network is unreachable\n');
    return 2;
  }
  const dev = lab.state.net.devices[route.dev]?.name ?? '';
  const via = route.via ? `via ${route.via} ` : '';
  const src = sourceFor(lab.state.net, route);
  const srcText = src ? (flavor === 'busybox' ? ` src ${src} ` : `src ${src} `) : '';
  ctx.stdout(`${dst} ${via}dev ${dev} ${srcText}${uid}\n    cache \n`);
  return 0;
}
