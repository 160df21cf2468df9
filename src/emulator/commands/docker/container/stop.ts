/**
 * `docker stop [-t N] CONTAINER...`: SIGTERM, then SIGKILL after the grace
 * time (docker/container-lifecycle.ts decides who obeys SIGTERM). Stopping
 * a stopped container is not an error. Prints each name as typed.
 */
import type { CommandContext } from '../../types';
import type { Flags } from '../cli/flags';
import { stopContainer } from '../../../docker/container-lifecycle';
import { defineCommand } from './define';
import { forEachContainer } from './each';
import { labCtx, machineOf } from '../engine-access';

function stop(ctx: CommandContext, flags: Flags): Promise<number> {
  const timeout = flags.int('time', 10);
  return forEachContainer(ctx, flags.args, (c) => {
    stopContainer(labCtx(ctx), machineOf(ctx), c, timeout < 0 ? 10 : timeout);
    return undefined;
  });
}

export const stopCommands = defineCommand({
  group: 'container',
  name: 'stop',
  shortcut: 'stop',
  use: '[OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Stop one or more running containers',
  flags: [
    { long: 'signal', short: 's', type: 'string', help: 'Signal to send to the container' },
    { long: 'time', short: 't', type: 'int', help: 'Seconds to wait before killing the container' },
  ],
  args: { kind: 'min', n: 1 },
  run: stop,
});
