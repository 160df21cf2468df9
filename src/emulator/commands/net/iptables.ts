/**
 * `iptables` over the namespace's real netfilter state (the rules decide
 * what packets do), and `conntrack -L`. Both talk netlink to the kernel,
 * which wants CAP_NET_ADMIN; Docker's default capability set leaves it out,
 * so inside a container they are refused unless it runs with
 * `--cap-add NET_ADMIN` or `--privileged` (the host's shell is root). Only
 * nicolaka/netshoot ships them among the catalog's images: Alpine 3.22's
 * iptables 1.8.11 with the nf_tables backend, whose first netlink request
 * (the rule-set generation id) fails with EPERM, which nft_strerror() words
 * "Permission denied (you must be root)"; xtables_error(RESOURCE_PROBLEM) → 4.
 */
import type { CommandSpec } from '../types';
import { labCtx } from '../docker/engine-access';
import { runIptables } from '../../netfilter/iptables';
import { formatConntrackList } from '../../netfilter/conntrack-format';
import { mayAdministerNetwork } from './ip-errors';
import { afterFirewallChange } from '../../docker/swarm/background';

/** Alpine 3.22's iptables in netshoot (the host's is Debian 12's 1.8.9, netfilter/errors.ts). */
const CONTAINER_IPTABLES = 'iptables v1.8.11 (nf_tables)';

export const iptables: CommandSpec = {
  name: 'iptables',
  usage: 'iptables -[ACD] chain rule-specification [options]',
  summary: 'administration tool for IPv4 packet filtering and NAT',
  run(ctx) {
    const lab = labCtx(ctx);
    if (!mayAdministerNetwork(lab, ctx)) {
      ctx.stderr(`${CONTAINER_IPTABLES}: Could not fetch rule set generation id: Permission denied (you must be root)\n`);
      return 4;
    }
    const ns = lab.ns(ctx.scope.netnsId);
    const r = runIptables(ctx.argv.slice(1), ns.nf);
    if (r.stdout) ctx.stdout(r.stdout);
    if (r.stderr) ctx.stderr(r.stderr);
    // The hosts' firewalls decide which joins get through (2377) and which peers gossip reaches (7946).
    if (r.status === 0 && !ctx.scope.containerId && changesRules(ctx.argv.slice(1))) afterFirewallChange(lab);
    return r.status;
  },
};

/** Whether the command line edits the rules (append, insert, delete, replace, flush, policy, chains), not only lists them. */
function changesRules(args: string[]): boolean {
  const long = ['--append', '--insert', '--delete', '--replace', '--flush', '--policy', '--new-chain', '--delete-chain', '--rename-chain'];
  return args.some((a) => long.includes(a) || /^-[^-]*[AIDRFPNXE]/.test(a));
}

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
    if (!mayAdministerNetwork(lab, ctx)) {
      // conntrack-tools exit_error(OTHER_PROBLEM, "Operation failed: %s", strerror(EPERM)) (derived; not captured).
      ctx.stderr('conntrack v1.4.8 (conntrack-tools): Operation failed: Operation not permitted\n');
      return 1;
    }
    const ns = lab.ns(ctx.scope.netnsId);
    const r = formatConntrackList(ns.conntrack.entries, lab.clock.now());
    ctx.stdout(r.stdout);
    ctx.stderr(r.stderr);
    return 0;
  },
};
