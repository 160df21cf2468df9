/**
 * The icmp match (extensions/libipt_icmp.c, libxt_icmp.h): `-p icmp
 * --icmp-type echo-request`. Names match by case-insensitive prefix, as
 * __parse_icmp does; -S always prints the number. With `-n`, 1.8.9 prints
 * `icmptype 8` (no space: " icmp" then "type %u").
 */
import type { IcmpMatch } from '../types';
import { paramProblem } from '../errors';
import { ICMP_NAMES } from '../names';
import type { MatchExt } from './types';

function parseNumberRange(text: string): { lo: number; hi: number; rest: string } | undefined {
  const m = /^(\d+)(?:-(\d+))?/.exec(text);
  if (!m) return undefined;
  const lo = Number(m[1]);
  const hi = m[2] === undefined ? lo : Number(m[2]);
  if (lo > 255 || hi > 255) return undefined;
  return { lo, hi, rest: text.slice(m[0].length) };
}

export function parseIcmpType(text: string): { type: number; codeMin: number; codeMax: number } {
  let match: (typeof ICMP_NAMES)[number] | undefined;
  for (const n of ICMP_NAMES) {
    if (!n.name.toLowerCase().startsWith(text.toLowerCase())) continue;
    if (match) throw paramProblem(`Ambiguous ICMP type \`${text}': \`${match.name}' or \`${n.name}'?`);
    match = n;
  }
  if (match) return { type: match.type, codeMin: match.codeMin, codeMax: match.codeMax };
  const t = parseNumberRange(text);
  if (!t) throw paramProblem(`Unknown ICMP type \`${text}'`);
  if (t.lo !== t.hi) throw paramProblem('ICMP type range not supported');
  if (t.rest === '') return { type: t.lo, codeMin: 0, codeMax: 255 };
  if (!t.rest.startsWith('/')) throw paramProblem(`unknown character ${t.rest[0]}`);
  const c = parseNumberRange(t.rest.slice(1));
  if (!c) throw paramProblem(`Unknown ICMP code \`${text}'`);
  if (c.rest !== '') throw paramProblem(`unknown character ${c.rest[0]}`);
  return { type: t.lo, codeMin: c.lo, codeMax: c.hi };
}

function printIcmpType(m: IcmpMatch, numeric: boolean): string {
  if (!numeric) {
    const hit = ICMP_NAMES.find((n) => n.type === m.type && n.codeMin === m.codeMin && n.codeMax === m.codeMax);
    if (hit) return ` ${m.invert ? '!' : ''}${hit.name}`;
  }
  let s = m.invert ? ' !' : '';
  s += `type ${m.type}`;
  if (m.codeMin === m.codeMax) s += ` code ${m.codeMin}`;
  else if (m.codeMin !== 0 || m.codeMax !== 255) s += ` codes ${m.codeMin}-${m.codeMax}`;
  return s;
}

export const icmpMatch: MatchExt<IcmpMatch> = {
  name: 'icmp',
  generic: true,
  options: [{ name: 'icmp-type', hasArg: true, invertible: true }],
  create: () => ({ kind: 'icmp', type: 255, codeMin: 0, codeMax: 255, invert: false }),
  parse(m, _id, arg, invert) {
    Object.assign(m, parseIcmpType(arg!), { invert });
  },
  save(m) {
    const inv = m.invert ? ' !' : '';
    if (m.type === 255) return `${inv} --icmp-type any`;
    const code = m.codeMin !== 0 || m.codeMax !== 255 ? `/${m.codeMin}` : '';
    return `${inv} --icmp-type ${m.type}${code}`;
  },
  print: (m, numeric) => ' icmp' + printIcmpType(m, numeric),
  // icmp_checkentry (xt_tcpudp.c): only for `-p icmp`, not inverted.
  kernelCheck: (_m, ctx) => (ctx.rule.proto?.num === 1 && !ctx.rule.proto.invert ? undefined : 'Invalid argument'),
};
