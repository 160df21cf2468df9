/** `docker service ls [-q] [--format] [-f name=|id=|mode=]` (docker/cli cli/command/service/list.go). */
import type { CommandContext } from '../../types';
import type { DockerCommand } from '../cli/command';
import type { Flags } from '../cli/flags';
import { LIST_FLAGS, writeList } from '../cli/list-output';
import type { SwarmService } from '../../../docker/swarm/services/types';
import { printDaemonError } from '../cli/command';
import { allServices } from '../../../docker/swarm/services/store';
import { managedCluster } from './refs';
import { SERVICE_HEADERS, SERVICE_TABLE, serviceRow, sortedServices } from './rows';

const ACCEPTED = ['id', 'label', 'mode', 'name'];

function filterOf(values: string[]): ((s: SwarmService) => boolean) | string {
  const tests: ((s: SwarmService) => boolean)[] = [];
  for (const v of values) {
    const eq = v.indexOf('=');
    if (eq < 0) return 'bad format of filter (expected name=value)';
    const key = v.slice(0, eq).toLowerCase();
    const val = v.slice(eq + 1);
    if (!ACCEPTED.includes(key)) return `invalid filter '${key}'`;
    if (key === 'id') tests.push((s) => s.id.startsWith(val));
    if (key === 'name') tests.push((s) => s.spec.name.startsWith(val));
    if (key === 'mode') tests.push((s) => s.spec.mode === val);
    // Services carry no labels in the lab (create has no --label): a label filter matches none.
    if (key === 'label') tests.push(() => false);
  }
  return (s) => tests.every((t) => t(s));
}

function run(ctx: CommandContext, flags: Flags): number {
  const filter = filterOf(flags.list('filter'));
  if (typeof filter === 'string') return printDaemonError(ctx, filter);
  const cluster = managedCluster(ctx);
  if (typeof cluster === 'number') return cluster;
  const rows = sortedServices(allServices(cluster).filter(filter)).map((s) => serviceRow(cluster, s, false));
  return writeList(ctx, flags, SERVICE_TABLE, rows, SERVICE_HEADERS);
}

export const serviceLs: DockerCommand = {
  path: ['service', 'ls'],
  aliases: [['service', 'list']],
  use: 'service ls [OPTIONS]',
  short: 'List services',
  flags: LIST_FLAGS,
  args: { kind: 'none' },
  run,
};
