/**
 * Nodes as the managers see them (swarmkit controlapi node.go, dispatcher):
 * status, lookup, and the updates `docker node update/promote/demote/rm`
 * make.
 *
 * A node is Ready while its dispatcher session with the leader is alive:
 * the worker keeps a TCP connection to a manager's port 2377 and sends
 * heartbeats over it. The lab derives it from the network: a node is Ready
 * when its host can open TCP 2377 to the leader right now (probed without
 * side effects), Down when it cannot, when its daemon is stopped, or when
 * it left. VXLAN (4789) plays no part: a blocked data path leaves nodes
 * Ready.
 */
import type { LabCtx } from '../../world/ctx';
import type { ClusterState, NodeAvailability, NodeRole, SwarmNode } from './state';
import { daemonError, type DaemonError } from '../errors';
import { tcpConnect } from '../../net/transport';
import { leaderOf, managersOf, membershipOf, touch } from './store';
import { dropMembership, MANAGER_PORT, openSwarmPorts } from './membership';
import { syncNetworkRecords } from './networks';
import { reconcileAll } from './services/reconcile';

export function nodeReady(ctx: LabCtx, cluster: ClusterState, node: SwarmNode): boolean {
  if (node.left) return false;
  const m = membershipOf(ctx, node.hostname);
  if (!m || m.clusterId !== cluster.id || m.localState !== 'active' || !ctx.docker(node.hostname).running) return false;
  const leader = leaderOf(cluster);
  if (!leader) return false;
  if (leader.id === node.id) return true;
  const probe = ctx.forProbe();
  return tcpConnect(probe, probe.rootNs(node.hostname), leader.addr, MANAGER_PORT).kind === 'connected';
}

/** ManagerStatus.Reachability of a manager (the leader's raft sees followers it can talk to). */
export function reachability(ctx: LabCtx, cluster: ClusterState, node: SwarmNode): 'reachable' | 'unreachable' {
  return nodeReady(ctx, cluster, node) ? 'reachable' : 'unreachable';
}

/** daemon/cluster/helpers.go getNode: full ID, then hostname, then ID prefix. */
export function findNode(cluster: ClusterState, ref: string): SwarmNode | DaemonError {
  const all = Object.values(cluster.nodes);
  const byId = all.find((n) => n.id === ref);
  if (byId) return byId;
  const byName = all.filter((n) => n.hostname === ref);
  const matches = byName.length ? byName : all.filter((n) => ref.length > 0 && n.id.startsWith(ref));
  if (matches.length === 0) return daemonError(`node ${ref} not found`);
  if (matches.length > 1) return daemonError(`node ${ref} is ambiguous (${matches.length} matches found)`);
  return matches[0];
}

/** A new leader among the managers that are still up (raft election, instantly). */
export function electLeader(ctx: LabCtx, cluster: ClusterState): void {
  if (leaderOf(cluster)) return;
  const next = managersOf(cluster).find((n) => {
    const m = membershipOf(ctx, n.hostname);
    return m?.clusterId === cluster.id && ctx.docker(n.hostname).running;
  });
  if (next) next.leader = true;
}

export function setAvailability(ctx: LabCtx, cluster: ClusterState, node: SwarmNode, value: string): DaemonError | undefined {
  const v = value.toLowerCase();
  if (v !== 'active' && v !== 'pause' && v !== 'drain') return daemonError(`invalid Availability: "${value}"`);
  node.availability = v as NodeAvailability;
  touch(ctx, cluster, node);
  reconcileAll(ctx, cluster); // drain moves tasks away; active lets new ones come
  return undefined;
}

/** Spec.Role changes: promote, demote, `update --role`. */
export function setRole(ctx: LabCtx, cluster: ClusterState, node: SwarmNode, value: string): DaemonError | undefined {
  const role = value.toLowerCase();
  if (role !== 'manager' && role !== 'worker') return daemonError(`invalid Role: "${value}"`);
  if (role === node.role) return undefined;
  if (role === 'worker' && managersOf(cluster).length <= 1 && !node.left) {
    return daemonError('rpc error: code = FailedPrecondition desc = attempting to demote the last manager of the swarm');
  }
  node.role = role as NodeRole;
  if (role === 'worker' && node.leader) {
    node.leader = false;
    electLeader(ctx, cluster);
  }
  touch(ctx, cluster, node);
  if (membershipOf(ctx, node.hostname)?.clusterId === cluster.id && !node.left) {
    openSwarmPorts(ctx, node.hostname, node.role);
    syncNetworkRecords(ctx, node.hostname);
  }
  reconcileAll(ctx, cluster); // node.role constraints
  return undefined;
}

/** `docker node rm [--force]`: only Down nodes, and never an active manager, unless forced. */
export function removeNode(ctx: LabCtx, cluster: ClusterState, node: SwarmNode, force: boolean): DaemonError | undefined {
  if (!force && node.role === 'manager' && !node.left) {
    return daemonError(`rpc error: code = FailedPrecondition desc = node ${node.id} is a cluster manager and is a member of the raft cluster. It must be demoted to worker before removal`);
  }
  if (!force && nodeReady(ctx, cluster, node)) {
    return daemonError(`rpc error: code = FailedPrecondition desc = node ${node.id} is not down and can't be removed`);
  }
  // A forced removal revokes the node's certificate: its daemon finds itself out of the swarm.
  if (membershipOf(ctx, node.hostname)?.nodeId === node.id) dropMembership(ctx, node.hostname, cluster);
  delete cluster.nodes[node.id];
  touch(ctx, cluster);
  reconcileAll(ctx, cluster);
  return undefined;
}
