/**
 * How a running tcpdump waits for packets. Packets only appear when some
 * other command sends them, so tcpdump waits for an event — a frame
 * delivered, Ctrl-C, or a command line starting or ending in the lab —
 * without moving the lab clock, which belongs to the commands that cause
 * the packets:
 *
 *  - in a live terminal, and while another line runs (a second terminal
 *    tab, or a test calling lab.run concurrently), that is all it does;
 *  - alone in a lab without real time (the piped REPL, scripts), nothing
 *    else may ever come, so when a turn of the host's event loop passes
 *    without an event it lets one second of virtual time pass. That is where
 *    RunIO.timeLimitMs stops it "as if Ctrl-C had been pressed", and a script
 *    that never stops it still ends after IDLE_CAP_SECONDS. The event-loop
 *    turn gives a caller that has just seen "listening on" the chance to
 *    start its own command first (it then waits without ticking).
 */
import type { CommandContext } from '../../types';
import type { EmulatedLab } from '../../../lab';
import type { CaptureRegistry } from '../../../net/capture/registry';
import { realDelay } from '../../../core/timers';

/** Alone and without real time, tcpdump gives up after an hour of virtual time (as `docker attach` caps its wait). */
export const IDLE_CAP_SECONDS = 3600;

export type WaitResult = 'event' | 'tick' | 'stopped';

export async function waitForFrames(ctx: CommandContext, lab: EmulatedLab, captures: CaptureRegistry): Promise<WaitResult> {
  if (ctx.interrupt.aborted) return 'stopped';
  const r = await waitForEvent(ctx, lab, captures, !lab.realtime && lab.commandsRunning <= 1);
  if (r !== 'quiet') return r;
  if (lab.commandsRunning > 1) return 'event';
  return (await ctx.sleep(1000)) ? 'tick' : 'stopped';
}

function waitForEvent(ctx: CommandContext, lab: EmulatedLab, captures: CaptureRegistry, oneTurn: boolean): Promise<WaitResult | 'quiet'> {
  return new Promise((resolve) => {
    const stops: (() => void)[] = [];
    let settled = false;
    const done = (r: WaitResult | 'quiet') => {
      if (settled) return;
      settled = true;
      for (const s of stops) s();
      resolve(r);
    };
    stops.push(captures.onDelivered(() => done('event')));
    stops.push(lab.onActivity(() => done('event')));
    stops.push(ctx.interrupt.onAbort(() => done('stopped')));
    if (oneTurn) void realDelay(0, (cancel) => stops.push(cancel)).then(() => done('quiet'));
  });
}
