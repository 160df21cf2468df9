/**
 * `route` / `route -n` (BusyBox and net-tools print the same table, from
 * /proc/net/route): the namespace's IPv4 routes. Names are not resolved
 * (every lesson uses -n). Changing routes is left to `ip route`.
 */
import type { CommandContext, CommandSpec } from '../types';
import { labCtx } from '../docker/engine-access';
import { netfmtFlavors, routeN } from '../netfmt/index';
import { routeViews } from './views';

function run(ctx: CommandContext): number {
  const bad = ctx.argv.slice(1).find((a) => !/^-[nNeAv]+$/.test(a) && a !== 'inet');
  if (bad) {
    const busybox = netfmtFlavors(ctx.scope.userland).netTools === 'busybox';
    if (ctx.scope.containerId && (bad === 'add' || bad === 'del')) {
      ctx.stderr(`route: SIOC${bad === 'add' ? 'ADD' : 'DEL'}RT: Operation not permitted\n`);
      return busybox ? 1 : 7;
    }
    ctx.stderr(busybox
      ? 'BusyBox v1.37.0 (2025-05-26 20:04:45 UTC) multi-call binary.\n\nUsage: route [{add|del|delete}]\n'
      : 'Usage: route [-nNvee] [-FC] [<AF>]           List kernel routing tables\n       route [-v] [-FC] {add|del|flush} ...  Modify routing table for AF.\n');
    return busybox ? 1 : 4;
  }
  const lab = labCtx(ctx);
  ctx.stdout(routeN(routeViews(lab, lab.ns(ctx.scope.netnsId))));
  return 0;
}

export const route: CommandSpec = {
  name: 'route',
  usage: 'route [-nNvee] [-FC] [<AF>]',
  summary: 'show / manipulate the IP routing table',
  run,
};
