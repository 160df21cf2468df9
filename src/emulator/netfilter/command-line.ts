/**
 * Turning an iptables command line into a command and a rule, following
 * iptables/xshared.c do_parse() case by case: commands, rule options, `!`,
 * extension loading by `-m`/`-j` and by `-p tcp` (the implicit tcp match),
 * then the final checks in the order the C code makes them, so that the
 * first error reported is the one iptables reports.
 */
import type { IfaceSpec, Match, Target } from './types';
import { badArgument, IPTABLES_VERSION, paramProblem, tryHelpOnly } from './errors';
import { BASE_LONG_OPTS, Getopt, type LongOpt } from './getopt';
import { setOption } from './command-flags';
import { parseCommand } from './command-commands';
import { findMatch, findTarget } from './extensions';
import type { MatchExt, ParseCtx, TargetExt } from './extensions/types';
import { strtoui } from './addr';
import { protocolNumber } from './names';
import { extOption, type LoadedExt } from './command-ext';
import { IPTABLES_HELP } from './help';

export interface ParseState {
  command: number;
  table: string;
  chain?: string;
  rulenum: number;
  newName?: string;
  policy?: string;
  verbose: number;
  options: number;
  invert: boolean;
  inv: Record<'s' | 'd' | 'p' | 'i' | 'o' | 'f', boolean>;
  protocol?: string;
  proto: number;
  protoUsed: boolean;
  shost?: string;
  dhost?: string;
  inIface?: IfaceSpec;
  outIface?: IfaceSpec;
  matches: LoadedExt<MatchExt, Match>[];
  target?: LoadedExt<TargetExt, Target>;
  jumpto?: string;
  goto: boolean;
  counters?: { packets: number; bytes: number };
  /** -h / -V: print this on stdout and stop. */
  early?: string;
}

export function newParseState(): ParseState {
  return {
    command: 0, table: 'filter', rulenum: 0, verbose: 0, options: 0, invert: false,
    inv: { s: false, d: false, p: false, i: false, o: false, f: false },
    proto: 0, protoUsed: false, matches: [], goto: false,
  };
}

function parseProtocol(st: ParseState, arg: string): void {
  st.options = setOption(st.options, 'p', st.invert);
  st.inv.p = st.invert;
  const p = arg.toLowerCase();
  st.protocol = p;
  const num = strtoui(p, 0, 255) ?? protocolNumber(p);
  if (num === undefined) throw paramProblem(`unknown protocol "${p}" specified`);
  if (num === 0 && st.invert) throw paramProblem('rule would never match protocol');
  st.proto = num;
}

/** xtables_parse_interface(). */
function parseIface(arg: string): string {
  if (arg === '') throw paramProblem('Empty interface is likely to be undesired');
  if (arg.length + 1 > 16) throw paramProblem(`interface name \`${arg}' must be shorter than IFNAMSIZ (15)`);
  return arg;
}

/** xt_parse_target(). */
function checkTargetName(name: string): string {
  if (name.length < 1) throw paramProblem('Invalid target name (too short)');
  if (name.length >= 29) throw paramProblem(`Invalid target name \`${name}' (28 chars max)`);
  if (/\s/.test(name)) throw paramProblem(`Invalid target name \`${name}'`);
  return name;
}

function parseJump(st: ParseState, name: string, longOpts: LongOpt[], isGoto: boolean): LongOpt[] {
  st.options = setOption(st.options, 'j', st.invert);
  st.jumpto = checkTargetName(name);
  if (isGoto) {
    st.goto = true;
    return longOpts;
  }
  const ext = findTarget(name);
  if (!ext) return longOpts;
  st.target = { ext, data: ext.create(), seen: new Set(), key: 't' };
  const added: LongOpt[] = ext.options.map((o) => ({ name: o.name, hasArg: o.hasArg ? 1 : 0, val: `t:${o.id ?? o.name}` }));
  return [...BASE_LONG_OPTS, ...added, ...longOpts.slice(BASE_LONG_OPTS.length)];
}

function loadMatch(st: ParseState, ext: MatchExt, longOpts: LongOpt[]): LongOpt[] {
  const key = `m${st.matches.length}`;
  st.matches.push({ ext, data: ext.create(), seen: new Set(), key });
  const added: LongOpt[] = ext.options.map((o) => ({ name: o.name, hasArg: o.hasArg ? 1 : 0, val: `${key}:${o.id ?? o.name}` }));
  return [...BASE_LONG_OPTS, ...added, ...longOpts.slice(BASE_LONG_OPTS.length)];
}

function parseMatchOpt(st: ParseState, name: string, longOpts: LongOpt[]): LongOpt[] {
  if (st.invert) throw paramProblem('unexpected ! flag before --match');
  const ext = findMatch(name);
  if (!ext) throw paramProblem(`Couldn't load match \`${name}':No such file or directory\n`);
  return loadMatch(st, ext, longOpts);
}

function parseCounters(st: ParseState, g: Getopt, arg: string): void {
  st.options = setOption(st.options, 'c', st.invert);
  const comma = arg.indexOf(',', 1);
  let pcnt = arg;
  let bcnt: string | undefined;
  if (comma >= 0) {
    pcnt = arg.slice(0, comma);
    bcnt = arg.slice(comma + 1);
  } else if (g.hasArg()) bcnt = g.take();
  if (bcnt === undefined) throw paramProblem('-c requires packet and byte counter');
  const p = /^\s*(\d+)/.exec(pcnt);
  if (!p) throw paramProblem('-c packet counter not numeric');
  const b = /^\s*(\d+)/.exec(bcnt);
  if (!b) throw paramProblem('-c byte counter not numeric');
  st.counters = { packets: Number(p[1]), bytes: Number(b[1]) };
}

/** Rule options and the rest of do_parse's switch. Returns the (possibly grown) long options. */
function parseOption(st: ParseState, g: Getopt, val: string, arg: string | undefined, lo: LongOpt[]): LongOpt[] {
  switch (val) {
    case 'p':
      parseProtocol(st, arg!);
      return lo;
    case 's':
    case 'd':
      st.options = setOption(st.options, val, st.invert);
      st.inv[val] = st.invert;
      if (val === 's') st.shost = arg;
      else st.dhost = arg;
      return lo;
    case 'i':
    case 'o': {
      if (arg === '') throw paramProblem('Empty interface is likely to be undesired');
      st.options = setOption(st.options, val, st.invert);
      const spec = { name: parseIface(arg!), invert: st.invert };
      if (val === 'i') st.inIface = spec;
      else st.outIface = spec;
      return lo;
    }
    case 'j':
    case 'g':
      return parseJump(st, arg!, lo, val === 'g');
    case 'm':
      return parseMatchOpt(st, arg!, lo);
    case 'f':
      st.options = setOption(st.options, 'f', st.invert);
      st.inv.f = st.invert;
      return lo;
    case 'c':
      parseCounters(st, g, arg!);
      return lo;
    default:
      parseFlagOption(st, g, val, arg);
      return lo;
  }
}

function parseFlagOption(st: ParseState, g: Getopt, val: string, arg: string | undefined): void {
  switch (val) {
    case 'v':
      if (!st.verbose) st.options = setOption(st.options, 'v', st.invert);
      st.verbose++;
      return;
    case 'n':
    case 'x':
    case '0':
      st.options = setOption(st.options, val, st.invert);
      return;
    case 't':
      if (st.invert) throw paramProblem('unexpected ! flag before --table');
      st.table = arg!;
      return;
    case 'w':
    case 'W': {
      const w = arg ?? (g.hasArg() ? g.take() : undefined);
      if (w !== undefined && !/^\s*[+-]?\d/.test(w)) {
        throw paramProblem(val === 'w' ? 'wait seconds not numeric' : 'wait interval not numeric');
      }
      return;
    }
    default:
      // -M (modprobe), -4, -b: accepted and ignored.
      return;
  }
}

function ctxFor(st: ParseState, g: Getopt): ParseCtx {
  return {
    proto: st.proto,
    protoInvert: st.inv.p,
    takeArg: () => (g.hasArg() ? g.take() : undefined),
  };
}

/**
 * An option no loaded extension claims: if a protocol was given and its
 * match is not loaded yet, load it and try again (`-p tcp --dport 80`).
 */
function implicitProto(st: ParseState, lo: LongOpt[]): LongOpt[] | undefined {
  if (!st.protocol || st.protoUsed) return undefined;
  const ext = findMatch(st.protocol) ?? (st.proto === 6 ? findMatch('tcp') : st.proto === 17 ? findMatch('udp') : st.proto === 1 ? findMatch('icmp') : undefined);
  if (!ext || ext.name === 'multiport' || ext.name === 'comment') return undefined;
  st.protoUsed = true;
  return loadMatch(st, ext, lo);
}

/** Runs the getopt loop; returns the state for the final checks. */
export function parseArgs(argv: readonly string[]): ParseState {
  const st = newParseState();
  let lo: LongOpt[] = [...BASE_LONG_OPTS];
  const g = new Getopt(argv, lo);
  for (;;) {
    g.longOpts = lo;
    const ev = g.next();
    if (ev.kind === 'end') break;
    if (ev.kind === 'nonopt') {
      if (ev.arg !== '!') throw badArgument(ev.arg);
      if (st.invert) throw paramProblem('multiple consecutive ! not allowed');
      st.invert = true;
      continue;
    }
    if (ev.kind === 'missing') throw paramProblem(`option "${ev.token}" requires an argument`);
    if (ev.kind === 'unknown') {
      const retry = implicitProto(st, lo);
      if (!retry) throw paramProblem(`unknown option "${ev.token}"`);
      lo = retry;
      g.optind--;
      continue;
    }
    if (ev.val === 'h') return { ...st, early: IPTABLES_HELP };
    if (ev.val === 'V') return { ...st, early: st.invert ? `Not ${IPTABLES_VERSION} ;-)\n` : `${IPTABLES_VERSION}\n` };
    if (ev.val === '6') throw tryHelpOnly();
    if (ev.val.includes(':')) extOption(st, ev.val, ev.arg, st.invert, ctxFor(st, g));
    else if (!parseCommand(st, g, ev.val, ev.arg)) lo = parseOption(st, g, ev.val, ev.arg, lo);
    st.invert = false;
  }
  return st;
}
