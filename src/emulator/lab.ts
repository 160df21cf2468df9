/**
 * The Lab: one command line at a time through the current shell, with the
 * writes of a line undone if anything inside throws (so a fault never leaves
 * a half-done change), snapshots, and read-only queries for exercise checks.
 */
import type { Lab, LabSnapshot, RunIO, Vantage } from './api';
import { LabCtx } from './world/ctx';
import type { LabState } from './world/state';
import { Session } from './session/session';
import { interruptFrom, InterruptSource, type Interrupt } from './core/cancel';
import { realDelay } from './core/timers';
import { runLine } from './shell/interpreter';
import { parse } from './shell/parser';
import type { ShellRuntime } from './shell/runtime';
import { allToolsLoaded, loadToolsFor, lookupCommand } from './commands/registry';
import { effectiveArgv } from './docker/main-argv';
import { checkSnapshot, makeSnapshot } from './world/snapshot';
import { LabQueriesImpl } from './world/queries';
import { leaveShell } from './session/leave';
import { completeLine } from './session/complete';
import { writeFileAt } from './world/files';
import { BackgroundProcesses } from './session/background-processes';
import { UndoScope } from './world/undo-journal';

/** A command threw: the whole line is abandoned and the lab restored. */
class CommandFault extends Error {
  constructor(readonly command: string, readonly cause: unknown) {
    super(`${command} failed`);
  }
}

/** Ctrl-P Ctrl-Q: Docker's detach keys. */
export const DETACH_SEQUENCE = '\x10\x11';

export interface LabRuntimeOptions {
  realtime: boolean;
}

export class EmulatedLab implements Lab {
  ctx: LabCtx;
  session: Session;
  readonly query: LabQueriesImpl;
  /** Lines running now: more than one while a tcpdump waits and another tab runs a command. */
  private running = 0;
  private readonly activity = new Set<() => void>();
  /** Running lines that wait only for other lines' packets (a tcpdump). */
  private waiters = 0;
  private readonly waitingListeners = new Set<() => void>();
  /** Shell loops in detached containers run while lab time passes (a client fetching a page every second). */
  readonly background = new BackgroundProcesses(this);
  /** Records what running lines write, to undo a line that fails inside. */
  private undo: UndoScope<LabState>;
  /** Set while lines wait for their programs' code (commands/registry.ts loadToolsFor). */
  private toolsLoading?: Promise<void>;

  constructor(state: LabState, private opts: LabRuntimeOptions) {
    this.ctx = new LabCtx(state);
    this.undo = new UndoScope(state);
    this.session = new Session(this.ctx);
    this.query = new LabQueriesImpl(() => this.ctx);
    this.loadToolsOfMainProcesses();
  }

  prompt(): string {
    return this.session.prompt();
  }

  currentHost(): string {
    return this.session.top().machine;
  }

  hosts(): string[] {
    return this.ctx.dockerHosts();
  }

  history(): string[] {
    return [...this.ctx.state.session.history];
  }

  complete(line: string): string[] {
    return completeLine(this, line);
  }

  continues(text: string): boolean {
    if (/(^|[^\\])(\\\\)*\\$/.test(text)) return true; // ends in an unescaped `\`: a line continuation
    const parsed = parse(text);
    return !parsed.ok && parsed.incomplete;
  }

  get loggedOut(): boolean {
    return this.ctx.state.session.loggedOut;
  }

  async run(line: string, io: RunIO = {}): Promise<number> {
    const out = io.stdout ?? (() => {});
    const err = io.stderr ?? (() => {});
    if (line === DETACH_SEQUENCE) return this.detach(out);
    if (line.trim() === '') return 0;
    const tools = this.waitForTools(line);
    if (tools) await tools;
    this.running++;
    this.notifyActivity();
    const timers = this.ctx.timers;
    const timerMark = timers?.mark();
    try {
      const status = await this.runLineNow(line, io, out, err);
      await this.background.startPending();
      return status;
    } finally {
      if (timerMark !== undefined) timers?.cancelFrom(timerMark);
      this.running--;
      this.notifyActivity();
      this.notifyWaiting();
    }
  }

  /**
   * Waits for the code of the programs `line` names, if some has not been
   * loaded yet; undefined (no await at all) when the line can run at once.
   * Lines pass in the order they were typed: one that needs nothing still
   * waits for an earlier line that is loading. A failed load lets the line
   * run: its program then reports the failure.
   */
  private waitForTools(line: string): Promise<void> | undefined {
    return this.queueTools(loadToolsFor(line));
  }

  /** Lines that start from now on wait for `loading`, after what earlier lines wait for. */
  private queueTools(loading: Promise<void> | undefined): Promise<void> | undefined {
    if (!loading && !this.toolsLoading) return undefined;
    const turn = (this.toolsLoading ?? Promise.resolve()).then(() => loading).catch(() => undefined);
    this.toolsLoading = turn;
    void turn.then(() => {
      if (this.toolsLoading === turn) this.toolsLoading = undefined;
    });
    return turn;
  }

  /**
   * A restored lab's containers may run programs in the background (a
   * detached poller's wget) that no line typed here named: their code is
   * loaded now, and the next line waits for it, so the loop runs the same as
   * in the lab the snapshot came from.
   */
  private loadToolsOfMainProcesses(): void {
    if (!allToolsLoaded()) this.queueTools(loadToolsFor(this.mainProcessLines()));
  }

  /** The command lines of the containers' main processes, one a line. */
  private mainProcessLines(): string {
    const lines: string[] = [];
    for (const machine of Object.values(this.ctx.state.machines)) {
      for (const c of Object.values(machine.docker?.containers ?? {})) lines.push(effectiveArgv(c).join(' '));
    }
    return lines.join('\n');
  }

  /**
   * True in a live terminal, where `sleep()` waits real time. A command that
   * waits for events (tcpdump) then lets the clock be moved by the commands
   * that cause them.
   */
  get realtime(): boolean {
    return this.opts.realtime;
  }

  /** How many lines are running (a waiting tcpdump counts). */
  get commandsRunning(): number {
    return this.running;
  }

  /** Calls `listener` whenever a line starts or ends; returns the unsubscribe function. */
  onActivity(listener: () => void): () => void {
    this.activity.add(listener);
    return () => this.activity.delete(listener);
  }

  private notifyActivity(): void {
    for (const l of [...this.activity]) l();
  }

  /** Lines running now that are not only waiting for what other lines do (see waitForOthers). */
  activeLines(): number {
    return this.running - this.waiters;
  }

  /**
   * A running line (tcpdump) now waits only for packets that other lines
   * send: a terminal may run another tab's line meanwhile. Returns the
   * function that ends the wait. Listeners of onWaitingChange hear both.
   */
  waitForOthers(): () => void {
    this.waiters++;
    this.notifyWaiting();
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.waiters--;
      this.notifyWaiting();
    };
  }

  /** Calls `listener` when a line starts or stops waiting for others, or a line ends; returns the unsubscribe function. */
  onWaitingChange(listener: () => void): () => void {
    this.waitingListeners.add(listener);
    return () => this.waitingListeners.delete(listener);
  }

  private notifyWaiting(): void {
    for (const l of [...this.waitingListeners]) l();
  }

  private async runLineNow(line: string, io: RunIO, out: (t: string) => void, err: (t: string) => void): Promise<number> {
    this.ctx.state.session.history.push(line);
    const raw = this.ctx.sync();
    const scope = this.undo;
    const { journal, view } = scope.begin();
    this.ctx.state = view;
    const close = (): void => {
      if (scope.end(journal) && this.ctx.state === view) this.ctx.state = raw;
    };
    const interrupt = interruptFrom(io.signal);
    const frame = this.session.top();
    const started = this.ctx.clock.now();
    try {
      const rt = this.runtime(frame, io, interrupt, started);
      const status = await runLine(line, frame.shell, rt, { stdout: out, stderr: err });
      frame.cwd = rt.scope.cwd; // `cd` changes the scope's directory
      this.afterCommand(frame, out);
      this.ctx.clock.advance(2);
      close();
      return status;
    } catch (e) {
      journal.rollback();
      close();
      // A fresh context over the restored state: its rng and clock are read back from it.
      this.replaceState(raw, false);
      const name = e instanceof CommandFault ? e.command : line.trim().split(/\s+/)[0];
      const cause = e instanceof CommandFault ? e.cause : e;
      err(`${name}: internal error: ${cause instanceof Error ? cause.message : String(cause)}\n`);
      return 1;
    }
  }

  private afterCommand(frame: ReturnType<Session['top']>, out: (t: string) => void): void {
    if (frame.shell.exitRequested !== undefined) {
      const code = frame.shell.exitRequested;
      delete frame.shell.exitRequested;
      leaveShell(this.ctx, this.session, frame, code, out);
    }
    this.session.dropDeadFrames();
  }

  private detach(out: (t: string) => void): number {
    const f = this.session.top();
    if (f.kind === 'attach' || f.kind === 'exec') {
      this.session.state.stack.pop();
      out('read escape sequence\n');
    }
    return 0;
  }

  runtime(frame: ReturnType<Session['top']>, io: RunIO, interrupt: Interrupt, started: number): ShellRuntime {
    const scope = this.session.scope(frame);
    const limit = io.timeLimitMs;
    const guard = new InterruptSource();
    let limitReached = false;
    interrupt.onAbort(() => guard.abort({ final: interrupt.final }));
    if (interrupt.aborted) guard.abort({ final: interrupt.final });
    const sleep = async (ms: number): Promise<boolean> => {
      if (guard.aborted) return false;
      if (limit !== undefined && this.ctx.clock.now() + ms - started >= limit) {
        await this.background.advance(Math.max(0, started + limit - this.ctx.clock.now()));
        // The first time as one Ctrl-C (after ping's own exit the line goes on); once out of time, for good.
        guard.abort({ final: limitReached });
        limitReached = true;
        return false;
      }
      if (this.opts.realtime) await realDelay(ms, (cancel) => guard.onAbort(cancel));
      if (guard.aborted) return false;
      await this.background.advance(ms);
      return true;
    };
    return {
      scope,
      lab: this,
      session: this.session,
      interrupt: guard,
      sleep,
      readLine: io.readLine ?? (async () => null),
      lookup: (name) => lookupCommand(name, scope),
      shellName: frame.argv0.endsWith('bash') ? 'bash' : 'sh',
      argv0: frame.argv0,
      interactive: frame.kind !== 'ssh', // a login shell says "logout" (printed when the ssh session ends)
      pid: frame.containerId ? 1 : 2417,
      onInternalError: (name, error) => {
        throw new CommandFault(name, error);
      },
    };
  }

  /** Runs a line in the current top shell on behalf of another command (`ssh node2 docker ps`). */
  async runNested(
    line: string,
    parent: { stdout(t: string): void; stderr(t: string): void; interrupt: Interrupt; readLine(): Promise<string | null>; sleep?(ms: number): Promise<boolean> },
  ): Promise<number> {
    const frame = this.session.top();
    const rt = this.runtime(frame, { readLine: parent.readLine, signal: parent.interrupt }, parent.interrupt, this.ctx.clock.now());
    // Time passes through the outer line's sleep, so its time limit (as if Ctrl-C) stops `ssh node2 ping x` too.
    if (parent.sleep) rt.sleep = (ms) => parent.sleep!(ms);
    const status = await runLine(line, frame.shell, rt, { stdout: parent.stdout, stderr: parent.stderr });
    frame.cwd = rt.scope.cwd;
    return status;
  }

  snapshot(): LabSnapshot {
    return makeSnapshot(this.ctx.sync());
  }

  restore(snapshot: LabSnapshot): void {
    const state = checkSnapshot(snapshot);
    this.replaceState(state);
    this.loadToolsOfMainProcesses();
  }

  private replaceState(state: LabState, newTree = true): void {
    // Open captures belong to running tcpdumps, not to the state: they stay open (so do kernel timers).
    const { captures, timers } = this.ctx;
    if (newTree) this.undo = new UndoScope(state);
    this.ctx = new LabCtx(state);
    this.ctx.captures = captures;
    this.ctx.timers = timers;
    this.session = new Session(this.ctx);
  }

  writeFile(where: Vantage, path: string, content: string): string | undefined {
    return writeFileAt(this.ctx, where, path, content);
  }

  /** Emits terminal control events (clear) from commands. */
  control(io: RunIO, event: { type: 'clear' }): void {
    io.control?.(event);
  }
}
