/**
 * A task's end of the routing mesh (libnetwork addRedirectRules): in the
 * task's namespace the published port, arriving on its ingress address, is
 * redirected to the target port, only those ports are let in on that
 * address, and everything else to it is dropped.
 *
 * Docker writes `-j REDIRECT --to-port <target>`: the packet goes to the
 * target port on the address it arrived at.
 */
import type { LabCtx } from '../../../world/ctx';
import type { ContainerState } from '../../state';
import type { ClusterState } from '../state';
import type { SwarmService } from './types';
import { runIptables } from '../../../netfilter/iptables';
import { ingressOf } from '../ingress';
import { endpointsOfContainer } from '../../endpoint-index';

export function addRedirectRules(ctx: LabCtx, cluster: ClusterState, service: SwarmService, machine: string, c: ContainerState): void {
  const ingress = ingressOf(cluster);
  const ports = service.spec.ports.filter((p) => p.publishMode === 'ingress');
  const ep = ingress ? endpointsOfContainer(ctx, ctx.docker(machine), c.id).find((e) => e.networkId === ingress.id) : undefined;
  if (!ep || !c.netnsId || !ports.length) return;
  const nf = ctx.ns(c.netnsId).nf;
  const ipt = (...argv: string[]) => runIptables(argv, nf);
  for (const p of ports) {
    const published = String(p.publishedPort);
    const target = String(p.targetPort);
    ipt('-t', 'nat', '-A', 'PREROUTING', '-d', ep.ip, '-p', p.protocol, '--dport', published, '-j', 'REDIRECT', '--to-port', target);
    ipt('-I', 'INPUT', '-d', ep.ip, '-p', p.protocol, '--dport', target, '-m', 'conntrack', '--ctstate', 'NEW,ESTABLISHED', '-j', 'ACCEPT');
    ipt('-I', 'OUTPUT', '-s', ep.ip, '-p', p.protocol, '--sport', target, '-m', 'conntrack', '--ctstate', 'ESTABLISHED', '-j', 'ACCEPT');
  }
  for (const proto of ['udp', 'tcp']) {
    ipt('-A', 'INPUT', '-d', ep.ip, '-p', proto, '-j', 'DROP');
    ipt('-A', 'OUTPUT', '-s', ep.ip, '-p', proto, '-j', 'DROP');
  }
}
