/**
 * `docker restart CONTAINER...`: stop (as docker stop) then start. A start
 * failure reads `Cannot restart container web: <why>` (daemon/restart.go).
 */
import type { CommandContext } from '../../types';
import type { Flags } from '../cli/flags';
import { stopContainer } from '../../../docker/container-lifecycle';
import { defineCommand } from './define';
import { forEachContainer } from './each';
import { startForCli } from './start-flow';
import { runMainProcess } from './main-run';
import { labCtx, machineOf } from '../engine-access';
import { containerEvent } from '../../../docker/events';

function restart(ctx: CommandContext, flags: Flags): Promise<number> {
  const timeout = flags.int('time', 10);
  return forEachContainer(ctx, flags.args, async (c, ref) => {
    stopContainer(labCtx(ctx), machineOf(ctx), c, timeout < 0 ? 10 : timeout);
    const err = startForCli(ctx, c);
    if (err) return `Error response from daemon: Cannot restart container ${ref}: ${err}`;
    containerEvent(labCtx(ctx), machineOf(ctx), c, 'restart'); // daemon/restart.go, after the start
    await runMainProcess(ctx, c, { attached: false, stdin: false });
    return undefined;
  });
}

export const restartCommands = defineCommand({
  group: 'container',
  name: 'restart',
  shortcut: 'restart',
  use: '[OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Restart one or more containers',
  flags: [
    { long: 'signal', short: 's', type: 'string', help: 'Signal to send to the container' },
    { long: 'time', short: 't', type: 'int', help: 'Seconds to wait before killing the container' },
  ],
  args: { kind: 'min', n: 1 },
  run: restart,
});
