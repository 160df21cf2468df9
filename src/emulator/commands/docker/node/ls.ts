/**
 * `docker node ls` (docker/cli cli/command/node/list.go): managers only;
 * -q IDs, --format, -f filters (id and name prefixes, role, membership —
 * moby daemon/cluster/filters.go newListNodesFilters).
 */
import type { CommandContext } from '../../types';
import type { DockerCommand } from '../cli/command';
import type { Flags } from '../cli/flags';
import { LIST_FLAGS, writeList } from '../cli/list-output';
import type { SwarmNode } from '../../../docker/swarm/state';
import { printDaemonError } from '../cli/command';
import { membershipOf } from '../../../docker/swarm/store';
import { labCtx, machineOf } from '../engine-access';
import { managedCluster } from '../swarm/access';
import { NODE_HEADERS, NODE_TABLE, nodeRow, sortedNodes } from './rows';

const ACCEPTED = ['id', 'label', 'name', 'membership', 'node.label', 'role'];

function parseFilters(values: string[]): Map<string, string[]> | string {
  const out = new Map<string, string[]>();
  for (const v of values) {
    const eq = v.indexOf('=');
    if (eq < 0) return `bad format of filter (expected name=value)`;
    const key = v.slice(0, eq).trim().toLowerCase();
    if (!ACCEPTED.includes(key)) return `invalid filter '${key}'`;
    out.set(key, [...(out.get(key) ?? []), v.slice(eq + 1)]);
  }
  return out;
}

function passes(n: SwarmNode, f: Map<string, string[]>): boolean {
  const any = (key: string, test: (v: string) => boolean) => !f.has(key) || f.get(key)!.some(test);
  return any('id', (v) => n.id.startsWith(v)) && any('name', (v) => n.hostname.startsWith(v)) && any('role', (v) => v === n.role) &&
    any('membership', (v) => v === 'accepted') && any('node.label', (v) => labelMatch(n, v)) && any('label', (v) => labelMatch(n, v));
}

function labelMatch(n: SwarmNode, v: string): boolean {
  const [k, val] = v.split('=');
  return k in n.labels && (val === undefined || n.labels[k] === val);
}

function run(ctx: CommandContext, flags: Flags): number {
  const filters = parseFilters(flags.list('filter'));
  if (typeof filters === 'string') return printDaemonError(ctx, filters);
  const cluster = managedCluster(ctx);
  if (typeof cluster === 'number') return cluster;
  const lctx = labCtx(ctx);
  const self = membershipOf(lctx, machineOf(ctx))!.nodeId;
  const rows = sortedNodes(cluster).filter((n) => passes(n, filters)).map((n) => nodeRow(lctx, cluster, n, self));
  return writeList(ctx, flags, NODE_TABLE, rows, NODE_HEADERS);
}

export const nodeLs: DockerCommand = {
  path: ['node', 'ls'],
  aliases: [['node', 'list']],
  use: 'node ls [OPTIONS]',
  short: 'List nodes in the swarm',
  flags: LIST_FLAGS,
  args: { kind: 'none' },
  run,
};
