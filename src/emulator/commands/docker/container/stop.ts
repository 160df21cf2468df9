/**
 * `docker stop [-s SIGNAL] [-t N] CONTAINER...`: the stop signal, then
 * SIGKILL after the grace time (docker/container-lifecycle.ts stopContainers:
 * the containers are stopped together, their waits overlapping; whether the
 * main process obeys is docker/pid1-signals.ts). Stopping a stopped
 * container is not an error. Prints each name as typed.
 */
import type { CommandContext } from '../../types';
import type { Flags } from '../cli/flags';
import type { ContainerState } from '../../../docker/state';
import { finishStop, signalStops, type StopRequest } from '../../../docker/container-lifecycle';
import { containerEvent } from '../../../docker/events';
import { signalPid1, stopSignalOf, stopTimeoutOf } from '../../../docker/pid1-signals';
import { defineCommand } from './define';
import { forEachContainer } from './each';
import { waitForInterrupt } from './main-run';
import { STOP_FLAGS, stopOptions, type StopOptions } from './stop-options';
import { labCtx, labOf, machineOf } from '../engine-access';

/**
 * Checks one container and sends it to the daemon's stop: `stop` gets the
 * request (all of them are carried out together, their waits overlapping),
 * or the text of the error. `-t -1` waits for as long as the process takes:
 * one that ignores the signal never exits, so the CLI waits until Ctrl-C,
 * and the container keeps running (the daemon gives up when the client goes
 * away).
 */
export async function planStop(ctx: CommandContext, c: ContainerState, o: StopOptions, stop: (r: StopRequest) => void): Promise<string | undefined> {
  if (c.status !== 'running') return undefined; // a no-op, before the signal is even parsed (daemon/stop.go)
  if (o.signalError) return `Error response from daemon: ${o.signalError}`;
  const signal = o.signal ?? stopSignalOf(c);
  const timeoutSec = o.timeoutSec ?? stopTimeoutOf(c);
  if (timeoutSec < 0 && !('exit' in signalPid1(c, signal))) {
    containerEvent(labCtx(ctx), machineOf(ctx), c, 'kill', { signal: String(signal) });
    await waitForInterrupt(ctx);
    return undefined;
  }
  stop({ c, timeoutSec: Math.max(0, timeoutSec), signal });
  return undefined;
}

/**
 * Sends the signals, then lets the grace time pass as lab time in which the
 * lab's background processes go on (session/background-processes.ts): a
 * detached `ping` that ignores SIGTERM keeps logging a reply a second until
 * the SIGKILL, as it does on a real host, instead of the clock jumping over
 * those seconds. The wait is lab time only (no real delay in a live
 * terminal), as before.
 */
async function carryOut(ctx: CommandContext, requests: readonly StopRequest[]): Promise<void> {
  const lab = labCtx(ctx);
  const machine = machineOf(ctx);
  for (const p of signalStops(lab, machine, requests)) {
    const wait = p.at - lab.clock.now();
    if (wait > 0) await labOf(ctx).background.advance(wait);
    finishStop(lab, machine, p);
  }
}

/** Stops one container now (docker restart stops them one after the other). */
export async function stopOne(ctx: CommandContext, c: ContainerState, o: StopOptions): Promise<string | undefined> {
  let request: StopRequest | undefined;
  const error = await planStop(ctx, c, o, (r) => (request = r));
  if (request) await carryOut(ctx, [request]);
  return error;
}

async function stop(ctx: CommandContext, flags: Flags): Promise<number> {
  const o = stopOptions(ctx, flags);
  const batch: StopRequest[] = [];
  const status = await forEachContainer(ctx, flags.args, (c) => planStop(ctx, c, o, (r) => batch.push(r)));
  await carryOut(ctx, batch);
  return status;
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
