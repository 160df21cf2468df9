/** `docker swarm leave [-f]` (docker/cli cli/command/swarm/leave.go): "Node left the swarm." */
import type { CommandContext } from '../../types';
import type { DockerCommand } from '../cli/command';
import type { Flags } from '../cli/flags';
import { printDaemonError } from '../cli/command';
import { leaveSwarm } from '../../../docker/swarm/leave';
import { labCtx, machineOf } from '../engine-access';
import { settle } from './access';

function run(ctx: CommandContext, flags: Flags): number {
  settle(ctx);
  const err = leaveSwarm(labCtx(ctx), machineOf(ctx), flags.bool('force'));
  if (err) return printDaemonError(ctx, err.daemonError);
  ctx.stdout('Node left the swarm.\n');
  return 0;
}

export const swarmLeave: DockerCommand = {
  path: ['swarm', 'leave'],
  use: 'swarm leave [OPTIONS]',
  short: 'Leave the swarm',
  flags: [{ long: 'force', short: 'f', type: 'bool', help: 'Force this node to leave the swarm, ignoring warnings' }],
  args: { kind: 'none' },
  run,
};
