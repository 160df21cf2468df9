/**
 * The shell loops that run in detached containers (docker/loop-process.ts):
 * a client that fetches a page every second keeps doing so while lab time
 * passes. Lab time passes only when a command sleeps (ping's interval,
 * `sleep 5`, a waiting tcpdump's tick), so that is where the loops run:
 * EmulatedLab's sleep() hands the time to advance(), which stops the clock
 * at each body's due time, runs the body in its container — its packets
 * really cross the model, a capture open meanwhile prints them, the server
 * logs them — and then lets the rest of the time pass.
 *
 * The schedule is live state of the running lab, like an open capture: after
 * a restore (a page reload) the loops go on from the lab's current time.
 * A body's own waits (a timeout) take no lab time from the sleeping command;
 * they only push that loop's next run back. Kernel timers (net/timers.ts:
 * a retransmitted SYN) fire here too, in time order with the loops.
 */
import type { EmulatedLab } from '../lab';
import type { ContainerState } from '../docker/state';
import { InterruptSource } from '../core/cancel';
import { ContainerLogWriter } from '../docker/container-logs';
import { containerProcessEnv, envRecord } from '../docker/process-env';
import { effectiveArgv } from '../docker/main-argv';
import { workingDir } from '../commands/docker/container/main-run';
import { shellLoopOf, type ShellLoop } from '../docker/loop-process';
import { runInContainer } from './run-in-container';

/**
 * At most this many bodies run while one sleep passes; a longer jump
 * (`sleep 3600` with a loop every second) skips the older rounds and goes
 * on from the end of the sleep, so a lab never stalls the page.
 */
export const MAX_ROUNDS_PER_SLEEP = 120;

interface Due {
  at: number;
  key: string;
  machine: string;
  c: ContainerState;
  loop: ShellLoop;
}

export class BackgroundLoops {
  /** Next run of each loop, by container ID and start time (a restarted container starts over). */
  private readonly next = new Map<string, number>();
  private readonly parsed = new Map<string, ShellLoop | null>();
  private running = false;

  constructor(private readonly lab: EmulatedLab) {}

  /** Lets `ms` of lab time pass, running every loop body that falls due on the way, at its time. */
  async advance(ms: number): Promise<void> {
    const target = this.lab.ctx.clock.now() + ms;
    // A body's own sleeps, and a lab with no loops: time just passes.
    if (!this.running) {
      this.running = true;
      try {
        await this.runDue(target);
      } finally {
        this.running = false;
      }
    }
    const clock = this.lab.ctx.clock;
    clock.advance(target - clock.now());
  }

  private async runDue(target: number): Promise<void> {
    for (let round = 0; ; round++) {
      const due = this.earliest(target);
      const timerAt = this.lab.ctx.timers?.nextAt();
      if (timerAt !== undefined && timerAt <= target && (!due || timerAt <= due.at)) {
        this.fireTimer(timerAt);
        continue;
      }
      if (!due) return;
      if (round >= MAX_ROUNDS_PER_SLEEP) {
        this.next.set(due.key, target + due.loop.periodMs);
        continue;
      }
      const clock = this.lab.ctx.clock;
      clock.advance(due.at - clock.now());
      const spent = await this.runBody(due);
      this.next.set(due.key, Math.max(due.at, clock.now()) + spent + due.loop.periodMs);
    }
  }

  /** A kernel timer (net/timers.ts) fires at its time. */
  private fireTimer(at: number): void {
    const ctx = this.lab.ctx;
    ctx.clock.advance(at - ctx.clock.now());
    ctx.timers?.takeDue(at)?.(ctx);
  }

  /** The loop due first, at or before `target`. */
  private earliest(target: number): Due | undefined {
    const now = this.lab.ctx.clock.now();
    let best: Due | undefined;
    for (const [machine, m] of Object.entries(this.lab.ctx.state.machines)) {
      for (const c of Object.values(m.docker?.containers ?? {})) {
        if (c.status !== 'running') continue;
        const loop = this.loopOf(c);
        if (!loop) continue;
        const key = `${c.id}@${c.startedAt}`;
        let at = this.next.get(key);
        if (at === undefined) {
          at = Math.max(c.startedAt + (loop.sleepsFirst ? loop.periodMs : 0), now);
          this.next.set(key, at);
        }
        if (at <= target && (!best || at < best.at)) best = { at, key, machine, c, loop };
      }
    }
    return best;
  }

  private loopOf(c: ContainerState): ShellLoop | undefined {
    let loop = this.parsed.get(c.id);
    if (loop === undefined) {
      loop = shellLoopOf(effectiveArgv(c)) ?? null;
      this.parsed.set(c.id, loop);
    }
    return loop ?? undefined;
  }

  /** Runs the body once in its container, output to its log; returns the lab time the body waited. */
  private async runBody(d: Due): Promise<number> {
    const ctx = this.lab.ctx;
    const log = new ContainerLogWriter(ctx, d.c);
    let spent = 0;
    const cwd = workingDir(d.c);
    const shell = effectiveArgv(d.c)[0] ?? 'sh';
    try {
      await runInContainer(this.lab, d.machine, d.c, [shell, '-c', d.loop.body], {
        stdout: (t) => log.write('stdout', t),
        stderr: (t) => log.write(d.c.tty ? 'stdout' : 'stderr', t),
        interrupt: new InterruptSource(),
        sleep: async (ms) => {
          spent += ms;
          return true;
        },
      }, { env: envRecord(containerProcessEnv(ctx, d.machine, d.c, d.c.tty)), cwd });
    } finally {
      log.flush();
    }
    return spent;
  }
}
