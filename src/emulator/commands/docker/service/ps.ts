/**
 * `docker service ps [OPTIONS] SERVICE [SERVICE...]` (docker/cli
 * cli/command/service/ps.go): the tasks of the services, history included;
 * `-f desired-state=running` keeps the current ones (taskFilter). An unknown service:
 * `no such service: web`.
 */
import type { CommandContext } from '../../types';
import type { DockerCommand } from '../cli/command';
import type { FlagSpec, Flags } from '../cli/flags';
import { writeList } from '../cli/list-output';
import type { SwarmService, SwarmTask } from '../../../docker/swarm/services/types';
import type { ClusterState } from '../../../docker/swarm/state';
import { isDaemonError } from '../../../docker/errors';
import { taskName } from '../../../docker/swarm/services/store';
import { resolveNode } from '../node/refs';
import { labCtx } from '../engine-access';
import { lookupService, managedCluster } from './refs';
import { orderedTasks, TASK_HEADERS, TASK_TABLE, taskRow } from './rows';

const TASK_FILTERS = ['desired-state', 'id', 'name', 'node'];

/**
 * `-f desired-state=running|shutdown|accepted`, `id=` and `name=` (prefixes
 * of the task's ID and of its full name `web.1.<id>`), `node=` (a hostname
 * or node ID, which the daemon resolves; `self` the CLI does) — values of one
 * key ORed, keys ANDed (daemon/cluster/filters.go newListTasksFilters).
 * Used by `service ps` and `node ps`.
 */
export function taskFilter(ctx: CommandContext, cluster: ClusterState, values: string[]): ((t: SwarmTask) => boolean) | string {
  const wanted = new Map<string, string[]>();
  for (const v of values) {
    const eq = v.indexOf('=');
    if (eq < 0) return 'bad format of filter (expected name=value)';
    const [key, val] = [v.slice(0, eq), v.slice(eq + 1)];
    if (!TASK_FILTERS.includes(key)) return `invalid filter '${key}'`;
    if (key === 'desired-state' && !['running', 'shutdown', 'accepted'].includes(val)) return `Invalid desired-state filter: '${val}'`;
    let value = val;
    if (key === 'node') {
      const node = resolveNode(ctx, cluster, val);
      if (isDaemonError(node)) return node.daemonError;
      value = node.id;
    }
    wanted.set(key, [...(wanted.get(key) ?? []), value]);
  }
  const any = (key: string, test: (v: string) => boolean) => !wanted.has(key) || wanted.get(key)!.some(test);
  return (t) => {
    const service = cluster.services?.services[t.serviceId];
    const full = service ? `${taskName(service, t)}.${t.id}` : t.id;
    return any('desired-state', (v) => v === t.desired) && any('id', (v) => t.id.startsWith(v)) && any('name', (v) => full.startsWith(v)) && any('node', (v) => v === t.nodeId);
  };
}

function run(ctx: CommandContext, flags: Flags): number {
  const cluster = managedCluster(ctx);
  if (typeof cluster === 'number') return cluster;
  const filter = taskFilter(ctx, cluster, flags.list('filter'));
  if (typeof filter === 'string') {
    ctx.stderr(`Error response from daemon: ${filter}\n`);
    return 1;
  }
  const services: SwarmService[] = [];
  for (const ref of flags.args) {
    const s = lookupService(cluster, ref);
    if (typeof s === 'string') {
      ctx.stderr(`no such service: ${ref}\n`);
      return 1;
    }
    services.push(s);
  }
  const noTrunc = flags.bool('no-trunc');
  const o = { noTrunc, noResolve: flags.bool('no-resolve') };
  const rows = services.flatMap((s) => orderedTasks(cluster, s).filter((x) => filter(x.task)).map((x) => taskRow(labCtx(ctx), cluster, s, x.task, x.history, o)));
  return writeTaskTable(ctx, flags, rows);
}

/** The task table of `service ps` and `node ps` (task/print.go): the default table, --format or -q. */
export function writeTaskTable(ctx: CommandContext, flags: Flags, rows: Record<string, unknown>[]): number {
  return writeList(ctx, flags, TASK_TABLE, rows, TASK_HEADERS);
}

/** The options `service ps` and `node ps` share. */
export const TASK_LIST_FLAGS: FlagSpec[] = [
  { long: 'filter', short: 'f', type: 'list', value: 'filter', help: 'Filter output based on conditions provided' },
  { long: 'format', type: 'string', help: 'Pretty-print tasks using a Go template' },
  { long: 'no-resolve', type: 'bool', help: 'Do not map IDs to Names' },
  { long: 'no-trunc', type: 'bool', help: 'Do not truncate output' },
  { long: 'quiet', short: 'q', type: 'bool', help: 'Only display task IDs' },
];

export const servicePs: DockerCommand = {
  path: ['service', 'ps'],
  use: 'service ps [OPTIONS] SERVICE [SERVICE...]',
  short: 'List the tasks of one or more services',
  flags: TASK_LIST_FLAGS,
  args: { kind: 'min', n: 1 },
  run,
};
