/**
 * Reading the swarm state: which cluster a host belongs to, its node
 * record, the leader, and the manager checks every manager-only request
 * makes first (moby daemon/cluster lockedManagerAction / errNoManager).
 */
import type { LabCtx } from '../../world/ctx';
import type { ClusterState, NodeSwarmState, SwarmNode } from './state';
import { ERR_NO_MANAGER, ERR_NOT_MANAGER } from './errors';

/** Every cluster of the lab (created on first use). */
export function allClusters(ctx: LabCtx): Record<string, ClusterState> {
  return (ctx.state.swarm ??= { clusters: {} }).clusters;
}

export function membershipOf(ctx: LabCtx, machine: string): NodeSwarmState | undefined {
  return ctx.state.machines[machine]?.docker?.swarm;
}

/** The cluster the host is an active member of (not while a join is pending). */
export function clusterOf(ctx: LabCtx, machine: string): ClusterState | undefined {
  const m = membershipOf(ctx, machine);
  if (!m || m.localState !== 'active') return undefined;
  return ctx.state.swarm?.clusters[m.clusterId];
}

export function nodeOf(ctx: LabCtx, machine: string): SwarmNode | undefined {
  const m = membershipOf(ctx, machine);
  const cluster = clusterOf(ctx, machine);
  return m && cluster ? cluster.nodes[m.nodeId] : undefined;
}

export function isManager(ctx: LabCtx, machine: string): boolean {
  return nodeOf(ctx, machine)?.role === 'manager';
}

/** Why a manager-only request fails on this host, or undefined on a manager. */
export function managerError(ctx: LabCtx, machine: string): string | undefined {
  const m = membershipOf(ctx, machine);
  if (!m) return ERR_NO_MANAGER;
  return isManager(ctx, machine) ? undefined : ERR_NOT_MANAGER;
}

export function liveNodes(cluster: ClusterState): SwarmNode[] {
  return Object.values(cluster.nodes).filter((n) => !n.left);
}

export function managersOf(cluster: ClusterState): SwarmNode[] {
  return liveNodes(cluster).filter((n) => n.role === 'manager');
}

export function leaderOf(cluster: ClusterState): SwarmNode | undefined {
  return liveNodes(cluster).find((n) => n.leader);
}

/** The hosts that are active members of a cluster, in node order. */
export function memberHosts(ctx: LabCtx, cluster: ClusterState): string[] {
  return liveNodes(cluster)
    .map((n) => n.hostname)
    .filter((h) => membershipOf(ctx, h)?.clusterId === cluster.id && membershipOf(ctx, h)?.localState === 'active');
}

/** A raft write: the store's index moves on, and the object records it. */
export function touch(ctx: LabCtx, cluster: ClusterState, node?: SwarmNode): void {
  cluster.raftIndex += 1;
  if (!node) return;
  node.version = cluster.raftIndex;
  node.updatedAt = ctx.clock.now();
  node.updatedNanos = ctx.rng.int(0, 999999);
}
