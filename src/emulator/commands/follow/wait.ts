/**
 * How a command that follows a stream (`docker logs -f`, `docker events`,
 * `journalctl -f`, `iftop`) waits for more. New lines only appear when
 * something causes them, so it waits for an event — a command line starting
 * or ending, Ctrl-C, or `extraWake` (e.g. a capture's delivered frames) —
 * and tells the lab it is only waiting for others (EmulatedLab.waitForOthers)
 * so a terminal runs a line typed in another tab meanwhile:
 *
 *  - while another line runs, it waits without moving the lab clock, which
 *    belongs to the commands that cause the lines;
 *  - alone, it lets one second of lab time pass at a time, as a real
 *    follower sits while time goes by: the shell loops of detached
 *    containers run then (session/background-processes.ts: a client curling
 *    every second), and their requests reach the logs. Without real time
 *    (the piped REPL, scripts, tests) the second passes after one turn of
 *    the host's event loop, which gives a caller the chance to start its own
 *    command first; RunIO.timeLimitMs stops it there "as if Ctrl-C had been
 *    pressed".
 *
 * The same rule as tcpdump's capture wait (commands/net/tcpdump/wait.ts),
 * which this function can serve with `extraWake`.
 */
import type { CommandContext } from '../types';
import type { EmulatedLab } from '../../lab';
import { realDelay } from '../../core/timers';

/** Followers give up after an hour of lab time alone (as `docker attach` caps its wait). */
export const FOLLOW_CAP_SECONDS = 3600;

export type FollowWait = 'event' | 'tick' | 'stopped';

type Wake = (wake: () => void) => () => void;

export async function waitForActivity(ctx: CommandContext, extraWake?: Wake): Promise<FollowWait> {
  if (ctx.interrupt.aborted) return 'stopped';
  const lab = ctx.lab as EmulatedLab;
  // This line is active itself: anything more is another line.
  const othersRunning = lab.activeLines() > 1;
  const endWait = lab.waitForOthers();
  try {
    if (othersRunning) return (await nextEvent(ctx, lab, false, extraWake)) as FollowWait;
    if (!lab.realtime) {
      const r = await nextEvent(ctx, lab, true, extraWake);
      if (r !== 'quiet') return r;
      if (lab.activeLines() > 0) return 'event';
    }
    return (await ctx.sleep(1000)) ? 'tick' : 'stopped';
  } finally {
    endWait();
  }
}

function nextEvent(ctx: CommandContext, lab: EmulatedLab, oneTurn: boolean, extraWake?: Wake): Promise<FollowWait | 'quiet'> {
  return new Promise((resolve) => {
    const stops: (() => void)[] = [];
    let settled = false;
    const done = (r: FollowWait | 'quiet') => {
      if (settled) return;
      settled = true;
      for (const s of stops) s();
      resolve(r);
    };
    stops.push(lab.onActivity(() => done('event')));
    if (extraWake) stops.push(extraWake(() => done('event')));
    stops.push(ctx.interrupt.onAbort(() => done('stopped')));
    if (oneTurn) void realDelay(0, (cancel) => stops.push(cancel)).then(() => done('quiet'));
  });
}

/**
 * Calls `flush` now and after every wake-up until Ctrl-C, until `done()`
 * says the stream ended, or until the cap. True when Ctrl-C (or the time
 * limit) stopped it.
 */
export async function follow(ctx: CommandContext, flush: () => void, done: () => boolean = () => false): Promise<boolean> {
  const started = (ctx.lab as EmulatedLab).ctx.clock.now();
  flush();
  for (;;) {
    if (done()) return false;
    const r = await waitForActivity(ctx);
    flush();
    if (r === 'stopped') return true;
    if ((ctx.lab as EmulatedLab).ctx.clock.now() - started >= FOLLOW_CAP_SECONDS * 1000) return false;
  }
}
