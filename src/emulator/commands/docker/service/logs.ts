/**
 * `docker service logs [OPTIONS] SERVICE|TASK` (docker/cli cli/command/
 * service/logs.go): every task's container log, each line prefixed with
 * `<service>.<slot>.<task id[:12]>@<node>` and ` | `. NOT FOUND: the exact
 * padding between the prefix and the bar (logs.go pads to the longest
 * prefix); the lab pads with four spaces, as published transcripts of
 * one-node services show.
 */
import type { CommandContext } from '../../types';
import type { DockerCommand } from '../cli/command';
import type { Flags } from '../cli/flags';
import { printDaemonError } from '../cli/command';
import { taskName, tasksOf } from '../../../docker/swarm/services/store';
import { labCtx } from '../engine-access';
import { lookupService, managedCluster } from './refs';

function run(ctx: CommandContext, flags: Flags): number {
  const cluster = managedCluster(ctx);
  if (typeof cluster === 'number') return cluster;
  const s = lookupService(cluster, flags.args[0]);
  if (typeof s === 'string') return printDaemonError(ctx, s);
  const lctx = labCtx(ctx);
  const lines: { t: number; text: string; stream: 'stdout' | 'stderr' }[] = [];
  for (const task of tasksOf(cluster, s.id)) {
    const c = task.containerId ? lctx.state.machines[task.hostname]?.docker?.containers[task.containerId] : undefined;
    if (!c) continue;
    const id = flags.bool('no-task-ids') ? '' : `.${flags.bool('no-trunc') ? task.id : task.id.slice(0, 12)}`;
    const prefix = flags.bool('raw') ? '' : `${taskName(s, task)}${id}@${task.hostname}    | `;
    for (const l of c.logs) lines.push({ t: l.t, stream: l.stream, text: prefix + l.line });
  }
  for (const l of lines.sort((a, b) => a.t - b.t)) {
    if (l.stream === 'stderr') ctx.stderr(l.text + '\n');
    else ctx.stdout(l.text + '\n');
  }
  return 0;
}

export const serviceLogs: DockerCommand = {
  path: ['service', 'logs'],
  use: 'service logs [OPTIONS] SERVICE|TASK',
  short: 'Fetch the logs of a service or task',
  flags: [
    { long: 'no-task-ids', type: 'bool', help: 'Do not include task IDs in output' },
    { long: 'no-trunc', type: 'bool', help: 'Do not truncate output' },
    { long: 'raw', type: 'bool', help: 'Do not neatly format logs' },
  ],
  args: { kind: 'exact', n: 1 },
  run,
};
