/**
 * Extending a swarm network to a host, and taking it back.
 *
 * The first endpoint of a network on a node brings up the overlay sandbox
 * (br0 + vxlan0) and the network's load-balancer sandbox `lb_<id[:9]>`: the
 * node's own address on the network, allocated by the managers, which
 * `network inspect` lists as `"lb-<net>": {"Name": "<net>-endpoint"}` and
 * where service VIPs will be balanced (IPVS, a later slice). So on a fresh
 * overlay a node's first container gets the address after its LB's: in the
 * overlay tutorial host2's alpine2 is 10.0.0.5 (.4 is host2's LB).
 *
 * When a node's last container leaves the network, libnetwork destroys the
 * sandbox (its join count drops to zero) and a worker forgets the network.
 */
import type { LabCtx } from '../../world/ctx';
import type { ClusterNetwork, ClusterState, OverlaySandbox } from './state';
import { createNamespace } from '../../net/netns';
import { macFromIp } from '../../net/ipv4';
import { createOverlaySandbox, destroyOverlaySandbox, overlayMtu, plugLeg } from '../drivers/overlay';
import { randomId } from '../ids';
import { swarmId } from './ids';
import { allocateSerial, releaseSerial } from './ipam';
import { membershipOf, touch } from './store';
import { attachmentsOf, syncPeers } from './netdb';
import { instantiateRecord, syncNetworkRecords } from './networks';

export function prefixOf(cnet: ClusterNetwork): number {
  return Number(cnet.subnet.split('/')[1]);
}

/** The overlay sandbox of a network on a host, created (with its load balancer) on first use. */
export function ensureNetworkOnHost(ctx: LabCtx, machine: string, cluster: ClusterState, cnet: ClusterNetwork): OverlaySandbox {
  const m = membershipOf(ctx, machine)!;
  const docker = ctx.docker(machine);
  docker.networks[cnet.id] ??= instantiateRecord(cnet);
  const existing = m.sandboxes[cnet.id];
  if (existing) return existing;
  const spec = { id: cnet.id, vni: cnet.vni, subnet: cnet.subnet, gateway: cnet.gateway, encrypted: 'encrypted' in cnet.options, mtu: overlayMtu(cnet.options) };
  const sandbox = createOverlaySandbox(ctx, machine, spec, { local: m.addr, port: cluster.dataPathPort });
  m.sandboxes[cnet.id] = sandbox;
  if (!cnet.ingress) addLoadBalancer(ctx, machine, cluster, cnet, sandbox);
  return sandbox;
}

function addLoadBalancer(ctx: LabCtx, machine: string, cluster: ClusterState, cnet: ClusterNetwork, sandbox: OverlaySandbox): void {
  const m = membershipOf(ctx, machine)!;
  const id = swarmId(ctx.rng);
  const ip = allocateSerial(cnet, id);
  if (typeof ip !== 'string') return;
  const mac = macFromIp(ip);
  const lbNs = createNamespace(ctx.state.net, machine);
  plugLeg(ctx, machine, sandbox, { attachmentId: id, targetNsId: lbNs.id, ifname: 'eth0', ip, prefix: prefixOf(cnet), mac });
  sandbox.lbNsId = lbNs.id;
  sandbox.lbAttachmentId = id;
  cluster.attachments[id] = {
    id, kind: 'lb', networkId: cnet.id, nodeId: m.nodeId, hostname: machine, ip, mac,
    name: `${cnet.name}-endpoint`, aliases: [], endpointId: randomId(ctx.rng),
  };
  touch(ctx, cluster);
}

/** Tears a network's plumbing down on a host once no container there uses it. */
export function releaseNetworkOnHost(ctx: LabCtx, machine: string, cluster: ClusterState, networkId: string): void {
  const m = membershipOf(ctx, machine);
  const sandbox = m?.sandboxes[networkId];
  if (!m || !sandbox) return;
  const inUse = attachmentsOf(cluster, networkId).some((a) => a.kind === 'container' && a.hostname === machine);
  // The ingress network stays while the node's ingress_sbox has its leg on it: the routing mesh needs it with no task there.
  if (inUse || (cluster.networks[networkId]?.ingress && m.ingressSboxNsId)) return;
  const lb = sandbox.lbAttachmentId ? cluster.attachments[sandbox.lbAttachmentId] : undefined;
  const cnet = cluster.networks[networkId];
  if (lb) {
    if (cnet) releaseSerial(cnet, lb.ip);
    delete cluster.attachments[lb.id];
  }
  destroyOverlaySandbox(ctx, sandbox);
  delete m.sandboxes[networkId];
  touch(ctx, cluster);
  syncNetworkRecords(ctx, machine);
  syncPeers(ctx, cluster, networkId);
}

/** The LB entry and peers `network inspect` adds for a swarm network on this host (for docker/inspect-network.ts). */
export function localLoadBalancer(ctx: LabCtx, machine: string, networkId: string): { key: string; name: string; endpointId: string; mac: string; ipv4: string } | undefined {
  const m = membershipOf(ctx, machine);
  const cluster = m ? ctx.state.swarm?.clusters[m.clusterId] : undefined;
  const sandbox = m?.sandboxes[networkId];
  const cnet = cluster?.networks[networkId];
  if (!cluster || !cnet) return undefined;
  const a = cnet.ingress
    ? Object.values(cluster.attachments).find((x) => x.kind === 'ingress-sbox' && x.networkId === networkId && x.hostname === machine && m?.ingressSboxNsId)
    : sandbox?.lbAttachmentId ? cluster.attachments[sandbox.lbAttachmentId] : undefined;
  if (!a) return undefined;
  const key = a.kind === 'ingress-sbox' ? 'ingress-sbox' : `lb-${cnet.name}`;
  return { key, name: a.name, endpointId: a.endpointId, mac: a.mac, ipv4: `${a.ip}/${prefixOf(cnet)}` };
}
