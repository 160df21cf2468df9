/**
 * The swarm across a dockerd restart: the node stays a member (its state
 * is on disk), but its sockets and the ingress sandbox go with the process
 * and come back when it starts again — with the same ingress address, which
 * the managers keep for the node. While the daemon is down, managers see
 * the node Down (its heartbeats stop).
 */
import type { LabCtx } from '../../world/ctx';
import { clusterOf, nodeOf } from './store';
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
  if (cluster) reconcileAll(ctx, cluster);
}
