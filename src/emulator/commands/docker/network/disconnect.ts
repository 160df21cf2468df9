/**
 * `docker network disconnect [-f] NETWORK CONTAINER` (docker/cli
 * cli/command/network/disconnect.go; prints nothing on success). The daemon
 * (moby daemon/network.go DisconnectContainerFromNetwork) looks the
 * container up first; with -f a missing container is looked for as a stale
 * endpoint by name, which the lab never has. The engine side is
 * docker/network-connect.ts.
 */
import type { CommandContext } from '../../types';
import type { DockerCommand } from '../cli/command';
import type { Flags } from '../cli/flags';
import { printDaemonError } from '../cli/command';
import { isDaemonError } from '../../../docker/errors';
import { findContainer, findNetwork } from '../../../docker/lookup';
import { disconnectContainer } from '../../../docker/network-connect';
import { daemonOf, labCtx, machineOf } from '../engine-access';

function run(ctx: CommandContext, flags: Flags): number {
  const [netRef, containerRef] = flags.args;
  const force = flags.bool('force');
  const docker = daemonOf(ctx);
  const net = findNetwork(docker, netRef);
  const c = findContainer(docker, containerRef);
  if (isDaemonError(c)) {
    if (!force) return printDaemonError(ctx, c.daemonError);
    // ForceEndpointDelete: the network, then an endpoint named after the container.
    return printDaemonError(ctx, isDaemonError(net) ? net.daemonError : `endpoint ${containerRef} not found`);
  }
  if (isDaemonError(net) && (c.status === 'running' || c.status === 'paused') && !force) return printDaemonError(ctx, net.daemonError);
  const err = disconnectContainer(labCtx(ctx), machineOf(ctx), c, isDaemonError(net) ? undefined : net, netRef, force);
  return err ? printDaemonError(ctx, err.daemonError) : 0;
}

export const networkDisconnect: DockerCommand = {
  path: ['network', 'disconnect'],
  use: 'network disconnect [OPTIONS] NETWORK CONTAINER',
  short: 'Disconnect a container from a network',
  flags: [{ long: 'force', short: 'f', type: 'bool', help: 'Force the container to disconnect from a network' }],
  args: { kind: 'exact', n: 2 },
  run,
};
