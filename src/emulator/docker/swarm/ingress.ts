/**
 * The `ingress` network and every node's ingress sandbox, as Docker makes
 * them: `swarm init` creates the overlay network `ingress` (swarmkit
 * newIngressNetwork: no fixed subnet, so the first /24 of the global pool,
 * 10.0.0.0/24, and the first VXLAN ID, 4096; REFERENCE 3.11), and each node
 * that joins brings up `ingress_sbox`: a namespace with one leg on ingress
 * (`ingress-endpoint`, an address the managers allocate) and one on
 * docker_gwbridge (`gateway_ingress-sbox`) carrying its default route.
 *
 * The routing mesh (IPVS and the published-port NAT in ingress_sbox) is the
 * services slice's; everything it needs is here already.
 */
import type { LabCtx } from '../../world/ctx';
import type { Attachment, ClusterNetwork, ClusterState } from './state';
import { createNamespace, deleteNamespace } from '../../net/netns';
import { macFromIp } from '../../net/ipv4';
import { destroyOverlaySandbox, plugLeg } from '../drivers/overlay';
import { randomId } from '../ids';
import { swarmId } from './ids';
import { allocateSerial, releaseSerial } from './ipam';
import { membershipOf, touch } from './store';
import { syncPeers } from './netdb';
import { ensureNetworkOnHost, prefixOf } from './host-network';
import { ensureGwBridge, plugIngressGateway, unplugIngressGateway } from './gwbridge';
import { newClusterNetwork } from './networks';

export function ingressOf(cluster: ClusterState): ClusterNetwork | undefined {
  return Object.values(cluster.networks).find((n) => n.ingress);
}

export function createIngressNetwork(ctx: LabCtx, cluster: ClusterState): void {
  newClusterNetwork(ctx, cluster, { name: 'ingress', driver: 'overlay', ingress: true });
}

/** The node's ingress-sandbox row in the network DB (kept across daemon restarts). */
function sboxRow(ctx: LabCtx, machine: string, cluster: ClusterState, cnet: ClusterNetwork): Attachment | undefined {
  const existing = Object.values(cluster.attachments).find((a) => a.kind === 'ingress-sbox' && a.hostname === machine && a.networkId === cnet.id);
  if (existing) return existing;
  const id = swarmId(ctx.rng);
  const ip = allocateSerial(cnet, id);
  if (typeof ip !== 'string') return undefined;
  const row: Attachment = {
    id, kind: 'ingress-sbox', networkId: cnet.id, nodeId: membershipOf(ctx, machine)!.nodeId, hostname: machine,
    ip, mac: macFromIp(ip), name: 'ingress-endpoint', aliases: [], endpointId: randomId(ctx.rng),
  };
  cluster.attachments[id] = row;
  return row;
}

/** Brings up docker_gwbridge, the ingress overlay sandbox and ingress_sbox on a member host. */
export function joinIngress(ctx: LabCtx, machine: string, cluster: ClusterState): void {
  const m = membershipOf(ctx, machine);
  const cnet = ingressOf(cluster);
  if (!m || m.ingressSboxNsId) return;
  if ('daemonError' in ensureGwBridge(ctx, machine) || !cnet) return;
  const sandbox = ensureNetworkOnHost(ctx, machine, cluster, cnet);
  const row = sboxRow(ctx, machine, cluster, cnet);
  if (!row) return;
  const ns = createNamespace(ctx.state.net, machine);
  ns.forwarding = true; // IPVS forwards from here to the tasks
  plugLeg(ctx, machine, sandbox, { attachmentId: row.id, targetNsId: ns.id, ifname: 'eth0', ip: row.ip, prefix: prefixOf(cnet), mac: row.mac });
  plugIngressGateway(ctx, machine, ns.id);
  m.ingressSboxNsId = ns.id;
  touch(ctx, cluster);
  syncPeers(ctx, cluster, cnet.id);
}

/** Takes ingress_sbox and the ingress sandbox down; `keepRow` keeps the node's address (a daemon restart). */
export function leaveIngress(ctx: LabCtx, machine: string, cluster: ClusterState, keepRow: boolean): void {
  const m = membershipOf(ctx, machine);
  const cnet = ingressOf(cluster);
  if (!m || !cnet) return;
  if (m.ingressSboxNsId) {
    unplugIngressGateway(ctx, machine, m.ingressSboxNsId);
    const ns = ctx.state.net.namespaces[m.ingressSboxNsId];
    if (ns) deleteNamespace(ctx.state.net, ns);
    delete m.ingressSboxNsId;
  }
  const sandbox = m.sandboxes[cnet.id];
  if (sandbox) destroyOverlaySandbox(ctx, sandbox);
  delete m.sandboxes[cnet.id];
  if (!keepRow) {
    for (const row of Object.values(cluster.attachments)) {
      if (row.kind !== 'ingress-sbox' || row.hostname !== machine || row.networkId !== cnet.id) continue;
      releaseSerial(cnet, row.ip);
      delete cluster.attachments[row.id];
    }
  }
  touch(ctx, cluster);
  syncPeers(ctx, cluster, cnet.id);
}
