/**
 * `docker restart [-s SIGNAL] [-t N] CONTAINER...`: stop (as docker stop,
 * with the same options) then start. A start failure reads `Cannot restart
 * container web: <why>` (daemon/restart.go).
 */
import type { CommandContext } from '../../types';
import type { Flags } from '../cli/flags';
import { defineCommand } from './define';
import { forEachContainer } from './each';
import { startForCli } from './start-flow';
import { runMainProcess } from './main-run';
import { stopOne } from './stop';
import { STOP_FLAGS, stopOptions } from './stop-options';
import { labCtx, machineOf } from '../engine-access';
import { containerEvent } from '../../../docker/events';

function restart(ctx: CommandContext, flags: Flags): Promise<number> {
  const o = stopOptions(ctx, flags);
  return forEachContainer(ctx, flags.args, async (c, ref) => {
    // daemon/restart.go stops only a running container; its error is wrapped like a start failure.
    if (o.signalError && c.status === 'running') return `Error response from daemon: Cannot restart container ${ref}: ${o.signalError}`;
    const stopError = await stopOne(ctx, c, o);
    if (stopError) return stopError;
    if (ctx.interrupt.aborted) return undefined;
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
  flags: STOP_FLAGS,
  args: { kind: 'min', n: 1 },
  run: restart,
});
