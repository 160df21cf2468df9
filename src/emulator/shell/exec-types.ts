/**
 * What the interpreter's parts share while running one line: the frame a
 * command runs in (its shell variables, working directory, descriptors) and
 * the executor that owns the runtime.
 */
import type { CommandSpec, ProcessScope } from '../commands/types';
import type { List } from './ast';
import type { Expander } from './expand';
import type { Fds } from './redirect';
import type { ShellFlavour, ShellRuntime, ShellState } from './runtime';

export interface Frame {
  state: ShellState;
  /** The process scope; a subshell gets a copy so its `cd` stays its own. */
  scope: ProcessScope;
  fds: Fds;
}

export interface Executor {
  readonly rt: ShellRuntime;
  readonly flavour: ShellFlavour;
  readonly argv0: string;
  findBuiltin(name: string): CommandSpec | undefined;
  /** The status of the command that just ran if it caught Ctrl-C itself, else undefined (see CommandSpec.catchesInterrupt). */
  caughtInterrupt?: number;
  runList(list: List, frame: Frame): Promise<number>;
  expander(frame: Frame): Expander;
}
