/**
 * `iptables` over the namespace's real netfilter state (the rules decide
 * what packets do), and `conntrack -L`. Inside a container without
 * CAP_NET_ADMIN both are refused, as on Docker's default capability set —
 * except in nicolaka/netshoot sharing a namespace, where lessons run it as
 * `--cap-add NET_ADMIN` would allow (we do not model capabilities: documented).
 */
import type { CommandSpec } from '../types';
import { labCtx } from '../docker/engine-access';
import { runIptables } from '../../netfilter/iptables';
import { formatConntrackList } from '../../netfilter/conntrack-format';

export const iptables: CommandSpec = {
  name: 'iptables',
  usage: 'iptables -[ACD] chain rule-specification [options]',
  summary: 'administration tool for IPv4 packet filtering and NAT',
  run(ctx) {
    const lab = labCtx(ctx);
    const ns = lab.ns(ctx.scope.netnsId);
    const r = runIptables(ctx.argv.slice(1), ns.nf);
    if (r.stdout) ctx.stdout(r.stdout);
    if (r.stderr) ctx.stderr(r.stderr);
    return r.status;
  },
};

export const conntrack: CommandSpec = {
  name: 'conntrack',
  usage: 'conntrack -L',
  summary: 'command line interface for netfilter connection tracking',
  run(ctx) {
    const args = ctx.argv.slice(1);
    if (!args.includes('-L') && !args.includes('--dump')) {
      ctx.stderr('conntrack v1.4.7 (conntrack-tools): Operation not supported here; try conntrack -L\n');
      return 1;
    }
    const lab = labCtx(ctx);
    const ns = lab.ns(ctx.scope.netnsId);
    const r = formatConntrackList(ns.conntrack.entries, lab.clock.now());
    ctx.stdout(r.stdout);
    ctx.stderr(r.stderr);
    return 0;
  },
};
