/**
 * `cat [-n] [FILE]...`. `-n` numbers every output line as `%6d\t`
 * (GNU cat.c and BusyBox both), continuing across files.
 */
import type { CommandSpec } from '../types';
import { getopt, handleHelp, readInputs, usageError } from './common';

export const cat: CommandSpec = {
  name: 'cat',
  usage: 'cat [OPTION]... [FILE]...',
  summary: 'Concatenate FILE(s) to standard output.',
  run(ctx) {
    if (handleHelp(ctx, cat)) return 0;
    const parsed = getopt(ctx.argv, { flags: 'nbAEsuv', long: { number: 'n' } }, ctx.scope.userland);
    if (!parsed.ok) return usageError(ctx, cat, parsed.message);
    const { flags, operands } = parsed.opts;
    const { inputs, failed } = readInputs(ctx, operands, { gnu: 'plain', busybox: 'cant-open' });
    let text = inputs.map((i) => i.text).join('');
    if (flags.has('n')) text = numberLines(text);
    ctx.stdout(text);
    return failed ? 1 : 0;
  },
};

function numberLines(text: string): string {
  if (text === '') return '';
  const lines = text.split('\n');
  const last = lines.pop()!; // '' when the text ends with a newline
  let out = '';
  lines.forEach((l, i) => (out += `${String(i + 1).padStart(6)}\t${l}\n`));
  if (last !== '') out += `${String(lines.length + 1).padStart(6)}\t${last}`;
  return out;
}
