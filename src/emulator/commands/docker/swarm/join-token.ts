/**
 * `docker swarm join-token [-q] [--rotate] (worker|manager)` (docker/cli
 * cli/command/swarm/join_token.go). The join command names the manager the
 * CLI talks to (its ManagerStatus.Addr).
 */
import type { CommandContext } from '../../types';
import type { DockerCommand } from '../cli/command';
import type { Flags } from '../cli/flags';
import { joinToken, tokenSecret } from '../../../docker/swarm/ids';
import { MANAGER_PORT } from '../../../docker/swarm/membership';
import { nodeOf, touch } from '../../../docker/swarm/store';
import { labCtx, machineOf } from '../engine-access';
import { managedCluster } from './access';

function run(ctx: CommandContext, flags: Flags): number {
  const role = flags.args[0];
  if (role !== 'worker' && role !== 'manager') {
    ctx.stderr(`unknown role ${role}\n`);
    return 1;
  }
  const cluster = managedCluster(ctx);
  if (typeof cluster === 'number') return cluster;
  const quiet = flags.bool('quiet');
  if (flags.bool('rotate')) {
    const lctx = labCtx(ctx);
    if (role === 'worker') cluster.workerSecret = tokenSecret(lctx.rng);
    else cluster.managerSecret = tokenSecret(lctx.rng);
    touch(lctx, cluster);
    if (!quiet) ctx.stdout(`Successfully rotated ${role} join token.\n\n`);
  }
  const token = joinToken(cluster, role);
  if (quiet) {
    ctx.stdout(token + '\n');
    return 0;
  }
  const self = nodeOf(labCtx(ctx), machineOf(ctx))!;
  ctx.stdout(`To add a ${role} to this swarm, run the following command:\n\n    docker swarm join --token ${token} ${self.addr}:${MANAGER_PORT}\n\n`);
  return 0;
}

export const swarmJoinToken: DockerCommand = {
  path: ['swarm', 'join-token'],
  use: 'swarm join-token [OPTIONS] (worker|manager)',
  short: 'Manage join tokens',
  flags: [
    { long: 'quiet', short: 'q', type: 'bool', help: 'Only display token' },
    { long: 'rotate', type: 'bool', help: 'Rotate join token' },
  ],
  args: { kind: 'exact', n: 1 },
  run,
};
