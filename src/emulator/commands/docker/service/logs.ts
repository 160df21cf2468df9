/**
 * `docker service logs [OPTIONS] SERVICE|TASK` (docker/cli cli/command/
 * service/logs.go): every task's container log, each line prefixed with
 * `<service>.<slot>.<task id[:12]>@<node>`, padded so that slots line up
 * (one space per digit the slot has fewer than the replica count), then
 * `    | `. The task name is `%s.%d` of the slot even for a global task
 * (slot 0). A reference that is neither a service nor a task: `no such task
 * or service: web`. -t puts each line's time first; --tail counts per task;
 * -f goes on with what the tasks (new ones too) log, until Ctrl-C.
 */
import type { CommandContext } from '../../types';
import type { DockerCommand } from '../cli/command';
import type { Flags } from '../cli/flags';
import type { ClusterState } from '../../../docker/swarm/state';
import type { SwarmService, SwarmTask } from '../../../docker/swarm/services/types';
import { findService, tasksOf } from '../../../docker/swarm/services/store';
import { isDaemonError } from '../../../docker/errors';
import type { ContainerState } from '../../../docker/state';
import { labCtx } from '../engine-access';
import { follow } from '../../follow/wait';
import { stamp, tailCount } from '../container/logs';
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

type Entry = ContainerState['logs'][number];

/** Each task's container log from `shown[task]` on, merged by time; `shown` moves to the end. */
function newLines(ctx: CommandContext, flags: Flags, cluster: ClusterState, ref: string, shown: Map<string, number>): { t: number; text: string; stream: Entry['stream'] }[] {
  const found = target(cluster, ref);
  if (!found) return [];
  const lctx = labCtx(ctx);
  const lines: { t: number; text: string; stream: Entry['stream'] }[] = [];
  for (const task of found.tasks) {
    const c = task.containerId ? lctx.state.machines[task.hostname]?.docker?.containers[task.containerId] : undefined;
    if (!c) continue;
    const head = prefix(flags, found.service, task, found.width);
    // --tail applies to each task's log, as the daemon reads each container's.
    const from = shown.get(task.id) ?? c.logs.length - tailCount(flags.string('tail'), c.logs.length);
    for (let i = from; i < c.logs.length; i++) {
      const stampText = flags.bool('timestamps') ? stamp(c.logs[i], i) : '';
      lines.push({ t: c.logs[i].t, stream: c.logs[i].stream, text: stampText + head + c.logs[i].line });
    }
    shown.set(task.id, c.logs.length);
  }
  return lines.sort((a, b) => a.t - b.t);
}

async function run(ctx: CommandContext, flags: Flags): Promise<number> {
  const cluster = managedCluster(ctx);
  if (typeof cluster === 'number') return cluster;
  const ref = flags.args[0];
  if (!target(cluster, ref)) {
    ctx.stderr(`no such task or service: ${ref}\n`);
    return 1;
  }
  const shown = new Map<string, number>();
  const flush = () => {
    for (const l of newLines(ctx, flags, cluster, ref, shown)) (l.stream === 'stderr' ? ctx.stderr : ctx.stdout)(l.text + '\n');
  };
  if (!flags.bool('follow')) {
    flush();
    return 0;
  }
  // -f: new lines of every task, new tasks included, until Ctrl-C or the service is removed.
  const interrupted = await follow(ctx, flush, () => !target(cluster, ref));
  return interrupted ? 130 : 0;
}

export const serviceLogs: DockerCommand = {
  path: ['service', 'logs'],
  use: 'service logs [OPTIONS] SERVICE|TASK',
  short: 'Fetch the logs of a service or task',
  flags: [
    { long: 'follow', short: 'f', type: 'bool', help: 'Follow log output' },
    { long: 'no-task-ids', type: 'bool', help: 'Do not include task IDs in output' },
    { long: 'no-trunc', type: 'bool', help: 'Do not truncate output' },
    { long: 'raw', type: 'bool', help: 'Do not neatly format logs' },
    { long: 'tail', short: 'n', type: 'string', help: 'Number of lines to show from the end of the logs', defaultText: '"all"' },
    { long: 'timestamps', short: 't', type: 'bool', help: 'Show timestamps' },
  ],
  args: { kind: 'exact', n: 1 },
  run,
};
