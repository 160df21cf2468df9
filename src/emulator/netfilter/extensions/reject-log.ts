/**
 * The REJECT and LOG targets (extensions/libipt_REJECT.c, libxt_LOG.c).
 * REJECT defaults to icmp-port-unreachable and -S always prints it; the
 * kernel only takes it in the filter table's INPUT, FORWARD and OUTPUT
 * (ipt_REJECT.c: .table = "filter" and its hook mask)
 * and tcp-reset only for `-p tcp`. LOG defaults to level 4 (warning).
 */
import type { Target } from '../types';
import { paramProblem } from '../errors';
import { strtoui } from '../addr';
import { saveString } from './addrtype-comment';
import type { TargetExt } from './types';

type Reject = Extract<Target, { kind: 'REJECT' }>;
type Log = Extract<Target, { kind: 'LOG' }>;

/** reject_table[] in index order: [name, alias]. */
const REJECT_TYPES: ReadonlyArray<[string, string]> = [
  ['icmp-net-unreachable', 'net-unreach'],
  ['icmp-host-unreachable', 'host-unreach'],
  ['icmp-proto-unreachable', 'proto-unreach'],
  ['icmp-port-unreachable', 'port-unreach'],
  ['icmp-net-prohibited', 'net-prohib'],
  ['icmp-host-prohibited', 'host-prohib'],
  ['tcp-reset', 'tcp-rst'],
  ['icmp-admin-prohibited', 'admin-prohib'],
];

export const rejectTarget: TargetExt<Reject> = {
  name: 'REJECT',
  options: [{ name: 'reject-with', hasArg: true }],
  create: () => ({ kind: 'REJECT', rejectWith: 'icmp-port-unreachable' }),
  parse(t, _id, arg) {
    const a = arg!.toLowerCase();
    const hit = REJECT_TYPES.find(([n, alias]) => n.startsWith(a) || alias.startsWith(a));
    if (!hit) throw paramProblem(`unknown reject type "${arg}"`);
    t.rejectWith = hit[0];
  },
  save: (t) => ` --reject-with ${t.rejectWith}`,
  print: (t) => ` reject-with ${t.rejectWith}`,
  allowed: { table: 'filter', hooks: ['INPUT', 'FORWARD', 'OUTPUT'] },
  kernelCheck(t, ctx) {
    const p = ctx.rule.proto;
    if (t.rejectWith === 'tcp-reset' && (!p || p.num !== 6 || p.invert)) return 'Invalid argument';
    return undefined;
  },
};

/** xtopt_parse_sysloglevel names (bsearch table) and priority2name() order for printing. */
const LEVEL_NAMES: Record<string, number> = { alert: 1, crit: 2, debug: 7, emerg: 0, error: 3, info: 6, notice: 5, panic: 0, warning: 4 };
const PRIORITY_NAMES: ReadonlyArray<[string, number]> = [
  ['alert', 1], ['crit', 2], ['debug', 7], ['emerg', 0], ['err', 3], ['error', 3], ['info', 6], ['notice', 5], ['panic', 0], ['warn', 4], ['warning', 4],
];

const LOG_FLAGS: ReadonlyArray<[string, number, string]> = [
  ['log-tcp-sequence', 0x01, 'tcp-sequence'],
  ['log-tcp-options', 0x02, 'tcp-options'],
  ['log-ip-options', 0x04, 'ip-options'],
  ['log-uid', 0x08, 'uid'],
  ['log-macdecode', 0x20, 'macdecode'],
];

function parseLevel(arg: string): number {
  const n = strtoui(arg, 0, 7) ?? LEVEL_NAMES[arg];
  if (n === undefined) throw paramProblem(`log level "${arg}" unknown\n`);
  return n;
}

export const logTarget: TargetExt<Log> = {
  name: 'LOG',
  options: [
    { name: 'log-level', hasArg: true },
    { name: 'log-prefix', hasArg: true },
    ...LOG_FLAGS.map(([name]) => ({ name, hasArg: false })),
  ],
  create: () => ({ kind: 'LOG', level: 4, flags: 0 }),
  parse(t, id, arg) {
    if (id === 'log-level') t.level = parseLevel(arg!);
    else if (id === 'log-prefix') {
      if (arg === '') throw paramProblem('Argument must have a minimum length of 1 characters\n');
      if (arg!.includes('\n')) throw paramProblem('Newlines not allowed in --log-prefix');
      t.prefix = arg!.slice(0, 29);
    } else t.flags |= LOG_FLAGS.find(([n]) => n === id)![1];
  },
  save(t) {
    let s = t.prefix ? ` --log-prefix${saveString(t.prefix)}` : '';
    if (t.level !== 4) s += ` --log-level ${t.level}`;
    for (const [name, bit] of LOG_FLAGS) if (t.flags & bit) s += ` --${name}`;
    return s;
  },
  print(t, numeric) {
    let s = ' LOG';
    if (numeric) s += ` flags ${t.flags} level ${t.level}`;
    else {
      const name = PRIORITY_NAMES.find(([, l]) => l === t.level)?.[0];
      s += name ? ` level ${name}` : ` UNKNOWN level ${t.level}`;
      for (const [, bit, label] of LOG_FLAGS) if (t.flags & bit) s += ` ${label}`;
    }
    if (t.prefix) s += ` prefix "${t.prefix}"`;
    return s;
  },
};
