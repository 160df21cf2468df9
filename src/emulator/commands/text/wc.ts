/**
 * `wc [-lwcmL] [FILE]...`: newline, word and byte counts.
 *
 * GNU (coreutils wc.c): every number is right-aligned to one width. With a
 * single input and a single count the width is 1 (`echo hi | wc -l` prints
 * `1`); otherwise it is the digits of the total size of the regular files,
 * and at least 7 when stdin is among the inputs (`      1       1       3`).
 *
 * BusyBox (coreutils/wc.c): each count is `%9u` after the first, which has
 * no leading space; reading stdin with no operand it prints no name, and
 * with exactly one count just `%u`.
 */
import type { CommandSpec } from '../types';
import { getopt, handleHelp, readInputs, usageError, utf8Length } from './common';

interface Counts {
  lines: number;
  words: number;
  chars: number;
  bytes: number;
  maxLine: number;
}

/** Counts in GNU order: lines, words, chars (-m), bytes (-c), max line length (-L). */
const ORDER: [letter: string, key: keyof Counts][] = [['l', 'lines'], ['w', 'words'], ['m', 'chars'], ['c', 'bytes'], ['L', 'maxLine']];

function count(text: string): Counts {
  let lines = 0;
  let maxLine = 0;
  let col = 0;
  for (const ch of text) {
    if (ch === '\n') {
      lines++;
      maxLine = Math.max(maxLine, col);
      col = 0;
    } else col += ch === '\t' ? 8 - (col % 8) : 1;
  }
  maxLine = Math.max(maxLine, col);
  const words = text.split(/[ \t\n\r\f\v]+/).filter((w) => w !== '').length;
  return { lines, words, chars: [...text].length, bytes: utf8Length(text), maxLine };
}

export const wc: CommandSpec = {
  name: 'wc',
  usage: 'wc [OPTION]... [FILE]...',
  summary: 'Print newline, word, and byte counts for each FILE.',
  run(ctx) {
    if (handleHelp(ctx, wc)) return 0;
    const gnu = ctx.scope.userland === 'gnu';
    const long = { lines: 'l', words: 'w', bytes: 'c', chars: 'm', 'max-line-length': 'L' };
    const parsed = getopt(ctx.argv, { flags: 'lwcmL', long }, ctx.scope.userland);
    if (!parsed.ok) return usageError(ctx, wc, parsed.message);
    const { flags, operands } = parsed.opts;
    const shown = ORDER.filter(([l]) => flags.has(l));
    const cols = shown.length > 0 ? shown : ORDER.filter(([l]) => 'lwc'.includes(l));
    const { inputs, failed } = readInputs(ctx, operands, { gnu: 'plain', busybox: 'plain' });
    const rows = inputs.map((i) => ({ name: i.name, counts: count(i.text) }));
    const total: Counts = { lines: 0, words: 0, chars: 0, bytes: 0, maxLine: 0 };
    for (const r of rows) {
      for (const [, k] of ORDER) total[k] = k === 'maxLine' ? Math.max(total[k], r.counts[k]) : total[k] + r.counts[k];
    }
    const names = operands.length === 0 ? [''] : operands;
    if (names.length > 1) rows.push({ name: 'total', counts: total });
    const noOperand = operands.length === 0;
    let width = 1;
    if (gnu && !(names.length === 1 && cols.length === 1)) {
      const regular = inputs.filter((i) => i.name !== '-').reduce((n, i) => n + utf8Length(i.text), 0);
      width = Math.max(String(regular).length, inputs.some((i) => i.name === '-') ? 7 : 1);
    }
    let out = '';
    for (const r of rows) {
      const nums = cols.map(([, k]) => r.counts[k]);
      const name = noOperand ? '' : r.name;
      if (gnu) out += nums.map((n) => String(n).padStart(width)).join(' ') + (name ? ' ' + name : '') + '\n';
      else if (noOperand && cols.length === 1) out += `${nums[0]}\n`;
      else out += nums.map((n) => String(n).padStart(9)).join(' ') + (name ? ' ' + name : '') + '\n';
    }
    ctx.stdout(out);
    return failed ? 1 : 0;
  },
};
