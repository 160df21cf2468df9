/**
 * `seq [-s SEP] [-w] [FIRST [INCREMENT]] LAST`. Numbers print with as many
 * decimals as FIRST or INCREMENT has. A listing stops at a million numbers
 * (or at Ctrl-C) so that a typo cannot freeze the page.
 *
 *   GNU:     seq: invalid floating point argument: 'x'  + Try 'seq --help' ...
 *   BusyBox: a bad number shows the usage (bb_show_usage), status 1
 */
import type { CommandSpec } from '../types';
import { getopt, handleHelp, optValue, usageError } from './common';

const MAX_NUMBERS = 1_000_000;

function decimals(s: string): number {
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

export const seq: CommandSpec = {
  name: 'seq',
  usage: 'seq [OPTION]... [FIRST [INCREMENT]] LAST',
  summary: 'Print numbers from FIRST to LAST, in steps of INCREMENT.',
  run(ctx) {
    if (handleHelp(ctx, seq)) return 0;
    const gnu = ctx.scope.userland === 'gnu';
    // Negative numbers are operands, not options: `seq -5 5`.
    const argv = ctx.argv.map((a, i) => (i > 0 && /^-[0-9.]+$/.test(a) ? `\u0000${a}` : a));
    const parsed = getopt(argv, { flags: 'w', withArg: 's', long: { separator: 's', 'equal-width': 'w' } }, ctx.scope.userland);
    if (!parsed.ok) return usageError(ctx, seq, parsed.message);
    const ops = parsed.opts.operands.map((a) => a.replace(/^\u0000/, ''));
    if (ops.length === 0 || ops.length > 3) return usageError(ctx, seq, ops.length === 0 ? 'missing operand' : `extra operand '${ops[3]}'`);
    for (const a of ops) {
      if (!/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)$/.test(a)) {
        return usageError(ctx, seq, gnu ? `invalid floating point argument: '${a}'` : '');
      }
    }
    const [first, step, last] = ops.length === 1 ? ['1', '1', ops[0]] : ops.length === 2 ? [ops[0], '1', ops[1]] : ops;
    const places = Math.max(decimals(first), decimals(step));
    const a = Number(first), d = Number(step), z = Number(last);
    if (d === 0) return usageError(ctx, seq, `invalid Zero increment value: '${step}'`);
    const sep = optValue(parsed.opts, 's') ?? '\n';
    const nums: string[] = [];
    for (let i = 0; nums.length < MAX_NUMBERS; i++) {
      const v = a + i * d;
      if (d > 0 ? v > z + 1e-9 : v < z - 1e-9) break;
      nums.push(v.toFixed(places));
    }
    if (parsed.opts.flags.has('w')) {
      const w = Math.max(...nums.map((n) => n.replace('-', '').length));
      nums.forEach((n, i) => (nums[i] = (n.startsWith('-') ? '-' : '') + n.replace('-', '').padStart(w, '0')));
    }
    if (nums.length > 0) ctx.stdout(nums.join(sep) + '\n');
    return 0;
  },
};
