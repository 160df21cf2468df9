/**
 * The main processes of detached containers that keep doing something while
 * lab time passes — a shell loop fetching a page every second
 * (docker/loop-process.ts), or `ping web` without -c — really run here, as
 * the emulator's shell runs them, with one difference: when such a process
 * sleeps, it is suspended until the lab clock reaches its wake-up time.
 *
 * Lab time passes only when a command sleeps (ping's interval, `sleep 5`, a
 * waiting tcpdump's tick), so EmulatedLab's sleep() hands the time to
 * advance(), which stops the clock at each wake-up, resumes that process
 * until it sleeps again — its packets really cross the model, a capture open
 * meanwhile prints them, its output goes to the container's log — and then
 * lets the rest of the time pass. Kernel timers (net/timers.ts: a
 * retransmitted SYN) fire here too, in time order with the processes.
 *
 * Suspended processes are live state of the running lab, like an open
 * capture: after a restore (a page reload, or a line undone after an
 * internal error) they start again from the beginning.
 */
import type { EmulatedLab } from '../lab';
import type { LabCtx } from '../world/ctx';
import type { ContainerState } from '../docker/state';
import { InterruptSource } from '../core/cancel';
import { ContainerLogWriter } from '../docker/container-logs';
import { containerProcessEnv, envRecord } from '../docker/process-env';
import { effectiveArgv, effectiveKind, workingDir } from '../docker/main-argv';
import { exitContainer } from '../docker/container-lifecycle';
import { handlesSignal, signalPid1, stopSignalOf } from '../docker/pid1-signals';
import { shellLoopOf } from '../docker/loop-process';
import { runInContainer } from './run-in-container';
import { realDelay } from '../core/timers';

/**
 * At most this many wake-ups are run while one sleep passes; a longer jump
 * (`sleep 3600` with a loop every second) lets the rest of the time pass
 * without them, so a lab never stalls the page.
 */
export const MAX_WAKEUPS_PER_SLEEP = 300;

/**
 * A process that neither sleeps nor ends within this many turns of the
 * host's event loop waits for something else (a listener waiting for a
 * connection): it is left waiting, so the command that lets time pass never
 * hangs on it.
 */
const TURNS_BEFORE_GIVING_UP = 20;

async function settled(yielded: Promise<void>): Promise<void> {
  let done = false;
  void yielded.then(() => (done = true));
  for (let turn = 0; turn < TURNS_BEFORE_GIVING_UP && !done; turn++) await Promise.race([yielded, realDelay(0, () => {})]);
}

/** One suspended main process. */
interface Proc {
  machine: string;
  c: ContainerState;
  interrupt: InterruptSource;
  /** When its pending sleep ends (undefined while it runs or after it ended). */
  wakeAt?: number;
  wake?: (ok: boolean) => void;
  /** Resolves when the process sleeps again or ends. */
  yielded?: () => void;
  ended: boolean;
}

function programOf(c: ContainerState): string {
  const argv0 = effectiveArgv(c)[0] ?? '';
  return argv0.slice(argv0.lastIndexOf('/') + 1);
}

/** Main processes that keep running by themselves: shell loops, ping without -c, a capture. */
export function runsInBackground(c: ContainerState): boolean {
  if (effectiveKind(c) !== 'daemon') return false;
  const argv = effectiveArgv(c);
  const prog = programOf(c);
  return !!shellLoopOf(argv) || prog === 'tcpdump' || (prog === 'ping' && !argv.some((a) => a.startsWith('-c')));
}

/**
 * As PID 1 a process gets no default signal actions: the signal that ended
 * it ran code of its own only if it handles it — tcpdump prints its
 * counters on docker stop's SIGTERM, ping its statistics on `docker kill -s
 * INT`; ping and sh ignore SIGTERM and are killed 10 s later without a word
 * (docker/pid1-signals.ts). The signal is the last `kill` Docker logged for
 * the container (docker/events.ts), else its stop signal.
 */
function endedByItsHandler(ctx: LabCtx, machine: string, c: ContainerState): boolean {
  const events = ctx.docker(machine).events ?? [];
  let signal = stopSignalOf(c);
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e.type === 'container' && e.action === 'kill' && e.id === c.id) {
      signal = Number(e.attributes.signal);
      break;
    }
  }
  return handlesSignal(c, signal) && 'exit' in signalPid1(c, signal);
}

/** The interrupts of background processes: a command can tell it runs in one (it has no terminal, no other lines). */
const BACKGROUND = new WeakSet<object>();

export function inBackground(interrupt: object): boolean {
  return BACKGROUND.has(interrupt);
}

export class BackgroundProcesses {
  private procs = new Map<string, Proc>();
  private readonly eligible = new Map<string, boolean>();
  /** The context the processes were started in; a restore makes a new one. */
  private ctxSeen?: LabCtx;
  private busy = false;

  constructor(private readonly lab: EmulatedLab) {}

  /** Lets `ms` of lab time pass, resuming every process and timer that falls due on the way, at its time. */
  async advance(ms: number): Promise<void> {
    const target = this.lab.ctx.clock.now() + ms;
    if (!this.busy) {
      this.busy = true;
      try {
        await this.runUntil(target);
      } finally {
        this.busy = false;
      }
    }
    const clock = this.lab.ctx.clock;
    clock.advance(target - clock.now());
  }

  /**
   * Starts the processes of containers started since (runs each until it
   * first sleeps): after every command line, so `docker run -d ... tcpdump`
   * is capturing before the next line sends anything.
   */
  async startPending(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      await this.startNew();
    } finally {
      this.busy = false;
    }
  }

  private async runUntil(target: number): Promise<void> {
    await this.startNew();
    for (let n = 0; n < MAX_WAKEUPS_PER_SLEEP; n++) {
      const proc = this.earliest(target);
      const timerAt = this.lab.ctx.timers?.nextAt();
      if (timerAt !== undefined && timerAt <= target && (!proc || timerAt <= proc.wakeAt!)) {
        this.fireTimer(timerAt);
        continue;
      }
      if (!proc) return;
      const clock = this.lab.ctx.clock;
      clock.advance(proc.wakeAt! - clock.now());
      await this.resume(proc, this.stillRunning(proc));
    }
  }

  /** Starts the processes of containers that run one and have none yet; stops those whose container stopped. */
  private async startNew(): Promise<void> {
    const ctx = this.lab.ctx;
    if (this.ctxSeen !== ctx) {
      for (const p of this.procs.values()) this.kill(p);
      this.procs = new Map();
      this.ctxSeen = ctx;
    }
    for (const [key, p] of this.procs) {
      if (p.ended) this.procs.delete(key);
      else if (!this.stillRunning(p)) await this.resume(p, false);
    }
    const machines = ctx.state.machines;
    for (const machine in machines) {
      // This runs after every line: one cheap pass picks the few containers whose command runs in
      // the background (whether one does never changes), and only those are looked at further.
      // Their status is read when each one's turn comes, as a process started before may change it.
      const containers = machines[machine].docker?.containers;
      const eligible: ContainerState[] = [];
      for (const id in containers) if (this.isEligible(containers[id])) eligible.push(containers[id]);
      for (const c of eligible) {
        if (c.status !== 'running') continue;
        const key = `${c.id}@${c.startedAt}`;
        if (!this.procs.has(key)) await this.start(key, machine, c);
      }
    }
  }

  /** The container is still there and still this run of it (`docker rm -f` or a restart ends the process). */
  private stillRunning(p: Proc): boolean {
    const now = this.lab.ctx.state.machines[p.machine]?.docker?.containers[p.c.id];
    return !!now && now.status === 'running' && now.startedAt === p.c.startedAt;
  }

  /** Whether the container's main process runs in the background: decided by its command alone, once per container. */
  private isEligible(c: ContainerState): boolean {
    let yes = this.eligible.get(c.id);
    if (yes === undefined) {
      yes = runsInBackground(c);
      this.eligible.set(c.id, yes);
    }
    return yes;
  }

  private earliest(target: number): Proc | undefined {
    let best: Proc | undefined;
    for (const p of this.procs.values()) {
      if (p.ended || p.wakeAt === undefined || p.wakeAt > target) continue;
      if (!best || p.wakeAt < best.wakeAt!) best = p;
    }
    return best;
  }

  /** Runs the main process until it first sleeps (or ends). */
  private async start(key: string, machine: string, c: ContainerState): Promise<void> {
    const ctx = this.lab.ctx;
    const proc: Proc = { machine, c, interrupt: new InterruptSource(), ended: false };
    BACKGROUND.add(proc.interrupt);
    this.procs.set(key, proc);
    // Decided when the output comes: by then Docker has logged the signal that stops it.
    const quiet = (): boolean => proc.interrupt.aborted && !endedByItsHandler(this.lab.ctx, machine, c);
    const log = new ContainerLogWriter(ctx, c);
    const yielded = this.yieldOf(proc);
    // Once stopped, the process is gone (docker stop ends with SIGKILL for a PID 1 that ignores
    // SIGTERM, as ping does): nothing it would print on its way out reaches the log.
    void runInContainer(this.lab, machine, c, effectiveArgv(c), {
      stdout: (t) => quiet() || log.write('stdout', t),
      stderr: (t) => quiet() || log.write(c.tty ? 'stdout' : 'stderr', t),
      tty: c.tty,
      interrupt: proc.interrupt,
      sleep: (ms) => this.suspend(proc, ms),
    }, { env: envRecord(containerProcessEnv(ctx, machine, c, c.tty)), cwd: workingDir(c) })
      .catch(() => 1)
      .then((status) => {
        if (!quiet()) log.flush();
        proc.ended = true;
        proc.wakeAt = undefined;
        // The main process ended by itself (ping: bad address; a loop's limit): the container exits with it.
        if (!proc.interrupt.aborted && this.lab.ctx === ctx) exitContainer(ctx, machine, c, status);
        proc.yielded?.();
      });
    await settled(yielded);
  }

  /** The process's sleep(): suspended until advance() reaches its time, or false when it is stopped. */
  private suspend(proc: Proc, ms: number): Promise<boolean> {
    if (proc.interrupt.aborted) return Promise.resolve(false);
    return new Promise((resolve) => {
      proc.wakeAt = this.lab.ctx.clock.now() + ms;
      proc.wake = resolve;
      proc.yielded?.();
    });
  }

  private yieldOf(proc: Proc): Promise<void> {
    return new Promise((resolve) => (proc.yielded = resolve));
  }

  /** Wakes the process (or stops it) and waits until it sleeps again or ends. */
  private async resume(proc: Proc, ok: boolean): Promise<void> {
    const wake = proc.wake;
    if (!wake || proc.ended) return;
    if (!ok) proc.interrupt.abort();
    proc.wake = undefined;
    proc.wakeAt = undefined;
    const yielded = this.yieldOf(proc);
    wake(ok);
    await settled(yielded);
  }

  private kill(proc: Proc): void {
    proc.interrupt.abort();
    const wake = proc.wake;
    proc.wake = undefined;
    proc.wakeAt = undefined;
    proc.ended = true;
    wake?.(false);
  }

  /** A kernel timer (net/timers.ts) fires at its time. */
  private fireTimer(at: number): void {
    const ctx = this.lab.ctx;
    ctx.clock.advance(at - ctx.clock.now());
    ctx.timers?.takeDue(at)?.(ctx);
  }
}
