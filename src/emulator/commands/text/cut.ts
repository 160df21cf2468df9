/**
 * `cut -f LIST [-d DELIM] [-s] | -c LIST | -b LIST [FILE]...`. LIST is
 * `N`, `N-M`, `N-`, `-M`, comma-separated. With -f a line without the
 * delimiter is printed whole unless -s; the default delimiter is TAB.
 *
 *   GNU:     cut: you must specify a list of bytes, characters, or fields
 *            cut: the delimiter must be a single character
 *            cut: fields are numbered from 1
 *   BusyBox: cut: expected a list of bytes, characters, or fields   (no usage after it)
 */
import type { CommandSpec } from '../types';
import { getopt, handleHelp, optValue, readInputs, splitLines, usageError } from './common';

type Range = [from: number, to: number];

/**
 * Parses a LIST; a string is the error message (GNU cut's set_fields():
 * `invalid field value 'x'`, `fields are numbered from 1`, and the
 * byte/character wording for -c and -b).
 */
function parseList(list: string, gnu: boolean, fields: boolean): Range[] | string {
  const ranges: Range[] = [];
  const bad = gnu ? '' : 'invalid byte or field list';
  for (const part of list.split(',')) {
    const m = /^([0-9]*)(-?)([0-9]*)$/.exec(part);
    if (!m || (m[1] === '' && m[3] === '')) {
      if (m && part === '-') return bad || 'invalid range with no endpoint: -';
      return bad || (fields ? `invalid field value '${part}'` : `invalid byte/character position '${part}'`);
    }
    const from = m[1] === '' ? 1 : Number(m[1]);
    const to = m[2] === '' ? from : m[3] === '' ? Infinity : Number(m[3]);
    if (from === 0 || to === 0) return bad || (fields ? 'fields are numbered from 1' : 'byte/character positions are numbered from 1');
    if (to < from) return bad || 'invalid decreasing range';
    ranges.push([from, to]);
  }
  return ranges;
}

const selected = (ranges: Range[], n: number) => ranges.some(([a, b]) => n >= a && n <= b);

export const cut: CommandSpec = {
  name: 'cut',
  usage: 'cut OPTION... [FILE]...',
  summary: 'Print selected parts of lines from each FILE to standard output.',
  run(ctx) {
    if (handleHelp(ctx, cut)) return 0;
    const gnu = ctx.scope.userland === 'gnu';
    const long = { fields: 'f', delimiter: 'd', characters: 'c', bytes: 'b', 'only-delimited': 's' };
    const parsed = getopt(ctx.argv, { flags: 'sn', withArg: 'fdcb', long }, ctx.scope.userland);
    if (!parsed.ok) return usageError(ctx, cut, parsed.message);
    const opts = parsed.opts;
    const fields = optValue(opts, 'f');
    const chars = optValue(opts, 'c') ?? optValue(opts, 'b');
    const list = fields ?? chars;
    if (list === undefined) {
      if (gnu) return usageError(ctx, cut, 'you must specify a list of bytes, characters, or fields');
      ctx.stderr('cut: expected a list of bytes, characters, or fields\n');
      return 1;
    }
    const delim = optValue(opts, 'd') ?? '\t';
    if (delim.length !== 1) return usageError(ctx, cut, gnu ? 'the delimiter must be a single character' : 'bad delimiter');
    const ranges = parseList(list, gnu, fields !== undefined);
    if (typeof ranges === 'string') return usageError(ctx, cut, ranges);
    const { inputs, failed } = readInputs(ctx, opts.operands, { gnu: 'plain', busybox: 'plain' });
    let out = '';
    for (const input of inputs) {
      for (const line of splitLines(input.text)) {
        if (fields === undefined) {
          out += [...line].filter((_, i) => selected(ranges, i + 1)).join('') + '\n';
        } else if (!line.includes(delim)) {
          if (!opts.flags.has('s')) out += line + '\n';
        } else out += line.split(delim).filter((_, i) => selected(ranges, i + 1)).join(delim) + '\n';
      }
    }
    ctx.stdout(out);
    return failed ? 1 : 0;
  },
};
