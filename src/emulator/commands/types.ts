/**
 * The contract between the shell and every command. One command = one spec in
 * one file (house style 4): `name`, `usage`, `summary`, and `run`. Commands
 * parse their own argv, call the domain, and format text; they return an exit
 * status and never throw (the registry turns a thrown error into a one-line
 * message and restores the lab).
 */
import type { Interrupt } from '../core/cancel';
import type { VirtualFs } from '../kernel/fs';

/** Which flavour of userland a namespace has: BusyBox (alpine, busybox) or GNU (debian, ubuntu, the host). */
export type Userland = 'busybox' | 'gnu';

/** Where a command runs: a host's shell or a container's. */
export interface ProcessScope {
  /** Host name, e.g. `node1`. */
  host: string;
  /** Container ID when the command runs inside a container, else undefined. */
  containerId?: string;
  /** The network namespace the process sees. */
  netnsId: string;
  /** The filesystem the process sees (the host's or the container's). */
  fs: VirtualFs;
  userland: Userland;
  /** Names of the programs installed here (image tools, or the host's). */
  tools: ReadonlySet<string>;
  /** Current working directory. */
  cwd: string;
}

export interface CommandContext {
  /** argv[0] is the command name as typed. */
  argv: string[];
  /** Exported environment of the process. */
  env: Record<string, string>;
  /** Everything piped into the command ('' when nothing is). */
  stdin: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Ctrl-C. Long-running commands poll `aborted` or wait with `sleep`. */
  interrupt: Interrupt;
  /**
   * Waits `ms` of virtual time (and, in a live terminal, as much real time).
   * Resolves false when interrupted before the time passed.
   */
  sleep(ms: number): Promise<boolean>;
  /** Reads one line typed by the user (for prompts such as `[y/N]`); null at end of input. */
  readLine(): Promise<string | null>;
  scope: ProcessScope;
  /**
   * The running lab. Typed loosely here to keep this file free of the engine;
   * commands import the concrete type they need.
   */
  lab: unknown;
  /** The interactive session the command runs in (prompt stack, history). */
  session: unknown;
}

export interface CommandSpec {
  /** The program name, e.g. `grep`. */
  name: string;
  /** One line, as `--help` prints it after `Usage: `. */
  usage: string;
  /** One sentence describing the command. */
  summary: string;
  /** Full help text printed by `--help`; defaults to usage + summary. */
  help?: string;
  /**
   * Shell builtins run in the shell itself (cd, export, exit) and are found
   * even when the image ships no such program.
   */
  builtin?: boolean;
  /**
   * The program handles Ctrl-C itself (ping prints its statistics, tcpdump
   * its counters) and exits with its own status, so `$?` is that status,
   * not the 130 of a program killed by SIGINT.
   */
  catchesInterrupt?: boolean;
  run(ctx: CommandContext): Promise<number> | number;
}
