/**
 * `iptables -L` output (iptables/xshared.c print_header, print_rule_details,
 * print_fragment, print_ifaces, print_ipv4_addresses; nft-ipv4.c
 * nft_ipv4_print_rule; libxtables xtables_print_num). The column layout
 * comes from the same printf widths, so trailing blanks are where iptables
 * leaves them. The "no table" variant is the one-line echo of `-v -A`.
 */
import type { Chain, Counters, Rule } from './types';
import { listMaskSuffix, networkNameOf } from './addr';
import { protocolName } from './names';
import { matchExtFor, targetExtFor } from './extensions';

export interface ListFormat {
  numeric: boolean;
  /** -v: counters and the in/out columns. */
  verbose: boolean;
  /** -x: exact counters instead of K/M/G/T. */
  exact: boolean;
  lineNumbers: boolean;
  /** FMT_NOTABLE: the `-v -A` echo format. */
  notable?: boolean;
}

/** Reverse lookup for addresses without `-n`: getnameinfo (hosts), then getnetbyaddr. */
export type NameLookup = (ip: string) => string | undefined;

export const defaultNameLookup: NameLookup = (ip) => (ip === '127.0.0.1' ? 'localhost' : undefined);

const pad = (s: string, w: number) => s.padEnd(w);
const lpad = (s: string, w: number) => s.padStart(w);

function fmt(f: ListFormat, table: string, notable: string): string {
  return f.notable ? notable : table;
}

/** xtables_print_num(). */
export function printNum(n: number, f: ListFormat, notable = f.notable ?? false): string {
  if (f.exact) return notable ? `${n} ` : `${lpad(String(n), 8)} `;
  if (n <= 99999) return notable ? `${n} ` : `${lpad(String(n), 5)} `;
  let v = n;
  for (const unit of ['K', 'M', 'G']) {
    v = Math.floor((v + 500) / 1000);
    if (v <= 9999) return notable ? `${v}${unit} ` : `${lpad(String(v), 4)}${unit} `;
  }
  v = Math.floor((v + 500) / 1000);
  return notable ? `${v}T ` : `${lpad(String(v), 4)}T `;
}

export function printHeader(chain: Chain, refs: number, f: ListFormat): string {
  let s = `Chain ${chain.name}`;
  if (chain.builtin) {
    s += ` (policy ${chain.policy ?? 'ACCEPT'}`;
    if (f.verbose) s += ` ${printNum(chain.counters.packets, f, true)}packets, ${printNum(chain.counters.bytes, f, true)}bytes`;
    s += ')\n';
  } else s += ` (${refs} references)\n`;
  if (f.lineNumbers) s += pad('num', 4) + ' ';
  if (f.verbose) s += f.exact ? `${lpad('pkts', 8)} ${lpad('bytes', 10)} ` : `${lpad('pkts', 5)} ${lpad('bytes', 5)} `;
  s += `${pad('target', 9)}  prot opt`;
  if (f.verbose) s += ` ${pad('in', 6)} ${pad('out', 6)} `;
  s += ` ${pad('source', 19)}  ${pad('destination', 19)} \n`;
  return s;
}

function targetName(rule: Rule): string {
  const t = rule.target;
  if (!t) return '';
  return t.kind === 'chain' ? t.chain : t.kind;
}

function addrText(spec: Rule['src'], f: ListFormat, lookup: NameLookup): string {
  const addr = spec?.addr ?? '0.0.0.0';
  const mask = spec?.mask ?? '0.0.0.0';
  if (mask === '0.0.0.0' && !f.numeric) return 'anywhere';
  const name = f.numeric ? addr : (lookup(addr) ?? networkNameOf(addr) ?? addr);
  return name + listMaskSuffix(mask);
}

function ifaceText(spec: Rule['inIface'], f: ListFormat): string {
  return `${spec?.invert ? '!' : ''}${spec?.name ?? (f.numeric ? '*' : 'any')}`;
}

function ruleDetails(rule: Rule, num: number, f: ListFormat): string {
  let s = '';
  if (f.lineNumbers) s += fmt(f, `${pad(String(num), 4)} `, `${num} `);
  if (f.verbose && !f.notable) s += printNum(rule.counters.packets, f) + printNum(rule.counters.bytes, f);
  const target = targetName(rule);
  s += fmt(f, `${pad(target, 9)} `, `${target} `);
  s += rule.proto?.invert ? '!' : ' ';
  const p = rule.proto?.num ?? 0;
  const pname = protocolName(p);
  const asNumber = (f.numeric && !f.notable) || !pname;
  s += asNumber ? fmt(f, `${pad(String(p), 4)} `, `${p} `) : fmt(f, `${pad(pname, 4)} `, `${pname} `);
  if (f.notable) s += 'opt ';
  s += `${rule.fragment?.invert ? '!' : '-'}${rule.fragment ? 'f' : '-'} `;
  return s;
}

/** One rule line of `iptables -L` (with its newline). */
export function printRule(rule: Rule, num: number, f: ListFormat, lookup: NameLookup = defaultNameLookup): string {
  let s = ruleDetails(rule, num, f);
  if (f.verbose) s += fmt(f, ` ${pad(ifaceText(rule.inIface, f), 6)} `, `in ${ifaceText(rule.inIface, f)} `);
  if (f.verbose) s += fmt(f, `${pad(ifaceText(rule.outIface, f), 6)} `, `out ${ifaceText(rule.outIface, f)} `);
  s += (rule.src?.invert ? '!' : ' ') + fmt(f, `${pad(addrText(rule.src, f, lookup), 19)} `, `${addrText(rule.src, f, lookup)} `);
  s += (rule.dst?.invert ? '!' : ' ') + fmt(f, `${pad(addrText(rule.dst, f, lookup), 19)} `, `-> ${addrText(rule.dst, f, lookup)}`);
  if (f.notable) s += '  ';
  if (rule.target?.kind === 'chain' && rule.target.goto) s += '[goto] ';
  const proto = rule.proto && !rule.proto.invert ? rule.proto.num : 0;
  for (const m of rule.matches) s += matchExtFor(m).print(m, f.numeric, proto);
  const t = rule.target;
  const ext = t ? targetExtFor(t) : undefined;
  if (t && ext) s += ext.print(t, f.numeric);
  return `${s}\n`;
}

/** A chain's header and rules (`rulenum` > 0 prints that rule alone, without header). */
export function printChain(chain: Chain, refs: number, f: ListFormat, lookup?: NameLookup): string {
  let s = printHeader(chain, refs, f);
  chain.rules.forEach((r, i) => (s += printRule(r, i + 1, f, lookup)));
  return s;
}

export function zero(c: Counters): void {
  c.packets = 0;
  c.bytes = 0;
}
