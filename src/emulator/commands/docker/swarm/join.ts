/**
 * `docker swarm join [OPTIONS] HOST:PORT` (docker/cli cli/command/swarm/join.go).
 * The daemon really dials the manager (docker/swarm/join.ts); when nothing
 * answers, the CLI waits out the daemon's 20 s before printing the timeout
 * error (Ctrl-C stops the wait; the join goes on in the background).
 */
import type { CommandContext } from '../../types';
import type { DockerCommand } from '../cli/command';
import type { Flags } from '../cli/flags';
import type { NodeAvailability } from '../../../docker/swarm/state';
import { printDaemonError } from '../cli/command';
import { isDaemonError } from '../../../docker/errors';
import { JOIN_TIMEOUT_MS, joinSwarm } from '../../../docker/swarm/join';
import { ERR_JOIN_TIMEOUT } from '../../../docker/swarm/errors';
import { labCtx, machineOf } from '../engine-access';
import { settle } from './access';

/** The CLI's own check of --availability (undefined when not given, null after printing the error). */
export function availabilityOf(ctx: CommandContext, flags: Flags): NodeAvailability | undefined | null {
  if (!flags.has('availability')) return undefined;
  const given = flags.string('availability') ?? '';
  const v = given.toLowerCase();
  if (v === 'active' || v === 'pause' || v === 'drain') return v;
  ctx.stderr(`invalid availability "${given}", only active, pause and drain are supported\n`);
  return null;
}

async function run(ctx: CommandContext, flags: Flags): Promise<number> {
  settle(ctx);
  const availability = availabilityOf(ctx, flags);
  if (availability === null) return 1;
  const r = joinSwarm(labCtx(ctx), machineOf(ctx), {
    token: flags.string('token') ?? '', remote: flags.args[0], advertiseAddr: flags.string('advertise-addr'), availability,
  });
  if (isDaemonError(r)) return printDaemonError(ctx, r.daemonError);
  if ('timeout' in r) {
    if (!(await ctx.sleep(JOIN_TIMEOUT_MS))) return 130;
    return printDaemonError(ctx, ERR_JOIN_TIMEOUT);
  }
  ctx.stdout(`This node joined a swarm as a ${r.role}.\n`);
  return 0;
}

export const swarmJoin: DockerCommand = {
  path: ['swarm', 'join'],
  use: 'swarm join [OPTIONS] HOST:PORT',
  short: 'Join a swarm as a node and/or manager',
  flags: [
    { long: 'advertise-addr', type: 'string', help: 'Advertised address (format: "<ip|interface>[:port]")' },
    { long: 'availability', type: 'string', help: 'Availability of the node ("active", "pause", "drain")', defaultText: '"active"' },
    { long: 'data-path-addr', type: 'string', help: 'Address or interface to use for data path traffic (format: "<ip|interface>")' },
    { long: 'listen-addr', type: 'string', value: 'node-addr', help: 'Listen address (format: "<ip|interface>[:port]")', defaultText: '0.0.0.0:2377' },
    { long: 'token', type: 'string', help: 'Token for entry into the swarm' },
  ],
  args: { kind: 'exact', n: 1 },
  run,
};
