/**
 * Two small matches Docker relies on: addrtype (extensions/libxt_addrtype.c,
 * revision 1; Docker's `-m addrtype --dst-type LOCAL -j DOCKER`) and comment
 * (extensions/libxt_comment.c; `/* text *\/` in listings, quoted by
 * xtables_save_string in -S when it has other than [A-Za-z0-9_-]).
 */
import type { AddrTypeMatch, CommentMatch } from '../types';
import { paramProblem } from '../errors';
import type { MatchExt } from './types';

/** linux/rtnetlink.h route types, in enumeration order (the bit order of the mask). */
export const ADDR_TYPES = ['UNSPEC', 'UNICAST', 'LOCAL', 'BROADCAST', 'ANYCAST', 'MULTICAST', 'BLACKHOLE', 'UNREACHABLE', 'PROHIBIT', 'THROW', 'NAT', 'XRESOLVE'];

function parseTypes(arg: string): string[] {
  const found = new Set<string>();
  const words = arg.split(',');
  words.forEach((w, i) => {
    const last = i === words.length - 1;
    const hit = w === '' ? undefined : ADDR_TYPES.find((t) => t.toLowerCase().startsWith(w.toLowerCase()));
    if (!hit) {
      const rest = words.slice(i).join(',');
      throw paramProblem(last ? `addrtype: bad type "${rest}"` : `addrtype: bad type \`${rest}'`);
    }
    found.add(hit);
  });
  return ADDR_TYPES.filter((t) => found.has(t));
}

export const addrtypeMatch: MatchExt<AddrTypeMatch> = {
  name: 'addrtype',
  generic: true,
  options: [
    { name: 'src-type', hasArg: true, invertible: true },
    { name: 'dst-type', hasArg: true, invertible: true },
  ],
  create: () => ({ kind: 'addrtype' }),
  parse(m, id, arg, invert) {
    const spec = { types: parseTypes(arg!), invert };
    if (id === 'src-type') m.src = spec;
    else m.dst = spec;
  },
  finish(m) {
    if (!m.src && !m.dst) throw paramProblem('addrtype: you must specify --src-type or --dst-type');
  },
  save(m) {
    let s = '';
    if (m.src) s += `${m.src.invert ? ' !' : ''} --src-type ${m.src.types.join(',')}`;
    if (m.dst) s += `${m.dst.invert ? ' !' : ''} --dst-type ${m.dst.types.join(',')}`;
    return s;
  },
  print(m) {
    let s = ' ADDRTYPE match';
    if (m.src) s += ` src-type ${m.src.invert ? '!' : ''}${m.src.types.join(',')}`;
    if (m.dst) s += ` dst-type ${m.dst.invert ? '!' : ''}${m.dst.types.join(',')}`;
    return s;
  },
};

/** xtables_save_string(): bare when only [A-Za-z0-9_-], else double-quoted with \" \\ \' escaped. */
export function saveString(value: string): string {
  if (/^[A-Za-z0-9_-]+$/.test(value)) return ` ${value}`;
  return ` "${value.replace(/["\\']/g, (c) => `\\${c}`)}"`;
}

export const commentMatch: MatchExt<CommentMatch> = {
  name: 'comment',
  generic: true,
  options: [{ name: 'comment', hasArg: true, mandatory: true }],
  create: () => ({ kind: 'comment', comment: '' }),
  parse(m, _id, arg) {
    // XT_MAX_COMMENT_LEN is 256 including the NUL: longer comments are cut.
    m.comment = arg!.slice(0, 255);
  },
  save: (m) => ` --comment${saveString(m.comment)}`,
  print: (m) => ` /* ${m.comment} */`,
};
