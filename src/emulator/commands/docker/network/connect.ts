/**
 * `docker network connect [--alias A] [--ip IP] NETWORK CONTAINER`
 * (docker/cli cli/command/network/connect.go; prints nothing on success).
 * The API router resolves the network first, then the container
 * (moby api/server/router/network postNetworkConnect), so a missing network
 * is reported before a missing container. The engine side is
 * docker/network-connect.ts.
 */
import type { CommandContext } from '../../types';
import type { DockerCommand } from '../cli/command';
import type { Flags } from '../cli/flags';
import { printDaemonError } from '../cli/command';
import { isDaemonError } from '../../../docker/errors';
import { findContainer, findNetwork } from '../../../docker/lookup';
import { connectContainer } from '../../../docker/network-connect';
import { parseIP, ipString } from '../../../docker/ports/go-ipnet';
import { daemonOf, labCtx, machineOf } from '../engine-access';

/** pflag IPVar: net.ParseIP of the trimmed value. */
function validateIp(value: string): string | undefined {
  return parseIP(value.trim()) ? undefined : `invalid string being converted to IP address: ${value}`;
}

/** pflag StringSlice: each occurrence is one CSV record. */
function sliceValues(values: string[]): string[] {
  return values.flatMap((v) => (v === '' ? [] : v.split(',')));
}

function run(ctx: CommandContext, flags: Flags): number {
  const [netRef, containerRef] = flags.args;
  const badOpt = sliceValues(flags.list('driver-opt')).find((o) => !o.includes('=') || o.split('=')[0].trim() === '');
  if (badOpt !== undefined) {
    ctx.stderr('invalid key/value pair format in driver options\n');
    return 1;
  }
  const docker = daemonOf(ctx);
  const net = findNetwork(docker, netRef);
  if (isDaemonError(net)) return printDaemonError(ctx, net.daemonError);
  const c = findContainer(docker, containerRef);
  if (isDaemonError(c)) return printDaemonError(ctx, c.daemonError);
  const ip = flags.string('ip');
  const parsedIp = ip ? parseIP(ip.trim()) : undefined;
  const err = connectContainer(labCtx(ctx), machineOf(ctx), c, net, {
    aliases: sliceValues(flags.list('alias')),
    ip: parsedIp ? ipString(parsedIp) : undefined,
  });
  return err ? printDaemonError(ctx, err.daemonError) : 0;
}

export const networkConnect: DockerCommand = {
  path: ['network', 'connect'],
  use: 'network connect [OPTIONS] NETWORK CONTAINER',
  short: 'Connect a container to a network',
  flags: [
    { long: 'alias', type: 'list', value: 'strings', help: 'Add network-scoped alias for the container' },
    { long: 'driver-opt', type: 'list', value: 'strings', help: 'driver options for the network' },
    { long: 'gw-priority', type: 'int', help: 'Highest gw-priority provides the default gateway. Accepts positive and negative values.' },
    { long: 'ip', type: 'string', value: 'ip', help: 'IPv4 address (e.g., "172.30.100.104")', validate: validateIp },
  ],
  args: { kind: 'exact', n: 2 },
  run,
};
