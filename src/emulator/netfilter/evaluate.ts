/**
 * Walking a packet through one table's chain the way ipt_do_table does:
 * rules in order, a jump pushes a return point, RETURN (or the end of a
 * user chain) pops it, a goto replaces the current chain, the end of a
 * built-in chain applies its policy. Matching rules and policies count the
 * packet. NAT targets end the walk and hand their decision to the caller,
 * which applies it and records it in conntrack.
 */
import type { Packet } from '../net/packet';
import type { Chain, NetfilterState, Rule, TableName } from './types';
import { findChain } from './state';
import { packetBytes, ruleMatches, type CtState, type MatchMeta } from './match-eval';
import { applyMark } from './extensions/mark';

export type Verdict = 'ACCEPT' | 'DROP' | 'REJECT';

export interface EvalMeta extends MatchMeta {
  ctstate: CtState;
}

export interface EvalResult {
  verdict: Verdict;
  /** REJECT: what to send back (icmp-port-unreachable, tcp-reset...). */
  rejectWith?: string;
  /** `redirect`: REDIRECT's DNAT, whose address the hook fills in (the receiving interface's). */
  dnat?: { ip: string; port?: number; redirect?: boolean };
  snat?: { ip?: string; port?: number; masquerade?: boolean };
  /** LOG targets passed on the way: one entry per kernel log line. */
  logs?: { prefix: string; level: number }[];
  /** The packet's mark after the MARK targets passed on the way, when one was. */
  mark?: number;
  /** Which rule (1-based) or policy decided: for explanations ("dropped by DOCKER-ISOLATION-STAGE-2 rule 1"). */
  decidedBy: { chain: string; rule?: number; policy?: boolean };
}

interface Frame {
  chain: Chain;
  next: number;
}

/** The kernel refuses loops and limits depth; this guards a hand-made state. */
const MAX_STEPS = 10000;

function count(c: { counters: { packets: number; bytes: number } }, bytes: number): void {
  c.counters.packets += 1;
  c.counters.bytes += bytes;
}

/** A terminal target's result, or undefined to keep walking (LOG, RETURN, jumps are handled by the caller). */
function terminal(rule: Rule, pkt: Packet, decidedBy: EvalResult['decidedBy']): EvalResult | undefined {
  const t = rule.target!;
  switch (t.kind) {
    case 'ACCEPT':
    case 'DROP':
      return { verdict: t.kind, decidedBy };
    case 'REJECT':
      return { verdict: 'REJECT', rejectWith: t.rejectWith, decidedBy };
    case 'DNAT': {
      const dnat: { ip: string; port?: number } = { ip: t.range.minIp ?? pkt.dst };
      if (t.range.minPort !== undefined) dnat.port = t.range.minPort;
      return { verdict: 'ACCEPT', dnat, decidedBy };
    }
    case 'SNAT': {
      const snat: { ip?: string; port?: number } = {};
      if (t.range.minIp) snat.ip = t.range.minIp;
      if (t.range.minPort !== undefined) snat.port = t.range.minPort;
      return { verdict: 'ACCEPT', snat, decidedBy };
    }
    case 'REDIRECT': {
      const dnat: { ip: string; port?: number; redirect: boolean } = { ip: '', redirect: true };
      if (t.range.minPort !== undefined) dnat.port = t.range.minPort;
      return { verdict: 'ACCEPT', dnat, decidedBy };
    }
    case 'MASQUERADE': {
      const snat: { port?: number; masquerade: boolean } = { masquerade: true };
      if (t.range.minPort !== undefined) snat.port = t.range.minPort;
      return { verdict: 'ACCEPT', snat, decidedBy };
    }
    default:
      return undefined;
  }
}

function withLogs(r: EvalResult, logs: EvalResult['logs'], mark?: number): EvalResult {
  const out = logs && logs.length ? { ...r, logs } : r;
  return mark === undefined ? out : { ...out, mark };
}

/**
 * Runs `pkt` through built-in chain `chain` of `table` in `nf` (counters are
 * updated in place). Unknown tables or chains accept, as a hook with no
 * rules does.
 */
export function evaluate(nf: NetfilterState, table: TableName, chain: string, pkt: Packet, meta: EvalMeta): EvalResult {
  const t = nf.tables[table];
  const start = t ? findChain(t, chain) : undefined;
  // A built-in chain nf_tables does not have yet (iptables-nft only shows it: `fake`) has no hook:
  // nothing runs and nothing counts, so untouched namespaces stay out of snapshots.
  if (!start || start.fake) return { verdict: 'ACCEPT', decidedBy: { chain, policy: true } };
  const bytes = packetBytes(pkt);
  const logs: NonNullable<EvalResult['logs']> = [];
  let mark: number | undefined; // set by MARK, a non-terminating target like LOG
  const stack: Frame[] = [];
  let frame: Frame = { chain: start, next: 0 };
  for (let steps = 0; steps < MAX_STEPS; steps++) {
    if (frame.next >= frame.chain.rules.length) {
      const back = stack.pop();
      if (back) {
        frame = back;
        continue;
      }
      count(start, bytes);
      return withLogs({ verdict: start.policy ?? 'ACCEPT', decidedBy: { chain: start.name, policy: true } }, logs, mark);
    }
    const index = frame.next++;
    const rule = frame.chain.rules[index];
    if (!ruleMatches(rule, pkt, meta)) continue;
    count(rule, bytes);
    const target = rule.target;
    if (!target) continue;
    if (target.kind === 'LOG') logs.push({ prefix: target.prefix ?? '', level: target.level });
    else if (target.kind === 'MARK') mark = applyMark(target, mark ?? pkt.mark ?? 0);
    else if (target.kind === 'RETURN') frame = { chain: frame.chain, next: frame.chain.rules.length };
    else if (target.kind === 'chain') {
      const next = findChain(t, target.chain);
      if (!next) continue;
      if (!target.goto) stack.push(frame);
      frame = { chain: next, next: 0 };
    } else {
      const done = terminal(rule, pkt, { chain: frame.chain.name, rule: index + 1 });
      if (done) return withLogs(done, logs, mark);
    }
  }
  return withLogs({ verdict: 'DROP', decidedBy: { chain: frame.chain.name } }, logs, mark);
}
