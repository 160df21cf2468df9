/**
 * `docker service logs [OPTIONS] SERVICE|TASK` (docker/cli cli/command/
 * service/logs.go): every task's container log, each line prefixed with
 * `<service>.<slot>.<task id[:12]>@<node>`, padded so that slots line up
 * (one space per digit the slot has fewer than the replica count), then
 * `    | `. The task name is `%s.%d` of the slot even for a global task
 * (slot 0). A reference that is neither a service nor a task: `no such task
 * or service: web`.
 */
import type { CommandContext } from '../../types';
import type { DockerCommand } from '../cli/command';
import type { Flags } from '../cli/flags';
import type { ClusterState } from '../../../docker/swarm/state';
import type { SwarmService, SwarmTask } from '../../../docker/swarm/services/types';
import { findService, tasksOf } from '../../../docker/swarm/services/store';
import { isDaemonError } from '../../../docker/errors';
import { labCtx } from '../engine-access';
import { managedCluster } from './refs';

/** The service's tasks, or the one task named (by ID or a unique ID prefix), with the padding width. */
function target(cluster: ClusterState, ref: string): { service: SwarmService; tasks: SwarmTask[]; width: number } | undefined {
  const s = findService(cluster, ref);
  if (!isDaemonError(s)) return { service: s, tasks: tasksOf(cluster, s.id), width: s.spec.mode === 'replicated' ? String(s.spec.replicas).length : 1 };
  const all = Object.values(cluster.services?.tasks ?? {});
  const byPrefix = ref ? all.filter((t) => t.id.startsWith(ref)) : [];
  const task = all.find((t) => t.id === ref) ?? (byPrefix.length === 1 ? byPrefix[0] : undefined);
  const service = task ? cluster.services?.services[task.serviceId] : undefined;
  return task && service ? { service, tasks: [task], width: String(task.slot).length } : undefined;
}

function prefix(flags: Flags, s: SwarmService, task: SwarmTask, width: number): string {
  if (flags.bool('raw')) return '';
  const id = flags.bool('no-task-ids') ? '' : `.${flags.bool('no-trunc') ? task.id : task.id.slice(0, 12)}`;
  const pad = ' '.repeat(Math.max(0, width - String(task.slot).length));
  return `${s.spec.name}.${task.slot}${id}@${task.hostname}${pad}    | `;
}

function run(ctx: CommandContext, flags: Flags): number {
  const cluster = managedCluster(ctx);
  if (typeof cluster === 'number') return cluster;
  const found = target(cluster, flags.args[0]);
  if (!found) {
    ctx.stderr(`no such task or service: ${flags.args[0]}\n`);
    return 1;
  }
  const lctx = labCtx(ctx);
  const lines: { t: number; text: string; stream: 'stdout' | 'stderr' }[] = [];
  for (const task of found.tasks) {
    const c = task.containerId ? lctx.state.machines[task.hostname]?.docker?.containers[task.containerId] : undefined;
    if (!c) continue;
    const head = prefix(flags, found.service, task, found.width);
    for (const l of c.logs) lines.push({ t: l.t, stream: l.stream, text: head + l.line });
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
