/**
 * Runs a parsed line: lists, and-or chains, pipelines and compound commands.
 *
 * Pipelines are buffered: each stage runs to completion and its stdout
 * becomes the next stage's stdin (a string); stderr goes straight to the
 * terminal. So `ping x | head -2` shows nothing until ping ends (or Ctrl-C
 * stops it; the later stages still run on what it printed, which is what
 * the user would have seen). As in bash without `lastpipe`, every stage of
 * a pipeline runs in a subshell: `cd /tmp | cat` leaves the shell where it was.
 *
 * Ctrl-C: when `interrupt.aborted` is true, no further command of the line
 * starts and the line's status is 130 (128 + SIGINT). But when the command
 * that was running caught it and exited by itself (ping, tcpdump), bash
 * takes the Ctrl-C as the program's business and goes on with the rest of
 * the line: `ping x; echo after` prints ping's statistics, then `after`
 * (bash jobs.c wait_for: it acts on SIGINT itself only when the foreground
 * job died of it). A pipeline's other stages got the same SIGINT and die of
 * it, so there the line still ends.
 *
 * `cmd &` runs in the foreground like `cmd ;` (there is no job control).
 */
import type { CommandSpec } from '../commands/types';
import type { Command, List, Pipeline, Redirect, Word } from './ast';
import { shellBuiltins } from './builtins';
import type { Executor, Frame } from './exec-types';
import { ExpansionError, expandWords, type Expander } from './expand';
import { parse } from './parser';
import { applyRedirects, CaptureSink, inputOf, type Fds, type Sink } from './redirect';
import { cloneState, shellArgv0, type ShellIO, type ShellRuntime, type ShellState } from './runtime';
import { runSimple } from './simple-command';
import { formatSyntaxError } from './syntax-error';

/** 128 + SIGINT, the status of a command stopped by Ctrl-C. */
export const INTERRUPTED = 130;

/**
 * A `while` loop may run this many times per line; then it stops with a
 * message. Real shells have no limit, but a loop that never sleeps would
 * otherwise freeze the page (and a test) for good.
 */
export const MAX_LOOP_ITERATIONS = 10000;

const BUILTINS: ReadonlyMap<string, CommandSpec> = new Map(shellBuiltins.map((b) => [b.name, b]));

/**
 * Parses and runs one command line in `state`, writing to `io`. Resolves to
 * the line's exit status (also left in `state.lastStatus`). A syntax error
 * prints the shell's message and gives status 2; an error thrown by a
 * command becomes one line on stderr and status 1; an empty line leaves
 * `$?` as it was. It rejects only on a fault in the shell itself, which the
 * lab answers by restoring its state.
 */
export async function runLine(line: string, state: ShellState, rt: ShellRuntime, io: ShellIO): Promise<number> {
  const parsed = parse(line);
  const argv0 = shellArgv0(rt);
  if (!parsed.ok) {
    io.stderr(formatSyntaxError(parsed.error, rt.shellName, argv0));
    state.lastStatus = 2;
    return 2;
  }
  if (parsed.list.items.length === 0) return state.lastStatus;
  const x = new LineExecutor(rt);
  const fds: Fds = {
    stdin: null,
    sinks: { 1: { write: (t) => io.stdout(t), terminal: io.terminal ?? true }, 2: { write: (t) => io.stderr(t), terminal: io.terminal ?? true } },
  };
  return x.runList(parsed.list, { state, scope: rt.scope, fds });
}

class LineExecutor implements Executor {
  readonly flavour;
  readonly argv0;
  caughtInterrupt?: number;

  constructor(readonly rt: ShellRuntime) {
    this.flavour = rt.shellName;
    this.argv0 = shellArgv0(rt);
  }

  findBuiltin(name: string): CommandSpec | undefined {
    return BUILTINS.get(name);
  }

  async runList(list: List, frame: Frame): Promise<number> {
    const state = frame.state;
    let status = state.lastStatus;
    for (const item of list.items) {
      if (this.rt.interrupt.aborted) return (state.lastStatus = this.caughtInterrupt ?? INTERRUPTED);
      if (state.exitRequested !== undefined) break;
      status = await this.pipeline(item.first, frame);
      state.lastStatus = status;
      for (const { op, pipeline } of item.rest) {
        if (this.rt.interrupt.aborted || state.exitRequested !== undefined) break;
        if ((op === '&&') !== (status === 0)) continue;
        status = await this.pipeline(pipeline, frame);
        state.lastStatus = status;
      }
    }
    if (this.rt.interrupt.aborted) return (state.lastStatus = this.caughtInterrupt ?? INTERRUPTED);
    return state.exitRequested ?? status;
  }

  expander(frame: Frame): Expander {
    return {
      state: frame.state,
      flavour: this.flavour,
      argv0: this.argv0,
      pid: this.rt.pid ?? 1,
      runSub: async (list) => {
        const capture = new CaptureSink();
        const sub = this.subshell(frame, { stdin: frame.fds.stdin, sinks: { ...frame.fds.sinks, 1: capture } });
        const status = await this.runList(list, sub);
        return { out: capture.text, status: sub.state.exitRequested ?? status };
      },
    };
  }

  private subshell(frame: Frame, fds: Fds): Frame {
    return { state: cloneState(frame.state), scope: { ...frame.scope }, fds };
  }

  private async pipeline(p: Pipeline, frame: Frame): Promise<number> {
    let status: number;
    if (p.commands.length === 1) status = await this.command(p.commands[0], frame);
    else status = await this.stages(p, frame);
    if (this.rt.interrupt.aborted) {
      if (!this.resumeAfterCaught(p)) return this.caughtInterrupt ?? INTERRUPTED;
      status = this.caughtInterrupt ?? status;
      this.caughtInterrupt = undefined;
    }
    return p.negate ? (status === 0 ? 1 : 0) : status;
  }

  /**
   * After Ctrl-C: true when the line goes on, because the pipeline was one
   * program that caught the signal and exited by itself; the interrupt is
   * then re-armed for what follows. A runtime that cannot re-arm ends the line.
   */
  private resumeAfterCaught(p: Pipeline): boolean {
    if (this.caughtInterrupt === undefined || p.commands.length !== 1 || p.commands[0].kind !== 'simple') return false;
    return this.rt.interrupt.rearm?.() ?? false;
  }

  private async stages(p: Pipeline, frame: Frame): Promise<number> {
    const pipefail = frame.state.options?.includes('pipefail') ?? false;
    let stdin = frame.fds.stdin;
    let status = 0;
    let failed = 0;
    for (const [i, cmd] of p.commands.entries()) {
      const last = i === p.commands.length - 1;
      const capture = new CaptureSink();
      const out: Sink = last ? frame.fds.sinks[1] : capture;
      const stage = this.subshell(frame, { stdin, sinks: { ...frame.fds.sinks, 1: out } });
      status = await this.command(cmd, stage);
      if (status !== 0) failed = status;
      stdin = inputOf(capture.text);
    }
    return pipefail && status === 0 ? failed : status;
  }

  private async command(cmd: Command, frame: Frame): Promise<number> {
    if (cmd.kind === 'simple') return runSimple(cmd, frame, this);
    const inner = await this.redirected(cmd.redirs, frame);
    if (typeof inner === 'number') return inner;
    switch (cmd.kind) {
      case 'subshell': {
        const sub = this.subshell(inner, inner.fds);
        const status = await this.runList(cmd.body, sub);
        return sub.state.exitRequested ?? status;
      }
      case 'group':
        return this.runList(cmd.body, inner);
      case 'if':
        for (const branch of cmd.branches) {
          if ((await this.runList(branch.cond, inner)) === 0) return this.runList(branch.body, inner);
          if (this.stopped(inner)) return inner.state.lastStatus;
        }
        return cmd.elseBody ? this.runList(cmd.elseBody, inner) : 0;
      case 'for':
        return this.forLoop(cmd.name, cmd.items, cmd.body, inner);
      case 'while':
      case 'until':
        return this.loop(cmd.kind === 'while', cmd.cond, cmd.body, inner);
    }
  }

  /** A compound command's redirections apply to everything inside it. */
  private async redirected(redirs: Redirect[], frame: Frame): Promise<Frame | number> {
    if (redirs.length === 0) return frame;
    const ex = this.expander(frame);
    const env = { fs: frame.scope.fs, cwd: frame.scope.cwd, flavour: this.flavour, argv0: this.argv0, ex };
    const r = await applyRedirects(redirs, frame.fds, env).catch((e: unknown) => {
      if (e instanceof ExpansionError) return { ok: false as const, message: e.message };
      throw e;
    });
    if (r.ok) return { ...frame, fds: r.fds };
    frame.fds.sinks[2]?.write(r.message + '\n');
    return 1;
  }

  private stopped(frame: Frame): boolean {
    return this.rt.interrupt.aborted || frame.state.exitRequested !== undefined;
  }

  private async forLoop(name: string, items: Word[] | undefined, body: List, frame: Frame): Promise<number> {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      // bash: `1': not a valid identifier (1); ash: syntax error: bad for loop variable (2).
      const bash = this.flavour === 'bash';
      frame.fds.sinks[2]?.write(bash ? `${this.argv0}: \`${name}': not a valid identifier\n` : `${this.argv0}: syntax error: bad for loop variable\n`);
      return bash ? 1 : 2;
    }
    let values: string[];
    try {
      values = items ? await expandWords(items, this.expander(frame)) : [];
    } catch (e) {
      if (!(e instanceof ExpansionError)) throw e;
      frame.fds.sinks[2]?.write(e.message + '\n');
      return e.status;
    }
    let status = 0;
    for (const v of values) {
      frame.state.vars[name] = v;
      status = await this.runList(body, frame);
      if (this.stopped(frame)) break;
    }
    return status;
  }

  private async loop(isWhile: boolean, cond: List, body: List, frame: Frame): Promise<number> {
    let status = 0;
    for (let n = 1; ; n++) {
      const c = await this.runList(cond, frame);
      if (this.stopped(frame) || (c === 0) !== isWhile) break;
      status = await this.runList(body, frame);
      if (this.stopped(frame)) break;
      // Give a live terminal the chance to deliver Ctrl-C in a loop that never sleeps.
      if (n % 64 === 0 && !(await this.rt.sleep(0))) break;
      if (n >= MAX_LOOP_ITERATIONS) {
        frame.fds.sinks[2]?.write(`${this.argv0}: loop stopped after ${MAX_LOOP_ITERATIONS} iterations (emulator limit)\n`);
        return 1;
      }
    }
    return status;
  }
}
