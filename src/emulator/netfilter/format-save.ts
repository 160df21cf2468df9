/**
 * Rules and chains as `iptables -S` prints them (iptables/nft.c
 * nft_rule_list_save, nft-ipv4.c nft_ipv4_save_rule, xshared.c
 * save_ipv4_addr/save_rule_details/save_matches_and_target): addresses
 * always carry a mask (`-s 10.0.0.1/32`), then interfaces, protocol,
 * matches in the order they were given, and the target.
 */
import type { Chain, Rule } from './types';
import { saveMaskSuffix } from './addr';
import { protocolName } from './names';
import { matchExtFor, targetExtFor } from './extensions';

function saveAddr(letter: string, spec: Rule['src']): string {
  if (!spec) return '';
  if (spec.mask === '0.0.0.0' && !spec.invert && spec.addr === '0.0.0.0') return '';
  return `${spec.invert ? ' !' : ''} -${letter} ${spec.addr}${saveMaskSuffix(spec.mask)}`;
}

function saveIface(letter: string, spec: Rule['inIface']): string {
  if (!spec) return '';
  return `${spec.invert ? ' !' : ''} -${letter} ${spec.name}`;
}

function saveProto(rule: Rule): string {
  if (!rule.proto || rule.proto.num === 0) return '';
  const name = protocolName(rule.proto.num) ?? String(rule.proto.num);
  return `${rule.proto.invert ? ' !' : ''} -p ${name}`;
}

/** The part after `-A CHAIN`; with `counters`, `-c P B` goes before the target as save_matches_and_target puts it. */
export function saveRuleSpec(rule: Rule, counters = false): string {
  let s = saveAddr('s', rule.src) + saveAddr('d', rule.dst);
  s += saveIface('i', rule.inIface) + saveIface('o', rule.outIface) + saveProto(rule);
  if (rule.fragment) s += `${rule.fragment.invert ? ' !' : ''} -f`;
  for (const m of rule.matches) s += ` -m ${m.kind}${matchExtFor(m).save(m)}`;
  if (counters) s += ` -c ${rule.counters.packets} ${rule.counters.bytes}`;
  const t = rule.target;
  if (!t) return s;
  if (t.kind === 'chain') return `${s} -${t.goto ? 'g' : 'j'} ${t.chain}`;
  const ext = targetExtFor(t);
  return `${s} -j ${t.kind}${ext ? ext.save(t) : ''}`;
}

export function saveRuleLine(chain: string, rule: Rule, counters: boolean): string {
  return `-A ${chain}${saveRuleSpec(rule, counters)}`;
}

/** `-P CHAIN POLICY` for built-ins (with `-c P B` under -v), `-N CHAIN` for user chains. */
export function saveChainLine(chain: Chain, counters: boolean): string {
  if (!chain.builtin) return `-N ${chain.name}`;
  const c = counters ? ` -c ${chain.counters.packets} ${chain.counters.bytes}` : '';
  return `-P ${chain.name} ${chain.policy ?? 'ACCEPT'}${c}`;
}
