/**
 * A task's container that ends by itself — `docker stop` or `docker rm -f`
 * on the node, a process that exits — is a task that ended while it should
 * run (the executor watches the container's events and reports it): the
 * task becomes `Complete` (exit 0) or `Failed` with `task: non-zero exit
 * (137)`, and the orchestrator starts a replacement in its slot (restart
 * condition `any`; swarmkit waits the 5 s restart delay, the lab does not).
 *
 * Exits the swarm causes itself are not failures: the orchestrator marks a
 * task for shutdown before it stops the container, and a node's agent is
 * stopped before its daemon stops its containers or the node leaves.
 */
import type { LabCtx } from '../../../world/ctx';
import type { ContainerState } from '../../state';
import type { SwarmTask } from './types';
import { peek } from '../../../core/raw-view';
import { clusterOf } from '../store';
import { inPass, reconcileService } from './reconcile';
import { syncLoadBalancers } from './lb';

/** Daemons whose swarm agent has stopped (not state: it lasts while one command stops the daemon or leaves). */
const stopped = new WeakSet<object>();

/** Runs `change` with the node's agent stopped: the containers it ends are not reported as failed tasks. */
export function withAgentStopped(ctx: LabCtx, machine: string, change: () => void): void {
  const key = peek(ctx.docker(machine));
  stopped.add(key);
  try {
    change();
  } finally {
    stopped.delete(key);
  }
}

export function taskContainerExited(ctx: LabCtx, machine: string, c: ContainerState): void {
  const taskId = c.cli?.labels['com.docker.swarm.task.id'];
  if (!taskId || stopped.has(peek(ctx.docker(machine)))) return;
  const cluster = clusterOf(ctx, machine);
  const task = cluster?.services?.tasks[taskId];
  if (!cluster || !task || task.desired !== 'running' || task.state !== 'running') return;
  markEnded(ctx, task, c.exitCode);
  const service = cluster.services?.services[task.serviceId];
  // During a pass (a task failing as it starts), the next pass replaces it.
  if (!service || inPass(cluster)) return;
  reconcileService(ctx, cluster, service);
  syncLoadBalancers(ctx, cluster);
}

/** The task ended by itself with `exitCode`: Complete (0) or Failed, and no longer wanted (a new one takes its slot). */
export function markEnded(ctx: LabCtx, task: SwarmTask, exitCode: number): void {
  task.state = exitCode === 0 ? 'complete' : 'failed';
  task.error = exitCode === 0 ? '' : `task: non-zero exit (${exitCode})`;
  task.desired = 'shutdown';
  task.stateAt = ctx.clock.now();
}
