/**
 * Does a rule match a packet? The rule's own fields (addresses, interfaces,
 * protocol, fragment) and then every match, as ipt_do_table/ip_packet_match
 * and the xt match modules decide it. `!` inverts each test on its own.
 */
import type { Packet } from '../net/packet';
import type { AddrSpec, AddrTypeSpec, CtStateName, IfaceSpec, Match, PortMatch, PortRange, Rule } from './types';
import { inMasked, ipToNum } from './addr';
import { PACKET_ICMP_TYPES } from './names';

export type CtState = 'NEW' | 'ESTABLISHED' | 'RELATED' | 'INVALID' | 'UNTRACKED';

export interface MatchMeta {
  inIf?: string;
  outIf?: string;
  isLocal(ip: string): boolean;
  ctstate: CtState;
  /** The connection was source/destination NATed (ctstate SNAT / DNAT). */
  ctNat?: { snat?: boolean; dnat?: boolean };
  /** Route type of an address when it is not LOCAL (default: UNICAST, MULTICAST, BROADCAST by value). */
  addrType?(ip: string): string | undefined;
  /**
   * The packet's connection for `--ctorig*`/`--ctrepl*` (a CtEntry fits).
   * Without it the packet itself stands for the original direction, which
   * is wrong after a DNAT: pass the entry when there is one.
   */
  ct?: { orig: Tuple; reply: Tuple };
}

interface Tuple {
  src: string;
  dst: string;
  sport: number;
  dport: number;
}

const PROTO_NUM: Record<Packet['proto'], number> = { icmp: 1, tcp: 6, udp: 17, esp: 50 };

export function protoNumber(pkt: Packet): number {
  return PROTO_NUM[pkt.proto];
}

function addrOk(spec: AddrSpec | undefined, ip: string): boolean {
  if (!spec) return true;
  return inMasked(ip, spec.addr, spec.mask) !== spec.invert;
}

/** Interface names: `eth+` is a prefix; a packet without that interface matches nothing but `+`. */
export function ifaceMatches(pattern: string, name: string | undefined): boolean {
  if (pattern.endsWith('+')) return (name ?? '').startsWith(pattern.slice(0, -1));
  return name === pattern;
}

function ifaceOk(spec: IfaceSpec | undefined, name: string | undefined): boolean {
  if (!spec) return true;
  return ifaceMatches(spec.name, name) !== spec.invert;
}

function portOk(pm: PortMatch | undefined, port: number): boolean {
  if (!pm) return true;
  return (port >= pm.from && port <= pm.to) !== pm.invert;
}

const inRanges = (ranges: PortRange[], port: number) => ranges.some((r) => port >= r.from && port <= r.to);

const TCP_FLAG_BITS: Record<string, number> = { FIN: 0x01, SYN: 0x02, RST: 0x04, PSH: 0x08, ACK: 0x10, URG: 0x20 };

function tcpFlags(pkt: Packet): number {
  return (pkt.tcpFlags ?? []).reduce((acc, f) => acc | (TCP_FLAG_BITS[f] ?? 0), 0);
}

function defaultAddrType(ip: string, meta: MatchMeta): string {
  if (meta.isLocal(ip)) return 'LOCAL';
  const custom = meta.addrType?.(ip);
  if (custom) return custom;
  if (ip === '255.255.255.255') return 'BROADCAST';
  if (ipToNum(ip) >>> 28 === 0xe) return 'MULTICAST';
  return 'UNICAST';
}

function addrTypeOk(spec: AddrTypeSpec | undefined, ip: string, meta: MatchMeta): boolean {
  if (!spec) return true;
  return spec.types.includes(defaultAddrType(ip, meta)) !== spec.invert;
}

function stateOk(states: CtStateName[], invert: boolean, meta: MatchMeta): boolean {
  let hit = states.includes(meta.ctstate as CtStateName);
  if (meta.ctNat?.snat && states.includes('SNAT')) hit = true;
  if (meta.ctNat?.dnat && states.includes('DNAT')) hit = true;
  return hit !== invert;
}

function ctTuplesOk(m: Extract<Match, { kind: 'conntrack' }>, pkt: Packet, meta: MatchMeta): boolean {
  const orig = meta.ct?.orig ?? { src: pkt.src, dst: pkt.dst, sport: pkt.sport, dport: pkt.dport };
  const reply = meta.ct?.reply ?? { src: orig.dst, dst: orig.src, sport: orig.dport, dport: orig.sport };
  if (m.proto && (m.proto.num === protoNumber(pkt)) === m.proto.invert) return false;
  const addrs: Array<[AddrSpec | undefined, string]> = [[m.origSrc, orig.src], [m.origDst, orig.dst], [m.replSrc, reply.src], [m.replDst, reply.dst]];
  const ports: Array<[PortMatch | undefined, number]> = [[m.origSrcPort, orig.sport], [m.origDstPort, orig.dport], [m.replSrcPort, reply.sport], [m.replDstPort, reply.dport]];
  return addrs.every(([a, ip]) => addrOk(a, ip)) && ports.every(([p, port]) => portOk(p, port));
}

function icmpOk(m: Extract<Match, { kind: 'icmp' }>, pkt: Packet): boolean {
  if (pkt.proto !== 'icmp') return false;
  if (m.type === 255) return !m.invert;
  const type = PACKET_ICMP_TYPES[pkt.icmpType ?? ''] ?? -1;
  const code = pkt.icmpType === 'dest-unreach' ? 3 : 0;
  return (type === m.type && code >= m.codeMin && code <= m.codeMax) !== m.invert;
}

function matchOk(m: Match, pkt: Packet, meta: MatchMeta): boolean {
  switch (m.kind) {
    case 'tcp':
      if (pkt.proto !== 'tcp') return false;
      if (m.flags && ((tcpFlags(pkt) & m.flags.mask) === m.flags.comp) === m.flags.invert) return false;
      return portOk(m.sport, pkt.sport) && portOk(m.dport, pkt.dport);
    case 'udp':
      return pkt.proto === 'udp' && portOk(m.sport, pkt.sport) && portOk(m.dport, pkt.dport);
    case 'icmp':
      return icmpOk(m, pkt);
    case 'multiport': {
      if (pkt.proto !== 'tcp' && pkt.proto !== 'udp') return false;
      const hit =
        m.flavor === 'sports' ? inRanges(m.ports, pkt.sport) : m.flavor === 'dports' ? inRanges(m.ports, pkt.dport) : inRanges(m.ports, pkt.sport) || inRanges(m.ports, pkt.dport);
      return hit !== m.invert;
    }
    case 'conntrack':
      return (m.states.length === 0 || stateOk(m.states, m.invert, meta)) && ctTuplesOk(m, pkt, meta);
    case 'state':
      return stateOk(m.states, m.invert, meta);
    case 'addrtype':
      return addrTypeOk(m.src, pkt.src, meta) && addrTypeOk(m.dst, pkt.dst, meta);
    case 'comment':
      return true;
    case 'ipvs':
      return !m.ipvs || !!pkt.ipvs !== m.ipvs.invert;
  }
}

export function ruleMatches(rule: Rule, pkt: Packet, meta: MatchMeta): boolean {
  if (!addrOk(rule.src, pkt.src) || !addrOk(rule.dst, pkt.dst)) return false;
  if (!ifaceOk(rule.inIface, meta.inIf) || !ifaceOk(rule.outIface, meta.outIf)) return false;
  if (rule.proto && (rule.proto.num === protoNumber(pkt)) === rule.proto.invert) return false;
  // The model never fragments: `-f` matches nothing, `! -f` everything.
  if (rule.fragment && !rule.fragment.invert) return false;
  return rule.matches.every((m) => matchOk(m, pkt, meta));
}

/** Bytes the counters add for a packet: IPv4 header, transport header, payload. */
export function packetBytes(pkt: Packet): number {
  const l4 = pkt.proto === 'tcp' ? 20 : 8;
  return 20 + l4 + pkt.length;
}
