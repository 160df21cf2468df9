/**
 * The chains a starting dockerd (Engine 28.x) creates before any network:
 * moby 28.x libnetwork/drivers/bridge/internal/iptabler/iptabler.go
 * (NewIptabler: removeIPChains then setupIPChains) and
 * libnetwork/firewall_linux.go (setupUserChain). The result, once docker0
 * is added, is the layout of integration/network/bridge/iptablesdoc
 * new-daemon.md on the 28.x branch:
 *
 *   -N DOCKER / DOCKER-BRIDGE / DOCKER-CT / DOCKER-FORWARD /
 *      DOCKER-ISOLATION-STAGE-1 / DOCKER-ISOLATION-STAGE-2 / DOCKER-USER
 *   -A FORWARD -j DOCKER-USER
 *   -A FORWARD -j DOCKER-FORWARD
 *   -A DOCKER-FORWARD -j DOCKER-CT
 *   -A DOCKER-FORWARD -j DOCKER-ISOLATION-STAGE-1
 *   -A DOCKER-FORWARD -j DOCKER-BRIDGE
 *   -A DOCKER-USER -j RETURN
 *   nat: -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
 *        -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
 *
 * 28.0.0 used an ipset instead of DOCKER-FORWARD; 28.0.1 introduced
 * DOCKER-FORWARD/DOCKER-CT/DOCKER-BRIDGE (moby PR #49518) and kept the
 * isolation chains, which only 29.0 replaced with DOCKER-INTERNAL (#49981).
 */
import type { NetfilterState } from '../../netfilter/types';
import { Fw, type DockerFirewallOptions, type FirewallResult } from './fw';

export const DOCKER_CHAIN = 'DOCKER';
export const DOCKER_FORWARD = 'DOCKER-FORWARD';
export const DOCKER_BRIDGE = 'DOCKER-BRIDGE';
export const DOCKER_CT = 'DOCKER-CT';
export const ISOLATION_1 = 'DOCKER-ISOLATION-STAGE-1';
export const ISOLATION_2 = 'DOCKER-ISOLATION-STAGE-2';
export const DOCKER_USER = 'DOCKER-USER';

/** removeIPChains(): flush and try to delete what a previous dockerd left (DOCKER-USER is never touched). */
function removeOldChains(fw: Fw): void {
  const owned: Array<['filter' | 'nat', string]> = [
    ['nat', DOCKER_CHAIN], ['filter', DOCKER_FORWARD], ['filter', DOCKER_BRIDGE], ['filter', DOCKER_CHAIN],
    ['filter', DOCKER_CT], ['filter', ISOLATION_1], ['filter', ISOLATION_2],
  ];
  for (const [table, chain] of owned) {
    if (!fw.chainExists(table, chain)) continue;
    fw.run(['-t', table, '-F', chain]);
    // Fails while FORWARD/PREROUTING still jump here; dockerd only logs that.
    if (!fw.run(['-t', table, '-X', chain])) fw.result.errors.pop();
  }
}

/** addNATJumpRules(): without the userland proxy (hairpin mode) loopback addresses are DNATed too. */
export function natJumpArgs(chain: 'PREROUTING' | 'OUTPUT', opts: DockerFirewallOptions): string[] {
  const args = ['-m', 'addrtype', '--dst-type', 'LOCAL', '-j', DOCKER_CHAIN];
  if (chain === 'OUTPUT' && opts.userlandProxy !== false) args.push('!', '--dst', '127.0.0.0/8');
  return args;
}

/** setupIPChains() and setupUserChain(): the chains and jumps of a fresh daemon, no networks yet. */
export function setupDaemonChains(nf: NetfilterState, opts: DockerFirewallOptions = {}): FirewallResult {
  const fw = new Fw(nf);
  removeOldChains(fw);
  fw.newChain('nat', DOCKER_CHAIN);
  for (const c of [DOCKER_CHAIN, DOCKER_FORWARD, DOCKER_BRIDGE, DOCKER_CT, ISOLATION_1, ISOLATION_2]) fw.newChain('filter', c);
  fw.append('nat', 'PREROUTING', natJumpArgs('PREROUTING', opts));
  fw.append('nat', 'OUTPUT', natJumpArgs('OUTPUT', opts));
  // Re-inserted at the top in reverse order: CT, ISOLATION-STAGE-1, BRIDGE.
  fw.ensureJump('FORWARD', DOCKER_FORWARD);
  fw.ensureJump(DOCKER_FORWARD, DOCKER_BRIDGE);
  fw.ensureJump(DOCKER_FORWARD, ISOLATION_1);
  fw.ensureJump(DOCKER_FORWARD, DOCKER_CT);
  // libnetwork/firewall_linux.go setupUserChain: created once, RETURN added, jump kept first.
  fw.newChain('filter', DOCKER_USER);
  fw.append('filter', DOCKER_USER, ['-j', 'RETURN']);
  fw.ensureJump('FORWARD', DOCKER_USER);
  return fw.result;
}

/**
 * FilterForwardDrop(): dockerd sets the FORWARD policy to DROP when it had to
 * turn on net.ipv4.ip_forward itself (setup_ip_forwarding.go), which is the
 * case on a fresh Linux host.
 */
export function filterForwardDrop(nf: NetfilterState): FirewallResult {
  const fw = new Fw(nf);
  fw.run(['-t', 'filter', '-P', 'FORWARD', 'DROP']);
  return fw.result;
}
