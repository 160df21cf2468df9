/**
 * `docker node ps [OPTIONS] [NODE...]` (docker/cli cli/command/node/ps.go):
 * the tasks on the nodes named (the current node when none is), in the
 * `service ps` table; services in name order, each slot's tasks newest
 * first, an older task of the same slot under ` \_ `.
 */
import type { CommandContext } from '../../types';
import type { DockerCommand } from '../cli/command';
import type { Flags } from '../cli/flags';
import type { ClusterState, SwarmNode } from '../../../docker/swarm/state';
import type { SwarmTask } from '../../../docker/swarm/services/types';
import { isDaemonError } from '../../../docker/errors';
import { allServices } from '../../../docker/swarm/services/store';
import { managedCluster } from '../swarm/access';
import { labCtx } from '../engine-access';
import { orderedTasks, sortedServices, taskRow, type TaskRowOptions } from '../service/rows';
import { taskFilter, TASK_LIST_FLAGS, writeTaskTable } from '../service/ps';
import { resolveNode } from './refs';

function rows(ctx: CommandContext, cluster: ClusterState, nodes: SwarmNode[], keep: (t: SwarmTask) => boolean, o: TaskRowOptions): Record<string, unknown>[] {
  const ids = new Set(nodes.map((n) => n.id));
  const out: Record<string, unknown>[] = [];
  for (const s of sortedServices(allServices(cluster))) {
    let previous: string | undefined;
    for (const { task } of orderedTasks(cluster, s)) {
      if (!ids.has(task.nodeId) || !keep(task)) continue;
      // The CLI marks a task as history when the row above it has the same name (task/print.go).
      const group = `${task.slot}|${task.slot ? '' : task.nodeId}`;
      out.push(taskRow(labCtx(ctx), cluster, s, task, group === previous, o));
      previous = group;
    }
  }
  return out;
}

function run(ctx: CommandContext, flags: Flags): number {
  const cluster = managedCluster(ctx);
  if (typeof cluster === 'number') return cluster;
  const keep = taskFilter(ctx, cluster, flags.list('filter'));
  if (typeof keep === 'string') {
    ctx.stderr(`Error response from daemon: ${keep}\n`);
    return 1;
  }
  const nodes: SwarmNode[] = [];
  const errors: string[] = [];
  for (const ref of flags.args.length ? flags.args : ['self']) {
    const node = resolveNode(ctx, cluster, ref);
    if (isDaemonError(node)) errors.push(`Error response from daemon: ${node.daemonError}`);
    else nodes.push(node);
  }
  if (nodes.length && writeTaskTable(ctx, flags, rows(ctx, cluster, nodes, keep, { noTrunc: flags.bool('no-trunc'), noResolve: flags.bool('no-resolve') })) !== 0) return 1;
  if (!errors.length) return 0;
  ctx.stderr(errors.join('\n') + '\n');
  return 1;
}

export const nodePs: DockerCommand = {
  path: ['node', 'ps'],
  use: 'node ps [OPTIONS] [NODE...]',
  short: 'List tasks running on one or more nodes, defaults to current node',
  flags: TASK_LIST_FLAGS,
  args: { kind: 'any' },
  run,
};
