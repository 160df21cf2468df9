/**
 * Netfilter for the emulator's network namespaces: the data model, the
 * `iptables` command, the packet evaluator and connection tracking.
 */
export type {
  AddrSpec, Chain, Counters, CtStateName, IfaceSpec, Match, NatRange, NetfilterState, Policy, PortRange, ProtoSpec, Rule,
  Table, TableName, Target,
} from './types';
export { BUILTIN_CHAINS, TABLE_NAMES } from './types';
export { createNetfilterState, emptyNetfilter, findChain, listingOrder } from './state';
export { runIptables, type IptablesOptions, type IptablesResult } from './iptables';
export type { HostResolver } from './command-finalize';
export type { NameLookup } from './format-list';
export { saveRuleSpec } from './format-save';
export { evaluate, type EvalMeta, type EvalResult, type Verdict } from './evaluate';
export { ifaceMatches, packetBytes, ruleMatches, type CtState, type MatchMeta } from './match-eval';
export {
  createConnection, ctStateOf, emptyConntrack, expireConnections, lookupConnection, translatePacket, updateConnection,
  type ConntrackState, type CtEntry, type CtLookup, type CtTuple, type Direction, type NatDecision, type TcpCtState,
} from './conntrack';
export { formatConntrackEntry, formatConntrackList } from './conntrack-format';
