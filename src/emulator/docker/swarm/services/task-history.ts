/**
 * What happens to tasks over time (swarmkit manager/orchestrator/update and
 * taskreaper, for reconcile.ts): shutting one down, replacing one made from
 * an older spec at the pace of the service's UpdateConfig, and trimming a
 * slot's history.
 */
import type { LabCtx } from '../../../world/ctx';
import type { ClusterState } from '../state';
import type { SwarmService, SwarmTask } from './types';
import { serviceStore, tasksOf } from './store';
import { stopTaskContainer } from './task-container';

/** Stops a task (`remove`: deletes it and its container, as a scale down does), keeping how it ended if it did by itself. */
export function shutdown(ctx: LabCtx, task: SwarmTask, remove: boolean, cluster: ClusterState): void {
  // Desired first: the container's exit is then the orchestrator's doing, not a failure (task-exit.ts).
  task.desired = 'shutdown';
  if (task.state === 'running' || remove) stopTaskContainer(ctx, task, remove);
  if (task.state !== 'rejected' && task.state !== 'failed' && task.state !== 'complete') {
    task.state = 'shutdown';
    task.stateAt = ctx.clock.now();
  }
  if (remove) delete serviceStore(cluster).tasks[task.id];
}

/**
 * The updater (swarmkit manager/orchestrator/update): a task made from an
 * older spec is replaced in its slot, one slot at a time, old task first
 * (UpdateConfig parallelism 1, order stop-first) — so the replacement is
 * placed while the other slots still run, and usually lands where the old
 * one ran. Returns the task that stays, if any; a pending task just takes
 * the new spec.
 */
export function outdated(ctx: LabCtx, cluster: ClusterState, service: SwarmService, task: SwarmTask | undefined): SwarmTask | undefined {
  if (!task || task.specIndex === service.specIndex) return task;
  if (task.state === 'pending') {
    task.image = service.spec.image;
    task.specIndex = service.specIndex;
    return task;
  }
  shutdown(ctx, task, false, cluster);
  return undefined;
}

/**
 * A rolling update's pace (UpdateConfig): `parallelism` tasks at a time (0:
 * all at once), then `--update-delay` of lab time before the next batch.
 */
export class UpdateBatches {
  private inBatch = 0;

  constructor(private readonly ctx: LabCtx, private readonly service: SwarmService) {}

  next(): void {
    const { parallelism, delayMs } = this.service.spec.update ?? { parallelism: 1, delayMs: 0 };
    if (parallelism > 0 && this.inBatch === parallelism) {
      this.ctx.clock.advance(delayMs);
      this.inBatch = 0;
    }
    this.inBatch++;
  }
}

/** The swarm's default TaskHistoryRetentionLimit (`docker swarm init --task-history-limit`, 5). */
const TASK_HISTORY_LIMIT = 5;

/**
 * The task reaper (swarmkit manager/orchestrator/taskreaper): a slot (or a
 * global service's node) keeps its newest tasks up to the retention limit;
 * older finished ones are deleted, and their containers with them.
 */
export function reapHistory(ctx: LabCtx, cluster: ClusterState, service: SwarmService): void {
  const groups = new Map<string, SwarmTask[]>();
  for (const t of tasksOf(cluster, service.id)) {
    const key = t.slot > 0 ? String(t.slot) : t.nodeId;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  for (const list of groups.values()) {
    if (list.length <= TASK_HISTORY_LIMIT) continue;
    const old = list.sort((a, b) => b.createdAt - a.createdAt).slice(TASK_HISTORY_LIMIT).filter((t) => t.desired === 'shutdown');
    for (const t of old) shutdown(ctx, t, true, cluster);
  }
}
