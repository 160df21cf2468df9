/**
 * The swarm across a dockerd restart: the node stays a member (its state
 * is on disk), but its sockets and the ingress sandbox go with the process
 * and come back when it starts again — with the same ingress address, which
 * the managers keep for the node. While the daemon is down, managers see
 * the node Down (its heartbeats stop).
 */
import type { LabCtx } from '../../world/ctx';
import type { ClusterState } from './state';
import { clusterOf, leaderOf, managersOf, membershipOf, nodeOf } from './store';
import { electLeader } from './nodes';
import { closeSwarmPorts, openSwarmPorts } from './membership';
import { joinIngress, leaveIngress } from './ingress';
import { destroyOverlaySandbox } from '../drivers/overlay';
import { reconcileAll } from './services/reconcile';

export function swarmDaemonStopping(ctx: LabCtx, machine: string): void {
  const cluster = clusterOf(ctx, machine);
  const m = ctx.docker(machine).swarm;
  if (!cluster || !m) return;
  leaveIngress(ctx, machine, cluster, true);
  for (const [id, sandbox] of Object.entries(m.sandboxes)) {
    destroyOverlaySandbox(ctx, sandbox);
    delete m.sandboxes[id];
  }
  closeSwarmPorts(ctx, machine);
}

export function swarmDaemonStarted(ctx: LabCtx, machine: string): void {
  const cluster = clusterOf(ctx, machine);
  const node = nodeOf(ctx, machine);
  if (!cluster || !node) return;
  openSwarmPorts(ctx, machine, node.role);
  joinIngress(ctx, machine, cluster);
}

/**
 * After the daemon went down or came back: the managers see the node Down
 * (its heartbeats stop) and replace its tasks elsewhere, or Ready again
 * (global services come back to it). Swarmkit waits for missed heartbeats;
 * the lab converges at once.
 */
export function swarmNodeChanged(ctx: LabCtx, machine: string): void {
  const cluster = clusterOf(ctx, machine);
  if (!cluster) return;
  reelect(ctx, cluster);
  reconcileAll(ctx, cluster);
}

/**
 * Raft after a manager's daemon stopped or started: a leader that went down
 * loses the lead, and the managers still up elect one of theirs when they
 * are more than half of all managers (quorum); a leader that comes back is
 * a follower. Without quorum the swarm has no leader, and nothing is
 * orchestrated until enough managers are back.
 */
function reelect(ctx: LabCtx, cluster: ClusterState): void {
  const managers = managersOf(cluster);
  const up = managers.filter((n) => ctx.docker(n.hostname).running && membershipOf(ctx, n.hostname)?.clusterId === cluster.id);
  const leader = leaderOf(cluster);
  if (leader && !up.includes(leader)) leader.leader = false;
  if (up.length * 2 > managers.length) electLeader(ctx, cluster);
}
