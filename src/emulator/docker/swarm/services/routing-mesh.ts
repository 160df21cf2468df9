/**
 * The routing mesh on a node's own firewall (libnetwork service_linux.go
 * initIngressConfiguration, programIngressPortsRules): a DOCKER-INGRESS
 * chain in nat and filter; in nat, every published port is DNATed to the
 * node's ingress_sbox address on docker_gwbridge (`-p tcp --dport 8080 -j
 * DNAT --to-destination 172.18.0.2:8080`), from PREROUTING and OUTPUT for
 * local destinations; in filter, FORWARD lets the port (and its replies)
 * through ahead of Docker's bridge rules — DOCKER-USER first, then
 * DOCKER-INGRESS (arrangeIngressFilterRule, arrangeUserFilterRule). Every
 * node gets the rules, whether it runs a task or not: that is the mesh.
 */
import type { LabCtx } from '../../../world/ctx';
import type { NetfilterState } from '../../../netfilter/types';
import type { ClusterState } from '../state';
import { runIptables } from '../../../netfilter/iptables';
import { allServices } from './store';
import { GWBRIDGE } from '../gwbridge';

export const INGRESS_CHAIN = 'DOCKER-INGRESS';

function ipt(nf: NetfilterState, ...argv: string[]): boolean {
  return runIptables(argv, nf).status === 0;
}

/** The chains with their RETURN rule, made once per node (ingressOnce). */
function initChains(nf: NetfilterState): void {
  for (const table of ['nat', 'filter']) {
    ipt(nf, '-t', table, '-N', INGRESS_CHAIN);
    ipt(nf, '-t', table, '-A', INGRESS_CHAIN, '-j', 'RETURN');
  }
}

/** The position of the rule `-A FORWARD -j <target>` in `iptables -S FORWARD` (-1: none). */
function forwardIndex(nf: NetfilterState, target: string): number {
  return runIptables(['-S', 'FORWARD'], nf).stdout.split('\n').indexOf(`-A FORWARD -j ${target}`);
}

/**
 * The jumps into the chains and the gwbridge masquerade, checked at every
 * sync because a daemon restart reprograms the host's chains under them: in
 * FORWARD, DOCKER-INGRESS goes to the top again and DOCKER-USER above it
 * (arrangeIngressFilterRule, arrangeUserFilterRule), ahead of Docker's
 * bridge rules that would drop the mesh's traffic to ingress_sbox.
 */
function arrangeJumps(nf: NetfilterState): void {
  for (const chain of ['OUTPUT', 'PREROUTING']) {
    const jump = ['-m', 'addrtype', '--dst-type', 'LOCAL', '-j', INGRESS_CHAIN];
    if (!ipt(nf, '-t', 'nat', '-C', chain, ...jump)) ipt(nf, '-t', 'nat', '-I', chain, ...jump);
  }
  const ingress = forwardIndex(nf, INGRESS_CHAIN);
  const user = forwardIndex(nf, 'DOCKER-USER');
  const first = forwardIndex(nf, 'DOCKER-FORWARD');
  if (ingress < 0 || (first >= 0 && ingress > first) || (user >= 0 && ingress < user)) {
    if (ingress >= 0) ipt(nf, '-t', 'filter', '-D', 'FORWARD', '-j', INGRESS_CHAIN);
    ipt(nf, '-t', 'filter', '-I', 'FORWARD', '-j', INGRESS_CHAIN);
    if (user >= 0) {
      ipt(nf, '-t', 'filter', '-D', 'FORWARD', '-j', 'DOCKER-USER');
      ipt(nf, '-t', 'filter', '-I', 'FORWARD', '-j', 'DOCKER-USER');
    }
  }
  const masquerade = ['-m', 'addrtype', '--src-type', 'LOCAL', '-o', GWBRIDGE, '-j', 'MASQUERADE'];
  if (!ipt(nf, '-t', 'nat', '-C', 'POSTROUTING', ...masquerade)) ipt(nf, '-t', 'nat', '-I', 'POSTROUTING', ...masquerade);
}

/** The node's DOCKER-INGRESS rules for every port published through the mesh. */
export function syncRoutingMesh(ctx: LabCtx, cluster: ClusterState, host: string): void {
  const docker = ctx.docker(host);
  const sboxIp = Object.values(docker.endpoints).find((e) => e.anonymous === 'ingress-sbox')?.ip;
  const nf = ctx.rootNs(host).nf;
  const ports = allServices(cluster).flatMap((s) => s.spec.ports.filter((p) => p.publishMode === 'ingress'));
  const exists = ipt(nf, '-t', 'nat', '-L', INGRESS_CHAIN, '-n');
  if (!sboxIp || (!ports.length && !exists)) return;
  if (!exists) initChains(nf);
  arrangeJumps(nf);
  for (const table of ['nat', 'filter']) {
    ipt(nf, '-t', table, '-F', INGRESS_CHAIN);
    ipt(nf, '-t', table, '-A', INGRESS_CHAIN, '-j', 'RETURN');
  }
  for (const p of ports) {
    const port = String(p.publishedPort);
    ipt(nf, '-t', 'nat', '-I', INGRESS_CHAIN, '-p', p.protocol, '--dport', port, '-j', 'DNAT', '--to-destination', `${sboxIp}:${port}`);
    ipt(nf, '-t', 'filter', '-I', INGRESS_CHAIN, '-p', p.protocol, '--sport', port, '-m', 'conntrack', '--ctstate', 'ESTABLISHED,RELATED', '-j', 'ACCEPT');
    ipt(nf, '-t', 'filter', '-I', INGRESS_CHAIN, '-p', p.protocol, '--dport', port, '-j', 'ACCEPT');
  }
}
