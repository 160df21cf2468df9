/**
 * What the shell needs from the rest of the emulator (ShellRuntime), what it
 * keeps between lines (ShellState), and the extra context builtins receive
 * (ShellContext). The session implements ShellRuntime once per namespace the
 * user's terminal is in (the host's bash, a container's sh or bash).
 */
import type { Interrupt } from '../core/cancel';
import type { CommandContext, CommandSpec, ProcessScope } from '../commands/types';

export type ShellFlavour = 'bash' | 'sh';

export interface ShellRuntime {
  scope: ProcessScope;
  lab: unknown;
  session: unknown;
  interrupt: Interrupt;
  sleep(ms: number): Promise<boolean>;
  readLine(): Promise<string | null>;
  /**
   * Finds the program for a name in this namespace, respecting the tools
   * installed there. Shell builtins are found by the shell itself first.
   */
  lookup(name: string): CommandSpec | undefined;
  /** bash on the host and in debian/ubuntu containers; BusyBox ash (`sh`) in alpine/busybox. */
  shellName: ShellFlavour;
  /**
   * The shell's argv[0] as its messages print it. Defaults to `shellName`.
   * `docker run -it alpine` starts `/bin/sh` (the image's CMD), whose
   * errors read `/bin/sh: foo: not found`.
   */
  argv0?: string;
  /** An interactive bash prints `exit` when the `exit` builtin ends it. Default false. */
  interactive?: boolean;
  /** `$$`. Defaults to 1 (a container's shell is usually its PID 1). */
  pid?: number;
  /**
   * Called when a command throws. The lab throws from here to abandon the
   * line and restore its state; without it the shell prints one line and
   * goes on.
   */
  onInternalError?(name: string, error: unknown): void;
}

export interface ShellState {
  /** Every shell variable, exported or not; insertion order is kept. */
  vars: Record<string, string>;
  /** Names of exported variables, in the order they entered the environment. */
  exported: string[];
  /** `$?`. */
  lastStatus: number;
  /** Set by `exit [n]`: the session should leave this shell with that status. */
  exitRequested?: number;
  /** `set -o` options that are on, e.g. `pipefail`. */
  options?: string[];
  /** `cd -` goes here; bash and ash both keep it in `$OLDPWD` as well. */
  oldPwd?: string;
}

export interface ShellIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /**
   * False when the line's output goes to a pipe, not a terminal: a process
   * run by `docker exec` / `docker run` without -t (`ls` then prints one
   * name a line). Default true: the user's terminal.
   */
  terminal?: boolean;
}

/** A builtin's context: the CommandContext plus the shell it runs in. */
export interface ShellContext extends CommandContext {
  shell: ShellState;
  runtime: ShellRuntime;
  /** True when stdout is the terminal (not a pipe or a file): `ls` then prints columns. */
  stdoutIsTerminal: boolean;
  /** The shell's own builtin of that name, if any (for `type` and `which`). */
  findBuiltin(name: string): CommandSpec | undefined;
  /**
   * Reads one line of stdin for `read`, consuming it; `newline` is false for
   * a last line without one. null at end of input.
   */
  readInputLine(): Promise<{ line: string; newline: boolean } | null>;
}

/** The shell behind a command's context, when the command was started by this shell. */
export function shellOf(ctx: CommandContext): ShellContext | undefined {
  const s = ctx as Partial<ShellContext>;
  return s.shell && s.runtime ? (ctx as ShellContext) : undefined;
}

/** A shell whose environment is `env` (all exported), with `$?` = 0. */
export function createShellState(env: Record<string, string>): ShellState {
  return { vars: { ...env }, exported: Object.keys(env), lastStatus: 0 };
}

/** The environment a child process receives: exported variables in environment order. */
export function environmentOf(state: ShellState): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of state.exported) {
    const v = state.vars[name];
    if (v !== undefined) env[name] = v;
  }
  return env;
}

/** A subshell's copy: `( )`, `$( )` and every stage of a pipeline change only their copy. */
export function cloneState(state: ShellState): ShellState {
  return {
    vars: { ...state.vars },
    exported: [...state.exported],
    lastStatus: state.lastStatus,
    options: state.options ? [...state.options] : undefined,
    oldPwd: state.oldPwd,
  };
}

export function setVar(state: ShellState, name: string, value: string): void {
  state.vars[name] = value;
}

export function exportVar(state: ShellState, name: string): void {
  if (!state.exported.includes(name)) state.exported.push(name);
}

export function unsetVar(state: ShellState, name: string): void {
  delete state.vars[name];
  const i = state.exported.indexOf(name);
  if (i >= 0) state.exported.splice(i, 1);
}

/** The argv[0] used in the shell's own messages. */
export function shellArgv0(rt: ShellRuntime): string {
  return rt.argv0 ?? rt.shellName;
}
