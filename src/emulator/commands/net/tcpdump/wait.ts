/**
 * How a running tcpdump waits for packets. Packets only appear when
 * something sends them, so tcpdump waits for an event — a frame delivered,
 * Ctrl-C, or a command line starting or ending in the lab. While it waits it
 * tells the lab it is only waiting for others (EmulatedLab.waitForOthers),
 * so a terminal runs a line typed in another tab meanwhile:
 *
 *  - while another line runs (a second terminal tab, or a test calling
 *    lab.run concurrently), it waits without moving the lab clock, which
 *    belongs to the commands that cause the packets;
 *  - alone, it lets one second of lab time pass at a time, as a real
 *    capture sits while time goes by: the shell loops of detached
 *    containers run then (session/background-processes.ts: a client curling
 *    every second), and what they send is printed. In a live terminal that
 *    second is a real one; without real time (the piped REPL, scripts,
 *    tests) it passes after one turn of the host's event loop, which gives
 *    a caller that has just seen "listening on" the chance to start its own
 *    command first. RunIO.timeLimitMs stops it there "as if Ctrl-C had been
 *    pressed", and a script that never stops it still ends after
 *    IDLE_CAP_SECONDS.
 */
import type { CommandContext } from '../../types';
import type { EmulatedLab } from '../../../lab';
import type { CaptureRegistry } from '../../../net/capture/registry';
import { realDelay } from '../../../core/timers';
import { inBackground } from '../../../session/background-processes';

/** Alone and without real time, tcpdump gives up after an hour of lab time (as `docker attach` caps its wait). */
export const IDLE_CAP_SECONDS = 3600;

export type WaitResult = 'event' | 'tick' | 'stopped';

export async function waitForFrames(ctx: CommandContext, lab: EmulatedLab, captures: CaptureRegistry): Promise<WaitResult> {
  if (ctx.interrupt.aborted) return 'stopped';
  // A container's main process (`docker run -d ... tcpdump`): no terminal, no lines of its own; its
  // sleep lasts until lab time has passed, and it prints each frame into the log as it comes.
  if (inBackground(ctx.interrupt)) return (await ctx.sleep(1000)) ? 'event' : 'stopped';
  // This line is active itself: anything more is another line.
  const othersRunning = lab.activeLines() > 1;
  const endWait = lab.waitForOthers();
  try {
    if (othersRunning) return (await waitForEvent(ctx, lab, captures, false)) as WaitResult;
    if (!lab.realtime) {
      const r = await waitForEvent(ctx, lab, captures, true);
      if (r !== 'quiet') return r;
      if (lab.activeLines() > 0) return 'event';
    }
    return (await ctx.sleep(1000)) ? 'tick' : 'stopped';
  } finally {
    endWait();
  }
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
