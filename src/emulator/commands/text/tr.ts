/**
 * `tr [-cds] SET1 [SET2]`: translate, delete (-d) or squeeze (-s)
 * characters of stdin. Sets understand ranges (`a-z`), escapes (`\n`, `\t`,
 * `\\`, `\NNN` octal) and classes (`[:upper:]`). When SET2 is shorter it is
 * padded with its last character (GNU). `-c` complements SET1 (used with
 * -d or -s, as in `tr -cd '[:alnum:]'`).
 *
 *   GNU: tr: missing operand / tr: missing operand after 'abc'
 *        Two strings must be given when translating.
 */
import type { CommandSpec } from '../types';
import { getopt, handleHelp, usageError } from './common';

const CLASS: Record<string, string> = {
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  lower: 'abcdefghijklmnopqrstuvwxyz',
  digit: '0123456789',
  space: ' \t\n\v\f\r',
  blank: ' \t',
  punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
};
CLASS.alpha = CLASS.upper + CLASS.lower;
CLASS.alnum = CLASS.alpha + CLASS.digit;
CLASS.xdigit = '0123456789ABCDEFabcdef';

const ESC: Record<string, string> = { n: '\n', t: '\t', r: '\r', v: '\v', f: '\f', a: '\x07', b: '\b', '\\': '\\' };

/** Expands a SET into its characters, in order. */
export function expandSet(set: string): string[] {
  const chars: string[] = [];
  for (let i = 0; i < set.length; i++) {
    const cls = /^\[:([a-z]+):\]/.exec(set.slice(i));
    if (cls && CLASS[cls[1]]) {
      chars.push(...CLASS[cls[1]]);
      i += cls[0].length - 1;
      continue;
    }
    let ch = set[i];
    if (ch === '\\' && i + 1 < set.length) {
      const oct = /^[0-7]{1,3}/.exec(set.slice(i + 1));
      if (oct) {
        ch = String.fromCharCode(parseInt(oct[0], 8));
        i += oct[0].length;
      } else ch = ESC[set[++i]] ?? set[i];
    }
    if (set[i + 1] === '-' && i + 2 < set.length) {
      const end = set[i + 2];
      for (let c = ch.charCodeAt(0); c <= end.charCodeAt(0); c++) chars.push(String.fromCharCode(c));
      i += 2;
    } else chars.push(ch);
  }
  return chars;
}

export const tr: CommandSpec = {
  name: 'tr',
  usage: 'tr [OPTION]... STRING1 [STRING2]',
  summary: 'Translate, squeeze, and/or delete characters from standard input.',
  run(ctx) {
    if (handleHelp(ctx, tr)) return 0;
    const long = { delete: 'd', 'squeeze-repeats': 's', complement: 'c' };
    const parsed = getopt(ctx.argv, { flags: 'cdsC', long }, ctx.scope.userland);
    if (!parsed.ok) return usageError(ctx, tr, parsed.message);
    const f = parsed.opts.flags;
    const [s1, s2] = parsed.opts.operands;
    const del = f.has('d');
    const squeeze = f.has('s');
    if (s1 === undefined) return usageError(ctx, tr, 'missing operand');
    if (s2 === undefined && !del && !squeeze) {
      return usageError(ctx, tr, `missing operand after '${s1}'\nTwo strings must be given when translating.`);
    }
    const set1 = new Set(expandSet(s1));
    const in1 = (c: string) => set1.has(c) !== (f.has('c') || f.has('C'));
    const list1 = expandSet(s1);
    const list2 = s2 === undefined ? [] : expandSet(s2);
    const map = new Map<string, string>();
    if (!del && list2.length > 0) list1.forEach((c, i) => map.set(c, list2[Math.min(i, list2.length - 1)]));
    const squeezeSet = new Set(del || s2 === undefined ? list1 : list2);
    let out = '';
    for (const c of ctx.stdin) {
      if (del && in1(c)) continue;
      const t = map.get(c) ?? c;
      if (squeeze && squeezeSet.has(t) && out.endsWith(t)) continue;
      out += t;
    }
    ctx.stdout(out);
    return 0;
  },
};
