/**
 * Programming the load balancers from the cluster store, on every node, as
 * libnetwork does when service records arrive by gossip (service_linux.go
 * addLBBackend / rmLBBackend):
 *
 * - in each network's load-balancer sandbox (`lb_<id[:9]>`, host-network.ts)
 *   every VIP service of that network gets its VIP as a /32 alias on eth0,
 *   a mangle rule marking what is addressed to it with the service's
 *   firewall mark, an IPVS FWM service (round robin) taking that mark whose
 *   real servers are the service's running tasks on that network the node
 *   knows of, and the NAT rule that
 *   makes the sandbox's own address the source of balanced connections
 *   (`-t nat -A POSTROUTING -d <subnet> -m ipvs --ipvs -j SNAT --to-source
 *   <lb ip>`);
 * - in ingress_sbox the same for every service publishing through the
 *   routing mesh, its published ports marked too (routing-mesh.ts adds the
 *   nodes' DOCKER-INGRESS rules).
 *
 * The whole state is re-derived after every change; the round-robin pointer
 * of a virtual service that stays is kept.
 */
import type { LabCtx } from '../../../world/ctx';
import type { NsState } from '../../../net/state';
import type { IpvsDest, IpvsService } from '../../../net/ipvs';
import type { ClusterNetwork, ClusterState, OverlaySandbox } from '../state';
import type { ServicePort, SwarmService } from './types';
import { addAddress, deviceByName } from '../../../net/netns';
import { runIptables } from '../../../netfilter/iptables';
import { memberHosts, membershipOf } from '../store';
import { ingressOf } from '../ingress';
import { allServices, runningTasks } from './store';
import { syncRoutingMesh } from './routing-mesh';

/** The addresses of a service's running tasks on a network, as `host` knows them (its own and gossiped rows). */
export function taskAddresses(ctx: LabCtx, cluster: ClusterState, service: SwarmService, networkId: string, host: string): string[] {
  const sandbox = membershipOf(ctx, host)?.sandboxes[networkId];
  const known = new Set(sandbox?.known ?? []);
  const running = new Set(runningTasks(cluster, service.id).map((t) => t.containerId));
  return Object.values(cluster.attachments)
    .filter((a) => a.kind === 'container' && a.networkId === networkId && (a.hostname === host || known.has(a.id)))
    .filter((a) => a.containerId !== undefined && running.has(a.containerId))
    .map((a) => a.ip);
}

export function vipOn(service: SwarmService, networkId: string): string | undefined {
  return service.vips.find((v) => v.networkId === networkId)?.addr.split('/')[0];
}

/** Replaces the namespace's virtual services, keeping the round-robin position of those that remain. */
function setIpvs(ns: NsState, services: IpvsService[]): void {
  const before = new Map((ns.ipvs?.services ?? []).map((s) => [s.fwmark, s.next]));
  for (const s of services) s.next = Math.min(before.get(s.fwmark) ?? 0, Math.max(s.dests.length - 1, 0));
  if (services.length || ns.ipvs) ns.ipvs = { services };
}

/** The /32 VIP aliases on the sandbox's eth0: exactly `vips`. */
function setAliases(ctx: LabCtx, ns: NsState, vips: string[]): void {
  const eth0 = deviceByName(ctx.state.net, ns, 'eth0');
  if (!eth0) return;
  eth0.addrs = eth0.addrs.filter((a) => a.prefix !== 32 || vips.includes(a.ip));
  for (const vip of vips) if (!eth0.addrs.some((a) => a.ip === vip)) addAddress(ns, eth0, { ip: vip, prefix: 32 }, false);
}

/** configureFWMark's SNAT rule, once per sandbox. */
export function ensureSnat(ns: NsState, subnet: string, ip: string): void {
  const rule = ['-t', 'nat', 'POSTROUTING', '-d', subnet, '-m', 'ipvs', '--ipvs', '-j', 'SNAT', '--to-source', ip];
  if (runIptables([rule[0], rule[1], '-C', ...rule.slice(2)], ns.nf).status !== 0) runIptables([rule[0], rule[1], '-A', ...rule.slice(2)], ns.nf);
  // IPVS in NAT mode sees the replies at FORWARD: the director forwards.
  ns.forwarding = true;
}

function dests(ips: string[]): IpvsDest[] {
  return ips.map((ip) => ({ ip, port: 0, weight: 1 }));
}

/**
 * fwMarker's mangle rules, re-derived: each published port marked at
 * PREROUTING, each VIP at INPUT (`-d <vip>/32 -j MARK --set-mark <fwmark>`).
 * Docker owns these sandboxes' mangle chains, so they are rewritten whole.
 */
function setMarks(ns: NsState, marks: { fwmark: number; vip: string; ports: ServicePort[] }[]): void {
  const ipt = (...argv: string[]) => runIptables(['-t', 'mangle', ...argv], ns.nf);
  for (const chain of ['PREROUTING', 'INPUT']) ipt('-F', chain);
  for (const m of marks) {
    for (const p of m.ports) ipt('-A', 'PREROUTING', '-p', p.protocol, '--dport', String(p.publishedPort), '-j', 'MARK', '--set-mark', String(m.fwmark));
    ipt('-A', 'INPUT', '-d', `${m.vip}/32`, '-j', 'MARK', '--set-mark', String(m.fwmark));
  }
}

function programLb(ctx: LabCtx, cluster: ClusterState, host: string, cnet: ClusterNetwork, sandbox: OverlaySandbox): void {
  const ns = sandbox.lbNsId ? ctx.state.net.namespaces[sandbox.lbNsId] : undefined;
  const lbRow = sandbox.lbAttachmentId ? cluster.attachments[sandbox.lbAttachmentId] : undefined;
  if (!ns || !lbRow) return;
  const services = allServices(cluster).filter((s) => s.spec.endpointMode === 'vip' && vipOn(s, cnet.id));
  const virtual: IpvsService[] = services.map((s) => ({ fwmark: s.fwmark, scheduler: 'rr', dests: dests(taskAddresses(ctx, cluster, s, cnet.id, host)), next: 0 }));
  setAliases(ctx, ns, services.map((s) => vipOn(s, cnet.id)!));
  setMarks(ns, services.map((s) => ({ fwmark: s.fwmark, vip: vipOn(s, cnet.id)!, ports: [] })));
  if (virtual.length) ensureSnat(ns, cnet.subnet, lbRow.ip);
  setIpvs(ns, virtual);
}

function programIngressSbox(ctx: LabCtx, cluster: ClusterState, host: string): void {
  const m = membershipOf(ctx, host);
  const cnet = ingressOf(cluster);
  const ns = m?.ingressSboxNsId ? ctx.state.net.namespaces[m.ingressSboxNsId] : undefined;
  const row = cnet && Object.values(cluster.attachments).find((a) => a.kind === 'ingress-sbox' && a.hostname === host && a.networkId === cnet.id);
  if (!ns || !cnet || !row) return;
  const services = allServices(cluster).filter((s) => s.spec.ports.some((p) => p.publishMode === 'ingress') && vipOn(s, cnet.id));
  const virtual: IpvsService[] = services.map((s) => ({ fwmark: s.fwmark, scheduler: 'rr', dests: dests(taskAddresses(ctx, cluster, s, cnet.id, host)), next: 0 }));
  setAliases(ctx, ns, services.map((s) => vipOn(s, cnet.id)!));
  setMarks(ns, services.map((s) => ({ fwmark: s.fwmark, vip: vipOn(s, cnet.id)!, ports: s.spec.ports.filter((p) => p.publishMode === 'ingress') })));
  if (virtual.length) ensureSnat(ns, cnet.subnet, row.ip);
  setIpvs(ns, virtual);
}

export function syncLoadBalancers(ctx: LabCtx, cluster: ClusterState): void {
  for (const host of memberHosts(ctx, cluster)) syncHostLoadBalancers(ctx, cluster, host);
}

/**
 * One node's load balancers. Also what a node does when a network comes up
 * there for a standalone container (attach.ts): its new load-balancer
 * sandbox learns the services' VIPs at once.
 */
export function syncHostLoadBalancers(ctx: LabCtx, cluster: ClusterState, host: string): void {
  const m = membershipOf(ctx, host);
  if (!m) return;
  for (const sandbox of Object.values(m.sandboxes)) {
    const cnet = cluster.networks[sandbox.networkId];
    if (cnet && !cnet.ingress) programLb(ctx, cluster, host, cnet, sandbox);
  }
  programIngressSbox(ctx, cluster, host);
  syncRoutingMesh(ctx, cluster, host);
}
