/**
 * `docker node promote` / `demote` (docker/cli cli/command/node/promote.go,
 * demote.go): each node in turn; one already in that role is reported and
 * skipped; the first error stops the command.
 */
import type { CommandContext } from '../../types';
import type { DockerCommand } from '../cli/command';
import type { Flags } from '../cli/flags';
import type { NodeRole } from '../../../docker/swarm/state';
import { printDaemonError } from '../cli/command';
import { isDaemonError } from '../../../docker/errors';
import { setRole } from '../../../docker/swarm/nodes';
import { labCtx } from '../engine-access';
import { managedCluster } from '../swarm/access';
import { resolveNode } from './refs';

function changeRoles(ctx: CommandContext, refs: string[], role: NodeRole): number {
  const cluster = managedCluster(ctx);
  if (typeof cluster === 'number') return cluster;
  for (const ref of refs) {
    const node = resolveNode(ctx, cluster, ref);
    if (isDaemonError(node)) return printDaemonError(ctx, node.daemonError);
    if (node.role === role) {
      ctx.stdout(role === 'manager' ? `Node ${node.id} is already a manager.\n` : `Node ${node.id} is already a worker.\n`);
      continue;
    }
    const err = setRole(labCtx(ctx), cluster, node, role);
    if (err) return printDaemonError(ctx, err.daemonError);
    ctx.stdout(role === 'manager' ? `Node ${ref} promoted to a manager in the swarm.\n` : `Manager ${ref} demoted in the swarm.\n`);
  }
  return 0;
}

export const nodePromote: DockerCommand = {
  path: ['node', 'promote'],
  use: 'node promote NODE [NODE...]',
  short: 'Promote one or more nodes to manager in the swarm',
  flags: [],
  args: { kind: 'min', n: 1 },
  run: (ctx: CommandContext, flags: Flags) => changeRoles(ctx, flags.args, 'manager'),
};

export const nodeDemote: DockerCommand = {
  path: ['node', 'demote'],
  use: 'node demote NODE [NODE...]',
  short: 'Demote one or more nodes from manager in the swarm',
  flags: [],
  args: { kind: 'min', n: 1 },
  run: (ctx: CommandContext, flags: Flags) => changeRoles(ctx, flags.args, 'worker'),
};
