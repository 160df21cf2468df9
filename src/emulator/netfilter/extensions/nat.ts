/**
 * The DNAT, SNAT and MASQUERADE targets (extensions/libxt_NAT.c). A port in
 * `--to-destination 10.0.0.2:80` needs a protocol with ports (`-p tcp`...),
 * checked when the option is parsed. The kernel takes DNAT only in the nat
 * table's PREROUTING/OUTPUT, SNAT in POSTROUTING/INPUT and MASQUERADE in
 * POSTROUTING; user chains of the nat table are reached from those hooks.
 */
import type { NatRange, Target } from '../types';
import { paramProblem } from '../errors';
import { servicePort } from '../names';
import type { ParseCtx, TargetExt } from './types';

type Dnat = Extract<Target, { kind: 'DNAT' }>;
type Snat = Extract<Target, { kind: 'SNAT' }>;
type Masq = Extract<Target, { kind: 'MASQUERADE' }>;
type Redirect = Extract<Target, { kind: 'REDIRECT' }>;

/** tcp, udp, sctp, dccp and icmp may carry a port range (libxt_NAT.c __NAT_parse). */
function portOk(ctx: ParseCtx): boolean {
  return [6, 17, 132, 33, 1].includes(ctx.proto);
}

/** strtoul with an end pointer: the leading number (base 0) and what follows. */
function leadingNumber(text: string): { value: number; rest: string } | undefined {
  const m = /^(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(text);
  if (!m) return undefined;
  const t = m[1];
  const value = /^0[xX]/.test(t) ? parseInt(t.slice(2), 16) : t.length > 1 && t.startsWith('0') ? parseInt(t, 8) : Number(t);
  return value <= 65535 ? { value, rest: text.slice(t.length) } : undefined;
}

function parsePorts(arg: string, ok: boolean, r: NatRange): void {
  if (!ok) throw paramProblem('Need TCP, UDP, SCTP or DCCP with port specification');
  let first = leadingNumber(arg);
  if (!first) {
    const svc = servicePort(arg);
    if (svc === undefined) throw paramProblem(`Port \`${arg}' not valid`);
    first = { value: svc, rest: '' };
  }
  r.minPort = r.maxPort = first.value;
  if (first.rest === '') return;
  if (first.rest[0] === ':') throw paramProblem('Invalid port:port syntax - use dash');
  if (first.rest[0] !== '-') throw paramProblem(`Garbage after port value: \`${first.rest}'`);
  const hiText = first.rest.slice(1);
  const hi = leadingNumber(hiText);
  if (!hi) throw paramProblem(`Port \`${hiText}' not valid`);
  if (hi.value < first.value) throw paramProblem(`Port range \`${hiText}' funky`);
  r.maxPort = hi.value;
  if (hi.rest === '') return;
  if (hi.rest[0] === '/') throw paramProblem('Shifted portmap ranges not supported with this kernel');
  throw paramProblem(`Garbage after port range: \`${hi.rest}'`);
}

function isDottedQuad(s: string): boolean {
  return /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(s) && s.split('.').every((p) => Number(p) <= 255 && !(p.length > 1 && p.startsWith('0')));
}

/** parse_to(): `ip[-ip][:port[-port]]`, or `:port` alone. */
export function parseNatTo(arg: string, ok: boolean): NatRange {
  if (arg.includes('[')) throw paramProblem('Invalid address format');
  const r: NatRange = {};
  let colon = arg.indexOf(':');
  if (colon >= 0 && arg.indexOf(':', colon + 1) >= 0) colon = -1;
  let ipPart = arg;
  if (colon >= 0) {
    parsePorts(arg.slice(colon + 1), ok, r);
    if (colon === 0) return r;
    ipPart = arg.slice(0, colon);
  }
  const [lo, hi] = ipPart.split(/-(.*)/s);
  if (!isDottedQuad(lo)) throw paramProblem(`Bad IP address "${lo}"`);
  if (hi !== undefined && !isDottedQuad(hi)) throw paramProblem(`Bad IP address "${hi}"`);
  r.minIp = lo;
  r.maxIp = hi ?? lo;
  return r;
}

/** sprint_range(): `ip[-ip]` then `:port[-port]`. */
export function natRangeText(r: NatRange): string {
  let s = '';
  if (r.minIp) s += r.minIp + (r.maxIp && r.maxIp !== r.minIp ? `-${r.maxIp}` : '');
  if (r.minPort !== undefined) s += `:${r.minPort}` + (r.maxPort !== undefined && r.maxPort !== r.minPort ? `-${r.maxPort}` : '');
  return s;
}

/** __NAT_print(): the range after `to:`/`--to-destination `, then the flags. */
function natText(r: NatRange, rangeOpt: string, flagPfx: string, skipColon: boolean): string {
  let range = natRangeText(r);
  let s = '';
  if (range) {
    if (skipColon && range.startsWith(':')) range = range.slice(1);
    s += ` ${rangeOpt}${range}`;
  }
  if (r.random) s += ` ${flagPfx}random`;
  if (r.randomFully) s += ` ${flagPfx}random-fully`;
  if (r.persistent) s += ` ${flagPfx}persistent`;
  return s;
}

function natFlag(r: NatRange, id: string): void {
  if (id === 'random') r.random = true;
  else if (id === 'random-fully') r.randomFully = true;
  else if (id === 'persistent') r.persistent = true;
}

export const dnatTarget: TargetExt<Dnat> = {
  name: 'DNAT',
  options: [
    { name: 'to-destination', hasArg: true, mandatory: true },
    { name: 'random', hasArg: false },
    { name: 'persistent', hasArg: false },
  ],
  create: () => ({ kind: 'DNAT', range: {} }),
  parse(t, id, arg, _inv, ctx) {
    if (id === 'to-destination') t.range = { ...parseNatTo(arg!, portOk(ctx)), random: t.range.random, persistent: t.range.persistent };
    else natFlag(t.range, id);
  },
  save: (t) => natText(t.range, '--to-destination ', '--', false),
  print: (t) => natText(t.range, 'to:', '', false),
  allowed: { table: 'nat', hooks: ['PREROUTING', 'OUTPUT'] },
};

export const snatTarget: TargetExt<Snat> = {
  name: 'SNAT',
  options: [
    { name: 'to-source', hasArg: true, mandatory: true },
    { name: 'random', hasArg: false },
    { name: 'random-fully', hasArg: false },
    { name: 'persistent', hasArg: false },
  ],
  create: () => ({ kind: 'SNAT', range: {} }),
  parse(t, id, arg, _inv, ctx) {
    if (id === 'to-source') t.range = { ...parseNatTo(arg!, portOk(ctx)), random: t.range.random, randomFully: t.range.randomFully, persistent: t.range.persistent };
    else natFlag(t.range, id);
  },
  save: (t) => natText(t.range, '--to-source ', '--', false),
  print: (t) => natText(t.range, 'to:', '', false),
  allowed: { table: 'nat', hooks: ['POSTROUTING', 'INPUT'] },
};

export const masqueradeTarget: TargetExt<Masq> = {
  name: 'MASQUERADE',
  options: [
    { name: 'to-ports', hasArg: true },
    { name: 'random', hasArg: false },
    { name: 'random-fully', hasArg: false },
  ],
  create: () => ({ kind: 'MASQUERADE', range: {} }),
  parse(t, id, arg, _inv, ctx) {
    if (id === 'to-ports') parsePorts(arg!, portOk(ctx), t.range);
    else natFlag(t.range, id);
  },
  save: (t) => natText(t.range, '--to-ports ', '--', true),
  print: (t) => natText(t.range, 'masq ports: ', '', true),
  allowed: { table: 'nat', hooks: ['POSTROUTING'] },
};

/**
 * REDIRECT (extensions/libxt_REDIRECT.c, nf_nat_redirect.c): DNAT to the
 * primary address of the interface the packet came in on (127.0.0.1 for a
 * locally generated one), to --to-ports when given. Docker uses it in a
 * swarm task's namespace to send a published port to the target port.
 */
export const redirectTarget: TargetExt<Redirect> = {
  name: 'REDIRECT',
  options: [
    { name: 'to-ports', hasArg: true },
    { name: 'random', hasArg: false },
  ],
  create: () => ({ kind: 'REDIRECT', range: {} }),
  parse(t, id, arg, _inv, ctx) {
    if (id === 'to-ports') parsePorts(arg!, portOk(ctx), t.range);
    else natFlag(t.range, id);
  },
  save: (t) => natText(t.range, '--to-ports ', '--', true),
  print: (t) => natText(t.range, 'redir ports ', '', true),
  allowed: { table: 'nat', hooks: ['PREROUTING', 'OUTPUT'] },
};
