/**
 * How a command that follows a stream (`docker logs -f`, `docker events`,
 * `journalctl -f`) waits for more: new lines only appear when another command
 * causes them, so it waits for a command line to start or end in the lab, or
 * for Ctrl-C, without moving the clock itself while something else runs.
 *
 * Alone in a lab without real time (the piped REPL, scripts, tests), nothing
 * else may ever come: after one turn of the host's event loop without
 * activity it lets one second of virtual time pass, which is where
 * RunIO.timeLimitMs stops it "as if Ctrl-C had been pressed". The same rule
 * as tcpdump's capture wait (commands/net/tcpdump/wait.ts); with `extraWake`
 * (a capture's onDelivered) this function can serve it too.
 */
import type { CommandContext } from '../types';
import type { EmulatedLab } from '../../lab';
import { realDelay } from '../../core/timers';

/** Followers give up after an hour of virtual time alone (as `docker attach` caps its wait). */
export const FOLLOW_CAP_SECONDS = 3600;

export type FollowWait = 'event' | 'tick' | 'stopped';

/**
 * Waits for a line to start or end, Ctrl-C, or `extraWake` (another source of
 * news, e.g. a capture's delivered frames: it subscribes and returns its
 * unsubscribe function); alone without real time, for one tick.
 */
export async function waitForActivity(ctx: CommandContext, extraWake?: (wake: () => void) => () => void): Promise<FollowWait> {
  if (ctx.interrupt.aborted) return 'stopped';
  const lab = ctx.lab as EmulatedLab;
  const alone = !lab.realtime && lab.commandsRunning <= 1;
  const r = await nextActivity(ctx, lab, alone, extraWake);
  if (r !== 'quiet') return r;
  if (lab.commandsRunning > 1) return 'event';
  return (await ctx.sleep(1000)) ? 'tick' : 'stopped';
}

function nextActivity(ctx: CommandContext, lab: EmulatedLab, oneTurn: boolean, extraWake?: (wake: () => void) => () => void): Promise<FollowWait | 'quiet'> {
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
