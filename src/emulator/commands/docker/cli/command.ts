/**
 * A docker CLI (sub)command: its cobra `Use` line, one-line description,
 * flags, argument rule and run function. The dispatcher parses flags with
 * pflag's rules and prints Docker 28's errors:
 *
 *   unknown flag: --foo
 *
 *   Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]
 *
 *   Run 'docker run --help' for more information
 *
 * (exit 125), and `docker: 'docker network create' requires 1 argument` for
 * a wrong argument count (cli/required.go, 28+).
 */
import type { CommandContext } from '../../types';
import { FlagError, Flags, flagLabel, parseFlags, type FlagSpec } from './flags';

export type ArgRule =
  | { kind: 'none' }
  | { kind: 'exact'; n: number }
  | { kind: 'min'; n: number }
  | { kind: 'range'; min: number; max: number }
  | { kind: 'any' };

export interface DockerCommand {
  /** e.g. ['network', 'create']; the short alias path for top-level shortcuts like `docker ps`. */
  path: string[];
  aliases?: string[][];
  /** cobra Use without `docker `: `network create [OPTIONS] NETWORK`. */
  use: string;
  short: string;
  flags: FlagSpec[];
  args: ArgRule;
  /** false for run/exec/create: flags end at the first positional argument. */
  interspersed?: boolean;
  run(ctx: CommandContext, flags: Flags): Promise<number> | number;
}

export function usageLine(cmd: DockerCommand): string {
  return `docker ${cmd.use}`;
}

function commandPath(cmd: DockerCommand): string {
  return ['docker', ...cmd.path].join(' ');
}

export function flagUsageError(ctx: CommandContext, cmd: DockerCommand, message: string): number {
  ctx.stderr(`${message}\n\nUsage:  ${usageLine(cmd)}\n\nRun '${commandPath(cmd)} --help' for more information\n`);
  return 125;
}

function argCountError(cmd: DockerCommand, got: number): string | undefined {
  const r = cmd.args;
  const path = commandPath(cmd);
  const plural = (n: number) => (n === 1 ? 'argument' : 'arguments');
  switch (r.kind) {
    case 'none':
      return got ? `"${path}" accepts no arguments.` : undefined;
    case 'exact':
      return got !== r.n ? `'${path}' requires ${r.n} ${plural(r.n)}` : undefined;
    case 'min':
      return got < r.n ? `'${path}' requires at least ${r.n} ${plural(r.n)}` : undefined;
    case 'range':
      return got < r.min || got > r.max ? `'${path}' requires at least ${r.min} and at most ${r.max} ${plural(r.max)}` : undefined;
    default:
      return undefined;
  }
}

export const HELP_FLAG: FlagSpec = { long: 'help', type: 'bool', help: 'Print usage' };

export async function runDockerCommand(ctx: CommandContext, cmd: DockerCommand, argv: string[]): Promise<number> {
  let flags: Flags;
  try {
    flags = new Flags(parseFlags(argv, [...cmd.flags, HELP_FLAG], cmd.interspersed ?? true));
  } catch (e) {
    if (e instanceof FlagError) return flagUsageError(ctx, cmd, e.message);
    throw e;
  }
  if (flags.bool('help')) {
    ctx.stdout(helpText(cmd));
    return 0;
  }
  const countError = argCountError(cmd, flags.args.length);
  if (countError) {
    if (cmd.args.kind === 'none') return flagUsageError(ctx, cmd, countError);
    ctx.stderr(`docker: ${countError}\n\nUsage:  ${usageLine(cmd)}\n\nRun '${commandPath(cmd)} --help' for more information\n`);
    return 1;
  }
  return cmd.run(ctx, flags);
}

/** `docker X --help`, laid out as cobra's template does. */
export function helpText(cmd: DockerCommand): string {
  const lines = ['', `Usage:  ${usageLine(cmd)}`, '', cmd.short, ''];
  if (cmd.aliases?.length) {
    lines.push('Aliases:', '  ' + [cmd.path, ...cmd.aliases].map((p) => ['docker', ...p].join(' ')).join(', '), '');
  }
  const visible = cmd.flags.filter((f) => !f.hidden);
  if (visible.length) {
    lines.push('Options:');
    const left = visible.map((f) => {
      const names = f.short ? `  -${f.short}, --${f.long}` : `      --${f.long}`;
      return f.type === 'bool' ? names : `${names} ${f.value ?? f.type}`;
    });
    const width = Math.max(...left.map((l) => l.length)) + 3;
    visible.forEach((f, i) => {
      const def = f.defaultText !== undefined ? ` (default ${f.defaultText})` : '';
      lines.push(left[i].padEnd(width) + f.help + def);
    });
  }
  return lines.join('\n') + '\n';
}

/** Daemon errors as the CLI prints them (exit 1). */
export function printDaemonError(ctx: CommandContext, message: string): number {
  ctx.stderr(`Error response from daemon: ${message}\n`);
  return 1;
}

export { flagLabel };
