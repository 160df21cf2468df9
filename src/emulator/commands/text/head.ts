/**
 * `head [-n N] [-c N] [-N] [FILE]...`: the first 10 lines by default;
 * `-n -N` is all but the last N (GNU, and BusyBox's FANCY_HEAD). With
 * several files each gets a `==> name <==` header.
 *
 *   GNU:     head: cannot open 'x' for reading: No such file or directory
 *            head: invalid number of lines: 'x'
 *   BusyBox: head: x: No such file or directory   (fopen_or_warn)
 *            head: invalid number 'x'
 */
import type { CommandContext, CommandSpec } from '../types';
import { getopt, handleHelp, optValue, readInputs, usageError } from './common';

export const head: CommandSpec = {
  name: 'head',
  usage: 'head [OPTION]... [FILE]...',
  summary: 'Print the first 10 lines of each FILE to standard output.',
  run(ctx) {
    if (handleHelp(ctx, head)) return 0;
    const parsed = getopt(ctx.argv, { flags: 'qv', withArg: 'nc', numericShort: 'n', long: { lines: 'n', bytes: 'c', quiet: 'q', verbose: 'v' } }, ctx.scope.userland);
    if (!parsed.ok) return usageError(ctx, head, parsed.message);
    const { flags, operands } = parsed.opts;
    const bytes = optValue(parsed.opts, 'c');
    const raw = bytes ?? optValue(parsed.opts, 'n') ?? '10';
    const count = parseCount(ctx, raw, bytes !== undefined ? 'bytes' : 'lines');
    if (count === undefined) return 1;
    const { inputs, failed } = readInputs(ctx, operands, { gnu: 'for-reading', busybox: 'plain' });
    const headers = flags.has('v') || (!flags.has('q') && inputs.length > 1);
    inputs.forEach((input, i) => {
      if (headers) ctx.stdout(`${i > 0 ? '\n' : ''}==> ${input.name === '-' ? 'standard input' : input.name} <==\n`);
      ctx.stdout(bytes !== undefined ? takeBytes(input.text, count) : takeLines(input.text, count));
    });
    return failed ? 1 : 0;
  },
};

/** A count as head and tail accept it: digits with an optional sign (and tail's `+`). */
export function parseCount(ctx: CommandContext, raw: string, what: 'lines' | 'bytes'): number | undefined {
  if (/^[+-]?[0-9]+$/.test(raw)) return Number(raw);
  const cmd = ctx.argv[0];
  ctx.stderr(ctx.scope.userland === 'gnu' ? `${cmd}: invalid number of ${what}: '${raw}'\n` : `${cmd}: invalid number '${raw}'\n`);
  return undefined;
}

function takeLines(text: string, n: number): string {
  const parts = text.split('\n');
  const complete = text.endsWith('\n') ? parts.length - 1 : parts.length;
  const keep = n >= 0 ? Math.min(n, complete) : Math.max(0, complete + n);
  if (keep >= complete) return text;
  return parts.slice(0, keep).map((l) => l + '\n').join('');
}

function takeBytes(text: string, n: number): string {
  return n >= 0 ? text.slice(0, n) : text.slice(0, Math.max(0, text.length + n));
}
