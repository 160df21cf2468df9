/**
 * `tail [-n N|+N] [-c N] [-N] [-f] [FILE]...`: the last 10 lines by
 * default; `+N` starts at line N. `-f` prints, then waits (on the lab's
 * clock) until Ctrl-C, as nothing else writes to a file while it waits.
 *
 *   GNU:     tail: cannot open 'x' for reading: No such file or directory
 *   BusyBox: tail: can't open 'x': No such file or directory   (open_or_warn)
 *            tail: no files   (when none could be opened)
 */
import type { CommandSpec } from '../types';
import { getopt, handleHelp, optValue, readInputs, usageError } from './common';
import { parseCount } from './head';

/** How long `tail -f` follows before it gives up on its own: one hour of lab time. */
const FOLLOW_LIMIT_SECONDS = 3600;

export const tail: CommandSpec = {
  name: 'tail',
  usage: 'tail [OPTION]... [FILE]...',
  summary: 'Print the last 10 lines of each FILE to standard output.',
  async run(ctx) {
    if (handleHelp(ctx, tail)) return 0;
    // `tail +5` (obsolete form) is read as `-n +5`.
    const takesValue = (a: string | undefined) => a === '-n' || a === '-c' || a === '--lines' || a === '--bytes';
    const argv = ctx.argv.map((a, i) => (i > 0 && /^\+[0-9]+$/.test(a) && !takesValue(ctx.argv[i - 1]) ? `-n${a}` : a));
    const parsed = getopt(argv, { flags: 'qvfF', withArg: 'nc', numericShort: 'n', long: { lines: 'n', bytes: 'c', follow: 'f', quiet: 'q', verbose: 'v' } }, ctx.scope.userland);
    if (!parsed.ok) return usageError(ctx, tail, parsed.message);
    const { flags, operands } = parsed.opts;
    const bytes = optValue(parsed.opts, 'c');
    const raw = bytes ?? optValue(parsed.opts, 'n') ?? '10';
    const count = parseCount(ctx, raw, bytes !== undefined ? 'bytes' : 'lines');
    if (count === undefined) return 1;
    const fromStart = raw.startsWith('+');
    const { inputs, failed } = readInputs(ctx, operands, { gnu: 'for-reading', busybox: 'cant-open' });
    if (inputs.length === 0 && ctx.scope.userland === 'busybox') {
      ctx.stderr('tail: no files\n'); // BusyBox gives up when no operand could be opened
      return 1;
    }
    const headers = flags.has('v') || (!flags.has('q') && inputs.length > 1);
    inputs.forEach((input, i) => {
      if (headers) ctx.stdout(`${i > 0 ? '\n' : ''}==> ${input.name === '-' ? 'standard input' : input.name} <==\n`);
      const n = Math.abs(count);
      ctx.stdout(bytes !== undefined ? lastBytes(input.text, n, fromStart) : lastLines(input.text, n, fromStart));
    });
    if (flags.has('f') || flags.has('F')) {
      for (let s = 0; s < FOLLOW_LIMIT_SECONDS; s++) if (!(await ctx.sleep(1000))) return 130;
    }
    return failed ? 1 : 0;
  },
};

function lastLines(text: string, n: number, fromStart: boolean): string {
  const parts = text.split('\n');
  const trailing = text.endsWith('\n');
  if (trailing) parts.pop();
  const start = fromStart ? Math.max(0, n - 1) : Math.max(0, parts.length - n);
  const kept = parts.slice(start);
  if (kept.length === 0) return '';
  return kept.join('\n') + (trailing ? '\n' : '');
}

function lastBytes(text: string, n: number, fromStart: boolean): string {
  return fromStart ? text.slice(Math.max(0, n - 1)) : n === 0 ? '' : text.slice(-n);
}
