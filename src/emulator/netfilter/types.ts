/**
 * The netfilter data model of one network namespace: tables, chains, rules,
 * policies and counters, as iptables v1.8.9 (nf_tables) — the version Debian
 * 12 ships — sees them. Everything here is plain JSON (snapshots store it
 * as is): a rule keeps its matches and target as structured data so that
 * `iptables -S` and `iptables -L` can print it back exactly, and so that the
 * evaluator can decide what happens to a packet.
 */

export type TableName = 'filter' | 'nat' | 'raw' | 'mangle';

/** The tables `-t` accepts, in the order iptables-save prints them. */
export const TABLE_NAMES: readonly TableName[] = ['raw', 'mangle', 'filter', 'nat'];

/** Built-in chains of each table, in the order `iptables -L` lists them (hook order). */
export const BUILTIN_CHAINS: Readonly<Record<TableName, readonly string[]>> = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  raw: ['PREROUTING', 'OUTPUT'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
};

export type Policy = 'ACCEPT' | 'DROP';

export interface Counters {
  packets: number;
  bytes: number;
}

/** `-s`/`-d`: the address is stored with host bits cleared; `mask` is dotted (non-contiguous masks are legal). */
export interface AddrSpec {
  addr: string;
  mask: string;
  invert: boolean;
}

/** `-i`/`-o`: a trailing `+` is a prefix wildcard (`eth+`). */
export interface IfaceSpec {
  name: string;
  invert: boolean;
}

/** `-p`: the protocol number (6 tcp, 17 udp, 1 icmp, 50 esp...). `-p all` is stored as no ProtoSpec. */
export interface ProtoSpec {
  num: number;
  invert: boolean;
}

export interface PortRange {
  from: number;
  to: number;
}

export interface PortMatch extends PortRange {
  invert: boolean;
}

export interface TcpMatch {
  kind: 'tcp';
  sport?: PortMatch;
  dport?: PortMatch;
  /** `--syn` / `--tcp-flags MASK COMP`: bit masks FIN=1 SYN=2 RST=4 PSH=8 ACK=16 URG=32. */
  flags?: { mask: number; comp: number; invert: boolean };
}

export interface UdpMatch {
  kind: 'udp';
  sport?: PortMatch;
  dport?: PortMatch;
}

export interface IcmpMatch {
  kind: 'icmp';
  /** 255 means `any`. */
  type: number;
  codeMin: number;
  codeMax: number;
  invert: boolean;
}

export interface MultiportMatch {
  kind: 'multiport';
  flavor: 'sports' | 'dports' | 'ports';
  ports: PortRange[];
  invert: boolean;
}

/** Connection states in the order libxt_conntrack prints them. */
export const CT_STATES = ['INVALID', 'NEW', 'RELATED', 'ESTABLISHED', 'UNTRACKED', 'SNAT', 'DNAT'] as const;
export type CtStateName = (typeof CT_STATES)[number];

export interface ConntrackMatch {
  kind: 'conntrack';
  /** `--ctstate`; empty when not given. */
  states: CtStateName[];
  invert: boolean;
  /** `--ctproto` */
  proto?: ProtoSpec;
  /** `--ctorigsrc`, `--ctorigdst`, `--ctreplsrc`, `--ctrepldst` */
  origSrc?: AddrSpec;
  origDst?: AddrSpec;
  replSrc?: AddrSpec;
  replDst?: AddrSpec;
  /** `--ctorigsrcport` ... `--ctrepldstport` (Docker's docs filter published ports with --ctorigdstport). */
  origSrcPort?: PortMatch;
  origDstPort?: PortMatch;
  replSrcPort?: PortMatch;
  replDstPort?: PortMatch;
}

export interface StateMatch {
  kind: 'state';
  states: CtStateName[];
  invert: boolean;
}

export interface AddrTypeSpec {
  types: string[];
  invert: boolean;
}

export interface AddrTypeMatch {
  kind: 'addrtype';
  src?: AddrTypeSpec;
  dst?: AddrTypeSpec;
}

export interface CommentMatch {
  kind: 'comment';
  comment: string;
}

/** `-m ipvs --ipvs`: the packet went through an IPVS virtual service (extensions/ipvs.ts). */
export interface IpvsMatch {
  kind: 'ipvs';
  ipvs?: { invert: boolean };
}

export type Match = TcpMatch | UdpMatch | IcmpMatch | MultiportMatch | ConntrackMatch | StateMatch | AddrTypeMatch | CommentMatch | IpvsMatch;

/** A NAT range as libxt_NAT keeps it: optional address range, optional port range, flags. */
export interface NatRange {
  minIp?: string;
  maxIp?: string;
  minPort?: number;
  maxPort?: number;
  random?: boolean;
  randomFully?: boolean;
  persistent?: boolean;
}

export type Target =
  | { kind: 'ACCEPT' }
  | { kind: 'DROP' }
  | { kind: 'RETURN' }
  | { kind: 'REJECT'; rejectWith: string }
  | { kind: 'LOG'; prefix?: string; level: number; flags: number }
  | { kind: 'DNAT'; range: NatRange }
  | { kind: 'SNAT'; range: NatRange }
  | { kind: 'MASQUERADE'; range: NatRange }
  /** `-j REDIRECT [--to-ports P]`: DNAT to the receiving interface's own address (127.0.0.1 from OUTPUT). */
  | { kind: 'REDIRECT'; range: NatRange }
  /** `-j MARK`: new mark = (mark & ~mask) ^ value (extensions/mark.ts). */
  | { kind: 'MARK'; value: number; mask: number }
  /** `-j CHAIN` (jump, comes back on RETURN) or `-g CHAIN` (goto, does not). */
  | { kind: 'chain'; chain: string; goto: boolean };

export interface Rule {
  src?: AddrSpec;
  dst?: AddrSpec;
  inIface?: IfaceSpec;
  outIface?: IfaceSpec;
  proto?: ProtoSpec;
  /** `-f`: second and further fragments only (the model never fragments, so it never matches). */
  fragment?: { invert: boolean };
  matches: Match[];
  /** A rule without `-j` only counts packets. */
  target?: Target;
  counters: Counters;
}

export interface Chain {
  name: string;
  builtin: boolean;
  /**
   * A built-in chain iptables-nft only shows: nf_tables gets it with the
   * first rule or policy (or -F naming it). Until then `-D INPUT 1` says
   * "No chain/target/match by that name"; `-X INPUT` of an empty ACCEPT
   * chain makes it fake again.
   */
  fake?: boolean;
  /** Built-in chains only. */
  policy?: Policy;
  /** Packets that fell through to the policy (built-in chains). */
  counters: Counters;
  rules: Rule[];
}

export interface Table {
  /** Built-in chains first (hook order), then user chains in creation order. */
  chains: Chain[];
  /**
   * Base chains renamed with `-E` (nf_tables allows it): iptables no longer
   * shows them and prints "# Table `filter' contains incompatible
   * base-chains, use 'nft' tool to list them." The evaluator ignores them.
   */
  incompatible?: Chain[];
}

export interface NetfilterState {
  tables: Record<TableName, Table>;
}
