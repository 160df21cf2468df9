/**
 * The MARK target (extensions/libxt_MARK.c, revision 2; net/netfilter/
 * xt_mark.c): sets the packet's firewall mark and lets it go on down the
 * chain. `--set-xmark value[/mask]` computes (mark & ~mask) ^ value;
 * `--set-mark value[/mask]` is set-xmark with mask | value; and-, or- and
 * xor-mark are the obvious special cases. `-S` always prints the set-xmark
 * form (`--set-xmark 0x100/0xffffffff`), `-L` the short one (`MARK set
 * 0x100`). Docker marks the packets of a swarm service this way in its
 * load-balancer sandboxes, and IPVS picks them up by that mark (net/ipvs.ts).
 */
import type { Target } from '../types';
import { paramProblem } from '../errors';
import { strtoui } from '../addr';
import type { TargetExt } from './types';

type Mark = Extract<Target, { kind: 'MARK' }>;

const ALL = 0xffffffff;
const OPTIONS = ['set-xmark', 'set-mark', 'and-mark', 'or-mark', 'xor-mark'];

/** XTTYPE_MARKMASK32: `value[/mask]`, each a 32-bit number in any base. */
function markMask(id: string, arg: string, withMask: boolean): { value: number; mask: number } {
  const [v, m, extra] = arg.split('/');
  const value = strtoui(v, 0, ALL);
  const mask = m === undefined ? ALL : strtoui(m, 0, ALL);
  if (value === undefined || mask === undefined || extra !== undefined || (!withMask && m !== undefined)) {
    throw paramProblem(`MARK: Bad value for "--${id}" option: "${arg}"`);
  }
  return { value, mask };
}

const hex = (n: number) => `0x${(n >>> 0).toString(16)}`;

export const markTarget: TargetExt<Mark> = {
  name: 'MARK',
  options: OPTIONS.map((name) => ({ name, hasArg: true, excludes: OPTIONS.filter((o) => o !== name) })),
  create: () => ({ kind: 'MARK', value: 0, mask: 0 }),
  parse(t, id, arg) {
    const { value, mask } = markMask(id, arg!, id === 'set-xmark' || id === 'set-mark');
    if (id === 'set-xmark') [t.value, t.mask] = [value, mask];
    else if (id === 'set-mark') [t.value, t.mask] = [value, (mask | value) >>> 0];
    else if (id === 'and-mark') [t.value, t.mask] = [0, ~value >>> 0];
    else if (id === 'or-mark') [t.value, t.mask] = [value, value];
    else [t.value, t.mask] = [value, 0];
  },
  finish(_t, ctx) {
    if (ctx.seen.size === 0) throw paramProblem('MARK: One of the --set-xmark, --{and,or,xor,set}-mark options is required');
  },
  save: (t) => ` --set-xmark ${hex(t.value)}/${hex(t.mask)}`,
  print(t) {
    if (t.value === 0) return ` MARK and ${hex(~t.mask)}`;
    if (t.value === t.mask) return ` MARK or ${hex(t.value)}`;
    if (t.mask === 0) return ` MARK xor ${hex(t.value)}`;
    if (t.mask === ALL) return ` MARK set ${hex(t.value)}`;
    return ` MARK xset ${hex(t.value)}/${hex(t.mask)}`;
  },
};

/** xt_mark's mark_tg: the packet's new mark. */
export function applyMark(t: Mark, mark: number): number {
  return ((mark & ~t.mask) ^ t.value) >>> 0;
}
