/**
 * The network DB (libnetwork networkdb + the overlay driver's peer table):
 * every endpoint of a swarm network, on every node, and what each node
 * programs from it.
 *
 * The rows live in the cluster store (`ClusterState.attachments`); a node
 * learns the rows of other nodes by gossip over TCP/UDP 7946. A node that
 * cannot exchange gossip with another (a firewall drops 7946 both ways)
 * never learns its endpoints. For every row it learns, a node writes what
 * Docker's overlay driver writes (peerAdd): a permanent neighbour entry on
 * vxlan0 (`ip neigh … lladdr … dev vxlan0 nud permanent`) and a VXLAN FDB
 * entry pointing at the remote VTEP (`bridge fdb add … dev vxlan0 dst …`);
 * and its embedded DNS answers the remote containers' names.
 *
 * Programming is event driven, as in Docker: after an endpoint joins or
 * leaves, `syncPeers` re-derives the entries of every node of the network.
 */
import type { LabCtx } from '../../world/ctx';
import type { Attachment, ClusterState } from './state';
import { clusterOf, membershipOf, memberHosts } from './store';
import { tcpConnect } from '../../net/transport';
import { overlayVtep } from '../drivers/overlay';

/** Memberlist's port: gossip and push/pull state exchange (TCP and UDP 7946). */
export const GOSSIP_PORT = 7946;

export function attachmentsOf(cluster: ClusterState, networkId: string): Attachment[] {
  return Object.values(cluster.attachments).filter((a) => a.networkId === networkId);
}

/**
 * Can two nodes exchange gossip? Memberlist's push/pull runs over TCP 7946
 * in either direction, so one open direction is enough. Probed without side
 * effects (the real exchange happens all the time in the background).
 */
export function gossipReachable(ctx: LabCtx, cluster: ClusterState, from: string, to: string): boolean {
  const addr = (h: string) => Object.values(cluster.nodes).find((n) => n.hostname === h && !n.left)?.addr;
  const one = (a: string, b: string) => {
    const target = addr(b);
    if (!target) return false;
    const probe = ctx.forProbe();
    return tcpConnect(probe, probe.rootNs(a), target, GOSSIP_PORT).kind === 'connected';
  };
  return one(from, to) || one(to, from);
}

/**
 * Networks whose peers changed while a batch of changes is under way
 * (deferPeerSync): not lab state, only the bookkeeping of one synchronous
 * operation, so it lives beside the cluster object rather than in it.
 */
const deferred = new WeakMap<ClusterState, Set<string>>();

/** Which pairs of nodes can gossip, asked once per pair and kept for one sync. */
type ReachCache = Map<string, boolean>;

/** Re-programs every node's static neighbour/FDB entries for one network from the rows it can learn. */
export function syncPeers(ctx: LabCtx, cluster: ClusterState, networkId: string, reach: ReachCache = new Map()): void {
  const pending = deferred.get(cluster);
  if (pending) {
    pending.add(networkId);
    return;
  }
  const hosts = memberHosts(ctx, cluster).filter((h) => membershipOf(ctx, h)?.sandboxes[networkId]);
  const canLearn = (a: string, b: string) => {
    const key = [a, b].sort().join('|');
    if (!reach.has(key)) reach.set(key, gossipReachable(ctx, cluster, a, b));
    return reach.get(key)!;
  };
  const rows = attachmentsOf(cluster, networkId);
  for (const host of hosts) {
    const learnt = rows.filter((r) => r.hostname !== host && hosts.includes(r.hostname) && canLearn(host, r.hostname));
    program(ctx, cluster, host, networkId, learnt);
  }
}

/**
 * Runs `change` (a service converging: hundreds of tasks joining) with the
 * peer programming held back, then programs each touched network once. In
 * Docker the network DB batches its gossip the same way (memberlist
 * broadcasts queue and go out together), and nothing reads the peer
 * entries in between: the end state is the same, at a fraction of the cost.
 */
export function deferPeerSync<T>(ctx: LabCtx, cluster: ClusterState, change: () => T): T {
  if (deferred.has(cluster)) return change();
  const pending = new Set<string>();
  deferred.set(cluster, pending);
  try {
    return change();
  } finally {
    deferred.delete(cluster);
    const reach: ReachCache = new Map();
    for (const id of pending) syncPeers(ctx, cluster, id, reach);
  }
}

function program(ctx: LabCtx, cluster: ClusterState, host: string, networkId: string, rows: Attachment[]): void {
  const sandbox = membershipOf(ctx, host)!.sandboxes[networkId];
  const vtep = overlayVtep(ctx, sandbox);
  if (!vtep?.vxlan) return;
  const ns = ctx.ns(sandbox.nsId);
  for (const [ip, n] of Object.entries(ns.neigh)) if (n.dev === vtep.id && n.state === 'PERMANENT') delete ns.neigh[ip];
  vtep.vxlan.fdb = {};
  for (const row of rows) {
    const peer = cluster.nodes[row.nodeId];
    if (!peer) continue;
    ns.neigh[row.ip] = { mac: row.mac, dev: vtep.id, state: 'PERMANENT' };
    vtep.vxlan.fdb[row.mac] = peer.addr;
  }
  sandbox.known = rows.map((r) => r.id);
}

/** Re-programs every network that has a sandbox on one of the cluster's nodes (after a firewall-independent change such as a node leaving). */
export function syncAllPeers(ctx: LabCtx, cluster: ClusterState): void {
  for (const id of Object.keys(cluster.networks)) syncPeers(ctx, cluster, id);
}

/**
 * Memberlist repeats its push/pull state exchange every 30 s, so a firewall
 * change on a node (7946 opened or closed) is felt within half a minute: peers
 * learnt or forgotten. The lab applies it as soon as the host's rules change.
 */
export function resyncAfterFirewallChange(ctx: LabCtx, machine: string): void {
  const cluster = clusterOf(ctx, machine);
  if (cluster) syncAllPeers(ctx, cluster);
}

export interface RemoteRecord {
  ip: string;
  /** Container name, short container ID and network aliases. */
  names: string[];
}

/**
 * The remote containers of a swarm network this host has learnt, for its
 * embedded DNS. Read-only: safe in probes.
 */
export function remoteDnsRecords(ctx: LabCtx, machine: string, networkId: string): RemoteRecord[] {
  const m = membershipOf(ctx, machine);
  const cluster = m ? ctx.state.swarm?.clusters[m.clusterId] : undefined;
  const sandbox = m?.sandboxes[networkId];
  if (!cluster || !sandbox) return [];
  return sandbox.known
    .map((id) => cluster.attachments[id])
    .filter((a): a is Attachment => !!a && a.kind === 'container')
    .map((a) => ({ ip: a.ip, names: [a.name, (a.containerId ?? '').slice(0, 12), ...a.aliases].filter((n) => n) }));
}

/** `Peers` of `docker network inspect` for a swarm network: the nodes this host sees on it (itself included). */
export function networkPeers(ctx: LabCtx, machine: string, networkId: string): { Name: string; IP: string }[] {
  const m = membershipOf(ctx, machine);
  const cluster = m ? ctx.state.swarm?.clusters[m.clusterId] : undefined;
  const sandbox = m?.sandboxes[networkId];
  if (!cluster || !sandbox) return [];
  const knownHosts = new Set(sandbox.known.map((id) => cluster.attachments[id]?.hostname));
  knownHosts.add(machine);
  return Object.values(cluster.nodes)
    .filter((n) => !n.left && knownHosts.has(n.hostname))
    .map((n) => ({ Name: membershipOf(ctx, n.hostname)?.gossipName ?? n.id.slice(0, 12), IP: n.addr }));
}
