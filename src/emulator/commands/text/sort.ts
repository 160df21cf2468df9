/**
 * `sort [-nrufb] [-t SEP] [-k POS1[,POS2]] [FILE]...`, in the C locale's
 * byte order (a container's default; the host's en_US.UTF-8 collation is
 * not modelled). Lines that compare equal by their keys fall back to a
 * whole-line comparison, unless -u, as GNU sort's "last resort" does.
 *
 * Fields without -t are separated by the empty string between a non-blank
 * and a blank: each field keeps its leading blanks (GNU and POSIX).
 *
 *   GNU:     sort: cannot read: x: No such file or directory   (status 2)
 *   BusyBox: sort: x: No such file or directory   (status 1)
 */
import type { CommandSpec } from '../types';
import { getopt, handleHelp, joinLines, readInputs, splitLines, usageError } from './common';

interface Key {
  startField: number;
  startChar: number;
  /** 0 = to the end of the line. */
  endField: number;
  numeric: boolean;
  reverse: boolean;
  fold: boolean;
  blanks: boolean;
}

interface Global {
  numeric: boolean;
  reverse: boolean;
  fold: boolean;
  blanks: boolean;
  sep?: string;
}

function parseKey(spec: string, g: Global): Key | undefined {
  const m = /^([0-9]+)(?:\.([0-9]+))?([bfnr]*)(?:,([0-9]+)(?:\.[0-9]+)?([bfnr]*))?$/.exec(spec);
  if (!m || Number(m[1]) === 0) return undefined;
  const letters = (m[3] ?? '') + (m[5] ?? '');
  const own = letters !== '';
  return {
    startField: Number(m[1]),
    startChar: m[2] ? Number(m[2]) : 1,
    endField: m[4] ? Number(m[4]) : 0,
    numeric: own ? letters.includes('n') : g.numeric,
    reverse: own ? letters.includes('r') : g.reverse,
    fold: own ? letters.includes('f') : g.fold,
    blanks: own ? letters.includes('b') : g.blanks,
  };
}

/** The [start, end) offsets of each field of a line. */
function fieldBounds(line: string, sep?: string): [number, number][] {
  const out: [number, number][] = [];
  if (sep !== undefined) {
    let start = 0;
    for (let i = 0; i <= line.length; i++) {
      if (i === line.length || line[i] === sep) {
        out.push([start, i]);
        start = i + 1;
      }
    }
    return out;
  }
  let i = 0;
  while (i < line.length) {
    const start = i;
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
    while (i < line.length && line[i] !== ' ' && line[i] !== '\t') i++;
    out.push([start, i]);
  }
  return out;
}

function keyText(line: string, k: Key, sep?: string): string {
  const fields = fieldBounds(line, sep);
  const start = fields[k.startField - 1];
  if (!start) return '';
  const endIdx = k.endField === 0 ? line.length : (fields[k.endField - 1]?.[1] ?? line.length);
  let text = line.slice(start[0], Math.max(start[0], endIdx));
  if (k.blanks || k.numeric) text = text.replace(/^[ \t]+/, '');
  return text.slice(k.startChar - 1);
}

/** GNU -n: an optional minus, digits and a decimal point; anything else is 0. */
function numberOf(s: string): number {
  const m = /^[ \t]*(-?[0-9]*\.?[0-9]+|-?[0-9]+\.)/.exec(s);
  return m ? Number(m[1]) : 0;
}

function compareBy(a: string, b: string, k: Key): number {
  if (k.numeric) return numberOf(a) - numberOf(b);
  const x = k.fold ? a.toUpperCase() : a;
  const y = k.fold ? b.toUpperCase() : b;
  return x < y ? -1 : x > y ? 1 : 0;
}

export const sort: CommandSpec = {
  name: 'sort',
  usage: 'sort [OPTION]... [FILE]...',
  summary: 'Write sorted concatenation of all FILE(s) to standard output.',
  run(ctx) {
    if (handleHelp(ctx, sort)) return 0;
    const gnu = ctx.scope.userland === 'gnu';
    const long = { 'numeric-sort': 'n', reverse: 'r', unique: 'u', 'ignore-case': 'f', 'field-separator': 't', key: 'k' };
    const parsed = getopt(ctx.argv, { flags: 'nrufbsh', withArg: 'tko', long }, ctx.scope.userland);
    if (!parsed.ok) return usageError(ctx, sort, parsed.message, gnu ? 2 : 1);
    const f = parsed.opts.flags;
    const sep = parsed.opts.values.get('t')?.at(-1);
    if (sep !== undefined && sep.length !== 1) {
      ctx.stderr(gnu ? `sort: multi-character tab '${sep}'\n` : `sort: bad -t parameter\n`);
      return gnu ? 2 : 1;
    }
    const g: Global = { numeric: f.has('n') || f.has('h'), reverse: f.has('r'), fold: f.has('f'), blanks: f.has('b'), sep };
    const keys: Key[] = [];
    for (const spec of parsed.opts.values.get('k') ?? []) {
      const key = parseKey(spec, g);
      if (!key) {
        const zero = /^0+(\D|$)/.test(spec);
        const why = zero ? `field number is zero: invalid field specification '${spec}'` : `invalid number at field start: invalid count at start of '${spec}'`;
        ctx.stderr(gnu ? `sort: ${why}\n` : `sort: bad field specification '${spec}'\n`);
        return gnu ? 2 : 1;
      }
      keys.push(key);
    }
    const { inputs, failed } = readInputs(ctx, parsed.opts.operands, { gnu: 'cannot-read', busybox: 'plain' });
    if (failed) return gnu ? 2 : 1;
    const lines = inputs.flatMap((i) => splitLines(i.text));
    ctx.stdout(joinLines(sortLines(lines, keys, g, f.has('u'), f.has('s'))));
    return 0;
  },
};

export function sortLines(lines: string[], keys: Key[], g: Global, unique: boolean, stable: boolean): string[] {
  const all: Key[] = keys.length > 0 ? keys : [{ startField: 1, startChar: 1, endField: 0, numeric: g.numeric, reverse: g.reverse, fold: g.fold, blanks: g.blanks }];
  const byKeys = (a: string, b: string): number => {
    for (const k of all) {
      const c = compareBy(keyText(a, k, g.sep), keyText(b, k, g.sep), k);
      if (c !== 0) return k.reverse ? -c : c;
    }
    return 0;
  };
  const sorted = [...lines].sort((a, b) => {
    const c = byKeys(a, b);
    if (c !== 0 || unique || stable) return c;
    const last = a < b ? -1 : a > b ? 1 : 0; // last-resort comparison, reversed by -r
    return g.reverse ? -last : last;
  });
  if (!unique) return sorted;
  return sorted.filter((l, i) => i === 0 || byKeys(sorted[i - 1], l) !== 0);
}
