/**
 * `ipvsadm -Ln` (netshoot; the host as root): the IPVS virtual services of
 * the namespace — in a swarm load balancer's or the ingress sandbox's, one
 * firewall-mark service per service VIP and published port (net/ipvs.ts) —
 * with each real server's connections, counted from the conntrack entries
 * IPVS's NAT made (Docker turns on net.ipv4.vs.conntrack): ESTABLISHED TCP
 * connections are active, the rest (closing, TIME_WAIT, UDP) inactive.
 *
 * Listing needs CAP_NET_ADMIN (the IPVS genetlink ops are GENL_ADMIN_PERM):
 * netshoot without --cap-add NET_ADMIN or --privileged gets ipvsadm's
 * "Can't initialize ipvs" error, exit 2. -L without -n would resolve names;
 * Docker's services are firewall marks with port 0, so both print alike.
 * Changing services by hand (-A, -a, -E, -D, -d, -C) is not modelled: Docker
 * owns these tables, and the lab says so instead of pretending.
 */
import type { CommandContext, CommandSpec } from '../types';
import type { NsState } from '../../net/state';
import type { LabCtx } from '../../world/ctx';
import { labCtx } from '../docker/engine-access';
import { mayAdministerNetwork } from './ip-errors';
import { ipvsadmList, type IpvsServiceView } from '../netfmt/ipvsadm';

const NO_IPVS = "Can't initialize ipvs: Permission denied (you must be root)\nAre you sure that IP Virtual Server is built in the kernel or as module?\n";

function connections(lab: LabCtx, ns: NsState, ip: string, port: number): { active: number; inactive: number } {
  let active = 0;
  let inactive = 0;
  const now = lab.clock.now();
  for (const e of ns.conntrack?.entries ?? []) {
    if (!e.dnat || e.reply.src !== ip || (port !== 0 && e.reply.sport !== port) || e.expires <= now) continue;
    if (e.proto === 'tcp' && e.tcpState === 'ESTABLISHED') active++;
    else if (e.proto === 'tcp' || e.proto === 'udp') inactive++;
  }
  return { active, inactive };
}

export function ipvsViews(lab: LabCtx, ns: NsState): IpvsServiceView[] {
  return (ns.ipvs?.services ?? []).map((s) => ({
    fwmark: s.fwmark,
    scheduler: s.scheduler,
    dests: s.dests.map((d) => ({ ip: d.ip, port: d.port, weight: d.weight, ...connections(lab, ns, d.ip, d.port) })),
  }));
}

const EDITS = /^-(A|E|D|C|R|S|a|e|d|-add-service|-edit-service|-delete-service|-clear|-restore|-save|-add-server|-edit-server|-delete-server)$/;

function run(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  const lab = labCtx(ctx);
  if (!mayAdministerNetwork(lab, ctx)) {
    ctx.stderr(NO_IPVS);
    return 2;
  }
  const edit = args.find((a) => EDITS.test(a));
  if (edit) {
    ctx.stderr(`ipvsadm: ${edit}: this lab lets Docker manage IPVS; only listing (-L -n) is available\n`);
    return 2;
  }
  const bad = args.find((a) => !/^-[lLn]+$/.test(a) && !['--list', '--numeric'].includes(a));
  if (bad) {
    ctx.stderr(`ipvsadm: invalid option -- '${bad.replace(/^-+/, '')[0] ?? bad}'\nTry \`ipvsadm -h' or 'ipvsadm --help' for more information.\n`);
    return 2;
  }
  ctx.stdout(ipvsadmList(ipvsViews(lab, lab.ns(ctx.scope.netnsId))));
  return 0;
}

export const ipvsadm: CommandSpec = {
  name: 'ipvsadm',
  usage: 'ipvsadm -L|l [options]',
  summary: 'Linux Virtual Server administration',
  run,
};
