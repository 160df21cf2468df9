/**
 * How a command that follows a stream (`docker logs -f`, `docker events`,
 * `journalctl -f`, `iftop`) waits for more: exactly as a running tcpdump
 * waits for packets (commands/net/tcpdump/wait.ts) — for a command line to
 * start or end, Ctrl-C, or a frame delivered to an open capture — telling
 * the lab it only waits for others (a terminal then runs another tab's line)
 * and, alone, letting one second of lab time pass at a time so the shell
 * loops of detached containers run (a client polling every second shows up
 * in `docker logs -f`). Without real time that second passes after one turn
 * of the host's event loop, where RunIO.timeLimitMs stops it "as if Ctrl-C
 * had been pressed".
 */
import type { CommandContext } from '../types';
import type { EmulatedLab } from '../../lab';
import { CaptureRegistry } from '../../net/capture/registry';
import { waitForFrames } from '../net/tcpdump/wait';

/** Followers give up after an hour of lab time alone (as `docker attach` caps its wait). */
export const FOLLOW_CAP_SECONDS = 3600;

export type FollowWait = 'event' | 'tick' | 'stopped';

export function waitForActivity(ctx: CommandContext): Promise<FollowWait> {
  const lab = ctx.lab as EmulatedLab;
  return waitForFrames(ctx, lab, lab.ctx.captures ?? new CaptureRegistry());
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
