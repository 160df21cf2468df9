/**
 * The checks do_parse() makes after the option loop, in its order, and the
 * rule(s) the command line describes: one rule per source x destination
 * address when `-s`/`-d` list several (`-s 1.2.3.4,5.6.7.8` appends two).
 */
import type { AddrSpec, Rule, Target } from './types';
import { paramProblem } from './errors';
import { applyMask, parseMask, parseNumericIp, NETWORK_NAMES } from './addr';
import { CMD, genericOptCheck, RULE_CMDS } from './command-flags';
import { finishExtensions } from './command-ext';
import type { ParseState } from './command-line';
import { STANDARD_TARGETS } from './extensions';

/** Name resolution for `-s`/`-d` host names (getaddrinfo); the default knows `localhost`. */
export type HostResolver = (name: string) => string[] | undefined;

export const defaultResolver: HostResolver = (name) => (name === 'localhost' ? ['127.0.0.1'] : undefined);

export interface Command {
  command: number;
  table: string;
  chain?: string;
  rulenum: number;
  newName?: string;
  policy?: string;
  verbose: boolean;
  numeric: boolean;
  exact: boolean;
  lineNumbers: boolean;
  /** Rule commands: the rules, in the order iptables adds them. */
  rules: Rule[];
  /** A `-j`/`-g` to a chain: checked to exist before anything runs. */
  jumpChain?: string;
  /** `-c PKTS BYTES` (also taken by -P). */
  counters?: { packets: number; bytes: number };
}

function resolveOne(name: string, resolve: HostResolver): string[] {
  const numeric = parseNumericIp(name);
  if (numeric) return [numeric];
  if (NETWORK_NAMES[name]) return [NETWORK_NAMES[name]];
  const ips = resolve(name);
  if (!ips || ips.length === 0) throw paramProblem(`host/network \`${name}' not found`);
  return ips;
}

/** xtables_ipparse_multiple(): comma list of host[/mask], duplicates dropped. */
export function parseAddresses(text: string, invert: boolean, resolve: HostResolver): AddrSpec[] {
  const out: AddrSpec[] = [];
  for (const raw of text.split(',')) {
    const item = raw.replace(/^\s+/, '');
    const slash = item.lastIndexOf('/');
    const host = slash >= 0 ? item.slice(0, slash) : item;
    const mask = parseMask(slash >= 0 ? item.slice(slash + 1) : undefined);
    if (mask === undefined) throw paramProblem(`invalid mask \`${item.slice(slash + 1)}' specified`);
    const ips = mask === '0.0.0.0' ? ['0.0.0.0'] : resolveOne(host, resolve);
    for (const ip of ips) {
      const spec = { addr: applyMask(ip, mask), mask, invert };
      if (!out.some((o) => o.addr === spec.addr && o.mask === spec.mask)) out.push(spec);
    }
  }
  return out;
}

function targetOf(st: ParseState): Target | undefined {
  if (st.target) return st.target.data;
  if (!st.jumpto) return undefined;
  if (!st.goto && (STANDARD_TARGETS as readonly string[]).includes(st.jumpto)) return { kind: st.jumpto as 'ACCEPT' | 'DROP' | 'RETURN' };
  return { kind: 'chain', chain: st.jumpto, goto: st.goto };
}

function baseRule(st: ParseState): Omit<Rule, 'src' | 'dst'> {
  const rule: Omit<Rule, 'src' | 'dst'> = { matches: st.matches.map((m) => m.data), counters: st.counters ?? { packets: 0, bytes: 0 } };
  if (st.inIface) rule.inIface = st.inIface;
  if (st.outIface) rule.outIface = st.outIface;
  if (st.proto !== 0) rule.proto = { num: st.proto, invert: st.inv.p };
  if (st.options & (1 << 11)) rule.fragment = { invert: st.inv.f };
  const target = targetOf(st);
  if (target) rule.target = target;
  return rule;
}

function expandRules(st: ParseState, resolve: HostResolver): Rule[] {
  const isRule = (st.command & RULE_CMDS) !== 0;
  const shost = st.shost ?? (isRule ? '0.0.0.0/0' : undefined);
  const dhost = st.dhost ?? (isRule ? '0.0.0.0/0' : undefined);
  const srcs = shost === undefined ? [] : parseAddresses(shost, st.inv.s, resolve);
  const dsts = dhost === undefined ? [] : parseAddresses(dhost, st.inv.d, resolve);
  if ((srcs.length > 1 || dsts.length > 1) && (st.inv.s || st.inv.d)) {
    throw paramProblem('! not allowed with multiple source or destination IP addresses');
  }
  if (st.command === CMD.REPLACE && (srcs.length !== 1 || dsts.length !== 1)) {
    throw paramProblem('Replacement rule does not specify a unique address');
  }
  if (!isRule) return [];
  const base = baseRule(st);
  const rules: Rule[] = [];
  for (const s of srcs) {
    for (const d of dsts) {
      const r: Rule = JSON.parse(JSON.stringify(base)) as Rule;
      if (s.mask !== '0.0.0.0' || s.invert) r.src = s;
      if (d.mask !== '0.0.0.0' || d.invert) r.dst = d;
      rules.push(r);
    }
  }
  return rules;
}

function checkIfaceForChain(st: ParseState): void {
  if (!(st.command & (RULE_CMDS | CMD.DELETE_NUM))) return;
  if ((st.chain === 'PREROUTING' || st.chain === 'INPUT') && st.outIface) throw paramProblem(`Can't use -o with ${st.chain}\n`);
  if ((st.chain === 'POSTROUTING' || st.chain === 'OUTPUT') && st.inIface) throw paramProblem(`Can't use -i with ${st.chain}\n`);
}

export function finalizeCommand(st: ParseState, resolve: HostResolver): Command {
  if (st.table === 'nat' && (st.policy === 'DROP' || st.jumpto === 'DROP')) {
    throw paramProblem('\nThe "nat" table is not intended for filtering, the use of DROP is therefore inhibited.\n\n');
  }
  finishExtensions(st);
  if (!st.command) throw paramProblem('no command specified');
  if (st.invert) throw paramProblem('nothing appropriate following !');
  const rules = expandRules(st, resolve);
  genericOptCheck(st.command, st.options);
  if (st.chain !== undefined && st.chain.length >= 29) throw paramProblem(`chain name \`${st.chain}' too long (must be under 29 chars)`);
  checkIfaceForChain(st);
  const opt = (bit: number) => (st.options & (1 << bit)) !== 0;
  return {
    command: st.command, table: st.table, chain: st.chain, rulenum: st.rulenum, newName: st.newName, policy: st.policy,
    verbose: st.verbose > 0, numeric: opt(0), exact: opt(6), lineNumbers: opt(9), rules,
    jumpChain: st.target ? undefined : rules[0]?.target?.kind === 'chain' ? st.jumpto : undefined,
    counters: st.counters,
  };
}
