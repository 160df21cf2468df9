/**
 * `docker node rm [-f] NODE...` (docker/cli cli/command/node/remove.go):
 * prints each node as given; errors are collected and printed at the end.
 */
import type { CommandContext } from '../../types';
import type { DockerCommand } from '../cli/command';
import type { Flags } from '../cli/flags';
import { isDaemonError } from '../../../docker/errors';
import { removeNode } from '../../../docker/swarm/nodes';
import { labCtx } from '../engine-access';
import { managedCluster } from '../swarm/access';
import { resolveNode } from './refs';

function run(ctx: CommandContext, flags: Flags): number {
  const cluster = managedCluster(ctx);
  if (typeof cluster === 'number') return cluster;
  const errors: string[] = [];
  for (const ref of flags.args) {
    const node = resolveNode(ctx, cluster, ref);
    const err = isDaemonError(node) ? node : removeNode(labCtx(ctx), cluster, node, flags.bool('force'));
    if (err) errors.push(`Error response from daemon: ${err.daemonError}`);
    else ctx.stdout(ref + '\n');
  }
  if (!errors.length) return 0;
  ctx.stderr(errors.join('\n') + '\n');
  return 1;
}

export const nodeRm: DockerCommand = {
  path: ['node', 'rm'],
  aliases: [['node', 'remove']],
  use: 'node rm [OPTIONS] NODE [NODE...]',
  short: 'Remove one or more nodes from the swarm',
  flags: [{ long: 'force', short: 'f', type: 'bool', help: 'Force remove a node from the swarm' }],
  args: { kind: 'min', n: 1 },
  run,
};
