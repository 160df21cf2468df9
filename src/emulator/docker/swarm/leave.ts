/**
 * `docker swarm leave [--force]` in the daemon (moby daemon/cluster/swarm.go
 * Leave). A manager refuses without --force (the warning depends on how
 * many managers would be left); a worker just goes. The cluster keeps the
 * node's record, which `node ls` shows as Down until `docker node rm`.
 */
import type { LabCtx } from '../../world/ctx';
import { daemonError, type DaemonError } from '../errors';
import { ERR_NO_SWARM, leaveManagerWarning } from './errors';
import { clusterOf, managersOf, membershipOf, touch } from './store';
import { dropMembership, log } from './membership';
import { electLeader, nodeReady } from './nodes';
import { reconcileAll } from './services/reconcile';
import { removeNodeTaskContainers } from './services/task-container';
import { withAgentStopped } from './services/task-exit';

export function leaveSwarm(ctx: LabCtx, machine: string, force: boolean): DaemonError | undefined {
  const m = membershipOf(ctx, machine);
  if (!m) return daemonError(ERR_NO_SWARM);
  const cluster = clusterOf(ctx, machine);
  const node = cluster?.nodes[m.nodeId];
  if (!cluster || !node) {
    // A join still pending in the background: it is simply abandoned.
    dropMembership(ctx, machine, undefined);
    return undefined;
  }
  if (node.role === 'manager' && !force) {
    const managers = managersOf(cluster);
    const reachable = managers.filter((n) => nodeReady(ctx, cluster, n)).length;
    return daemonError(leaveManagerWarning(reachable, managers.length - reachable));
  }
  ctx.clock.advance(400);
  withAgentStopped(ctx, machine, () => removeNodeTaskContainers(ctx, machine, node.id));
  dropMembership(ctx, machine, cluster);
  node.left = true;
  if (node.leader) {
    node.leader = false;
    electLeader(ctx, cluster);
  }
  touch(ctx, cluster, node);
  reconcileAll(ctx, cluster); // its tasks are rescheduled elsewhere
  log(ctx, machine, 'Node left the swarm', `node.id=${node.id}`);
  return undefined;
}
