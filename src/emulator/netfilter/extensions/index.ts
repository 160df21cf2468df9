/**
 * The extensions this iptables knows: the matches and targets the course and
 * Docker use. A `-m NAME` that is not here fails like a missing shared
 * object does (`Couldn't load match ...`), and a `-j NAME` that is not here
 * is taken as a chain name, as libxtables does.
 */
import type { Match, Target } from '../types';
import { addrtypeMatch, commentMatch } from './addrtype-comment';
import { stateMatch } from './ctstate';
import { conntrackMatch } from './conntrack';
import { icmpMatch } from './icmp';
import { multiportMatch } from './multiport';
import { dnatTarget, masqueradeTarget, redirectTarget, snatTarget } from './nat';
import { tcpMatch, udpMatch } from './ports';
import { logTarget, rejectTarget } from './reject-log';
import { markTarget } from './mark';
import { ipvsMatch } from './ipvs';
import type { MatchExt, TargetExt } from './types';

function asMatch<M extends Match>(ext: MatchExt<M>): MatchExt {
  return ext as unknown as MatchExt;
}

function asTarget<T extends Target>(ext: TargetExt<T>): TargetExt {
  return ext as unknown as TargetExt;
}

export const MATCHES: readonly MatchExt[] = [
  asMatch(tcpMatch),
  asMatch(udpMatch),
  asMatch(icmpMatch),
  asMatch(multiportMatch),
  asMatch(conntrackMatch),
  asMatch(stateMatch),
  asMatch(addrtypeMatch),
  asMatch(commentMatch),
  asMatch(ipvsMatch),
];

export const TARGETS: readonly TargetExt[] = [
  asTarget(rejectTarget),
  asTarget(logTarget),
  asTarget(dnatTarget),
  asTarget(snatTarget),
  asTarget(masqueradeTarget),
  asTarget(redirectTarget),
  asTarget(markTarget),
];

export function findMatch(name: string): MatchExt | undefined {
  return MATCHES.find((m) => m.name === name);
}

export function matchExtFor(m: Match): MatchExt {
  return findMatch(m.kind)!;
}

export function findTarget(name: string): TargetExt | undefined {
  return TARGETS.find((t) => t.name === name);
}

export function targetExtFor(t: Target): TargetExt | undefined {
  return findTarget(t.kind);
}

/** The built-in verdicts libxtables maps to its "standard" target. */
export const STANDARD_TARGETS = ['ACCEPT', 'DROP', 'RETURN'] as const;

/**
 * Target extensions a Debian 12 iptables can load (x_tables target modules):
 * a user chain may not take one of these names ("chain name may not clash
 * with target name"), even those this model does not implement.
 */
export const KNOWN_TARGET_NAMES: ReadonlySet<string> = new Set([
  'ACCEPT', 'DROP', 'RETURN', 'QUEUE', 'REJECT', 'LOG', 'DNAT', 'SNAT', 'MASQUERADE', 'REDIRECT', 'NETMAP', 'MARK',
  'CONNMARK', 'CT', 'NOTRACK', 'TCPMSS', 'TPROXY', 'NFLOG', 'NFQUEUE', 'CHECKSUM', 'CLASSIFY', 'DSCP', 'TOS', 'TTL',
  'TRACE', 'AUDIT', 'CONNSECMARK', 'SECMARK', 'IDLETIMER', 'LED', 'HMARK', 'SET', 'SYNPROXY', 'TEE', 'CLUSTERIP',
  'ECN', 'RATEEST', 'TCPOPTSTRIP', 'ULOG',
]);
