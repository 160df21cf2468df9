/**
 * Runs a process inside a container without the terminal entering it: the
 * main command of `docker run alpine cat /etc/resolv.conf`, or
 * `docker exec web cat /etc/hosts`. The command goes through the emulator's
 * shell with a runtime scoped to the container (its namespace, filesystem,
 * image tools, environment), as `EmulatedLab.runtime` does for the terminal.
 *
 * Docker execs argv directly, without a shell: each word is quoted so the
 * shell takes it literally. `sh -c 'script'` is the one case where a shell
 * really runs, so its script is run as a line.
 */
import type { EmulatedLab } from '../lab';
import type { ContainerState } from '../docker/state';
import type { Interrupt } from '../core/cancel';
import type { ProcessScope } from '../commands/types';
import { VirtualFs } from '../kernel/fs';
import { findImage } from '../docker/images';
import { lookupCommand } from '../commands/registry';
import { runLine } from '../shell/interpreter';
import { createShellState, type ShellRuntime } from '../shell/runtime';

export interface ContainerProcessIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** A pseudo-TTY (-t): without one the process writes to pipes. */
  tty: boolean;
  interrupt: Interrupt;
  sleep(ms: number): Promise<boolean>;
}

export interface ContainerProcessOptions {
  env: Record<string, string>;
  cwd: string;
}

const SHELLS = new Set(['sh', 'ash', 'bash', 'zsh', 'dash']);

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The scope a process in this container sees. */
export function containerScope(lab: EmulatedLab, machine: string, c: ContainerState, cwd: string): ProcessScope {
  const image = findImage(c.image);
  const m = lab.ctx.state.machines[machine];
  return {
    host: machine,
    containerId: c.id,
    netnsId: c.netnsId ?? m.rootNs,
    fs: new VirtualFs(lab.ctx.state.containerFs[c.fsId]),
    userland: image?.userland ?? 'gnu',
    tools: new Set(image?.tools ?? []),
    cwd,
  };
}

/** Is argv[0] a program of the image (runc's `exec: "x": executable file not found in $PATH`)? */
export function programInImage(c: ContainerState, program: string): boolean {
  const image = findImage(c.image);
  return !!image && image.tools.includes(baseName(program));
}

function quote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The shell line for an argv, and the shell that reads it. */
function lineFor(argv: string[]): { line: string; shell: string } {
  const prog = baseName(argv[0] ?? '');
  if (SHELLS.has(prog) && argv[1] === '-c' && argv[2] !== undefined) return { line: argv[2], shell: argv[0] };
  return { line: argv.map(quote).join(' '), shell: 'sh' };
}

/** Runs argv in the container; resolves to its exit status. */
export async function runInContainer(
  lab: EmulatedLab, machine: string, c: ContainerState, argv: string[], io: ContainerProcessIO, opts: ContainerProcessOptions,
): Promise<number> {
  const scope = containerScope(lab, machine, c, opts.cwd);
  const { line, shell } = lineFor(argv);
  const bash = baseName(shell) === 'bash' && scope.userland === 'gnu';
  const rt: ShellRuntime = {
    scope,
    lab,
    session: lab.session,
    interrupt: io.interrupt,
    sleep: (ms) => io.sleep(ms),
    readLine: async () => null,
    lookup: (name) => lookupCommand(name, scope),
    shellName: bash ? 'bash' : 'sh',
    argv0: shell,
    interactive: false,
    pid: 1,
  };
  const state = createShellState(opts.env);
  return runLine(line, state, rt, { stdout: io.stdout, stderr: io.stderr, terminal: io.tty });
}
