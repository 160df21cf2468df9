/**
 * `docker stop [-s SIGNAL] [-t N] CONTAINER...`: the stop signal, then
 * SIGKILL after the grace time (docker/container-lifecycle.ts stopContainer;
 * whether the main process obeys is docker/pid1-signals.ts). Stopping a
 * stopped container is not an error. Prints each name as typed.
 */
import type { CommandContext } from '../../types';
import type { Flags } from '../cli/flags';
import type { ContainerState } from '../../../docker/state';
import { stopContainer } from '../../../docker/container-lifecycle';
import { containerEvent } from '../../../docker/events';
import { signalPid1, stopSignalOf, stopTimeoutOf } from '../../../docker/pid1-signals';
import { defineCommand } from './define';
import { forEachContainer } from './each';
import { waitForInterrupt } from './main-run';
import { STOP_FLAGS, stopOptions, type StopOptions } from './stop-options';
import { labCtx, machineOf } from '../engine-access';

/**
 * Stops one container as the daemon does; the text of its error, if any.
 * `-t -1` waits for as long as the process takes: one that ignores the
 * signal never exits, so the CLI waits until Ctrl-C, and the container
 * keeps running (the daemon gives up when the client goes away).
 */
export async function stopOne(ctx: CommandContext, c: ContainerState, o: StopOptions): Promise<string | undefined> {
  if (c.status !== 'running') return undefined; // a no-op, before the signal is even parsed (daemon/stop.go)
  if (o.signalError) return `Error response from daemon: ${o.signalError}`;
  const signal = o.signal ?? stopSignalOf(c);
  const timeoutSec = o.timeoutSec ?? stopTimeoutOf(c);
  if (timeoutSec < 0 && !('exit' in signalPid1(c, signal))) {
    containerEvent(labCtx(ctx), machineOf(ctx), c, 'kill', { signal: String(signal) });
    await waitForInterrupt(ctx);
    return undefined;
  }
  stopContainer(labCtx(ctx), machineOf(ctx), c, Math.max(0, timeoutSec), signal);
  return undefined;
}

function stop(ctx: CommandContext, flags: Flags): Promise<number> {
  const o = stopOptions(ctx, flags);
  return forEachContainer(ctx, flags.args, (c) => stopOne(ctx, c, o));
}

export const stopCommands = defineCommand({
  group: 'container',
  name: 'stop',
  shortcut: 'stop',
  use: '[OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Stop one or more running containers',
  flags: STOP_FLAGS,
  args: { kind: 'min', n: 1 },
  run: stop,
});
