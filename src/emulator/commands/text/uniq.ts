/**
 * `uniq [-c] [-d] [-u] [-i] [INPUT]`: collapses runs of equal adjacent
 * lines. `-c` prefixes each with its count as `%7d ` (GNU uniq.c and
 * BusyBox uniq.c print the same).
 */
import type { CommandSpec } from '../types';
import { getopt, handleHelp, readInputs, splitLines, usageError } from './common';

export const uniq: CommandSpec = {
  name: 'uniq',
  usage: 'uniq [OPTION]... [INPUT [OUTPUT]]',
  summary: 'Filter adjacent matching lines from INPUT, writing to standard output.',
  run(ctx) {
    if (handleHelp(ctx, uniq)) return 0;
    const long = { count: 'c', repeated: 'd', unique: 'u', 'ignore-case': 'i' };
    const parsed = getopt(ctx.argv, { flags: 'cdui', long }, ctx.scope.userland);
    if (!parsed.ok) return usageError(ctx, uniq, parsed.message);
    const f = parsed.opts.flags;
    const { inputs, failed } = readInputs(ctx, parsed.opts.operands.slice(0, 1), { gnu: 'plain', busybox: 'cant-open' });
    if (failed) return 1;
    const lines = splitLines(inputs[0]?.text ?? '');
    const same = (a: string, b: string) => (f.has('i') ? a.toLowerCase() === b.toLowerCase() : a === b);
    let out = '';
    for (let i = 0; i < lines.length; ) {
      let j = i + 1;
      while (j < lines.length && same(lines[i], lines[j])) j++;
      const n = j - i;
      if (!(f.has('d') && n < 2) && !(f.has('u') && n > 1)) {
        out += (f.has('c') ? `${String(n).padStart(7)} ` : '') + lines[i] + '\n';
      }
      i = j;
    }
    ctx.stdout(out);
    return 0;
  },
};
