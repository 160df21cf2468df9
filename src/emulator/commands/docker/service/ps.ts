/**
 * `docker service ps [OPTIONS] SERVICE [SERVICE...]` (docker/cli
 * cli/command/service/ps.go): the tasks of the services, history included;
 * `-f desired-state=running` keeps the current ones. An unknown service:
 * `no such service: web`.
 */
import type { CommandContext } from '../../types';
import type { DockerCommand } from '../cli/command';
import type { FlagSpec, Flags } from '../cli/flags';
import type { SwarmService, SwarmTask } from '../../../docker/swarm/services/types';
import { formatList } from '../../../docker/format/table';
import { labCtx } from '../engine-access';
import { lookupService, managedCluster } from './refs';
import { orderedTasks, TASK_HEADERS, TASK_TABLE, taskRow } from './rows';

/** `-f desired-state=running|shutdown|accepted` (the one filter the lab models; node ps uses it too). */
export function desiredFilter(values: string[]): ((t: SwarmTask) => boolean) | string {
  const wanted: string[] = [];
  for (const v of values) {
    const [key, val] = v.split('=');
    if (val === undefined) return 'bad format of filter (expected name=value)';
    if (key !== 'desired-state') return `invalid filter '${key}'`;
    if (!['running', 'shutdown', 'accepted'].includes(val)) return `Invalid desired-state filter: '${val}'`;
    wanted.push(val);
  }
  return (t) => !wanted.length || wanted.includes(t.desired);
}

function run(ctx: CommandContext, flags: Flags): number {
  const cluster = managedCluster(ctx);
  if (typeof cluster === 'number') return cluster;
  const filter = desiredFilter(flags.list('filter'));
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
  const rows = services.flatMap((s) => orderedTasks(cluster, s).filter((x) => filter(x.task)).map((x) => taskRow(labCtx(ctx), s, x.task, x.history, noTrunc)));
  return writeTaskTable(ctx, flags, rows);
}

/** The task table of `service ps` and `node ps` (task/print.go): the default table, --format or -q. */
export function writeTaskTable(ctx: CommandContext, flags: Flags, rows: Record<string, unknown>[]): number {
  const format = flags.string('format') || (flags.bool('quiet') ? '{{.ID}}' : undefined);
  const out = formatList(format, TASK_TABLE, rows, TASK_HEADERS);
  if (!out.ok) {
    ctx.stderr(out.error + '\n');
    return 1;
  }
  ctx.stdout(out.text);
  return 0;
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
