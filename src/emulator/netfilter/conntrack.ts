/**
 * A namespace's connection tracking table (nf_conntrack). Each entry keeps
 * the tuple of the first packet (original) and the tuple replies will carry
 * (reply), which differ when NAT was applied: a DNAT to 172.17.0.2:80 makes
 * replies come *from* 172.17.0.2:80, a MASQUERADE makes them come back *to*
 * the host's address. The packet path asks lookupConnection() for every
 * packet, createConnection() after the nat hooks decided on a NEW one, and
 * translatePacket() to rewrite addresses in either direction.
 */
import type { Packet } from '../net/packet';
import {
  GENERIC_TIMEOUT, ICMP_TIMEOUT, nextTcpState, TCP_TIMEOUTS, UDP_STREAM_TIMEOUT, UDP_TIMEOUT,
  type Direction, type TcpCtState,
} from './conntrack-timeouts';

export type { Direction, TcpCtState } from './conntrack-timeouts';

export interface CtTuple {
  src: string;
  dst: string;
  /** TCP/UDP ports; for ICMP `sport` holds the echo id and `dport` is 0. */
  sport: number;
  dport: number;
}

export interface CtEntry {
  id: number;
  proto: Packet['proto'];
  orig: CtTuple;
  reply: CtTuple;
  /** ICMP: the type of the original packet (8 for echo-request) and of the replies (0). */
  icmp?: { type: number; replyType: number };
  tcpState?: TcpCtState;
  finBy?: Direction;
  seenReply: boolean;
  assured: boolean;
  snat: boolean;
  dnat: boolean;
  /** Virtual time (ms) at which the entry disappears. */
  expires: number;
  mark: number;
}

export interface ConntrackState {
  entries: CtEntry[];
  nextId: number;
}

export function emptyConntrack(): ConntrackState {
  return { entries: [], nextId: 1 };
}

export interface NatDecision {
  dnat?: { ip: string; port?: number };
  snat?: { ip: string; port?: number };
}

export interface CtLookup {
  entry: CtEntry;
  dir: Direction;
  /** RELATED for an ICMP error about a known connection (see ctStateOf for the packet's ctstate). */
  state: 'ESTABLISHED' | 'RELATED';
}

const ICMP_TYPE: Record<string, number> = { 'echo-request': 8, 'echo-reply': 0, 'dest-unreach': 3, 'time-exceeded': 11 };

function tupleOf(pkt: Pick<Packet, 'src' | 'dst' | 'sport' | 'dport' | 'proto' | 'icmpId'>): CtTuple {
  if (pkt.proto === 'icmp') return { src: pkt.src, dst: pkt.dst, sport: pkt.icmpId ?? 0, dport: 0 };
  if (pkt.proto === 'esp') return { src: pkt.src, dst: pkt.dst, sport: 0, dport: 0 };
  return { src: pkt.src, dst: pkt.dst, sport: pkt.sport, dport: pkt.dport };
}

const sameTuple = (a: CtTuple, b: CtTuple) => a.src === b.src && a.dst === b.dst && a.sport === b.sport && a.dport === b.dport;

/** Drops entries whose timeout has passed. */
export function expireConnections(ct: ConntrackState, now: number): void {
  ct.entries = ct.entries.filter((e) => e.expires > now);
}

function isIcmpError(pkt: Packet): boolean {
  return pkt.proto === 'icmp' && (pkt.icmpType === 'dest-unreach' || pkt.icmpType === 'time-exceeded');
}

function findByTuple(ct: ConntrackState, proto: Packet['proto'], t: CtTuple, icmpType?: number): CtLookup | undefined {
  for (const entry of ct.entries) {
    if (entry.proto !== proto) continue;
    const typeOk = (want?: number) => icmpType === undefined || want === icmpType;
    if (sameTuple(entry.orig, t) && typeOk(entry.icmp?.type)) return { entry, dir: 'original', state: 'ESTABLISHED' };
    if (sameTuple(entry.reply, t) && typeOk(entry.icmp?.replyType)) return { entry, dir: 'reply', state: 'ESTABLISHED' };
  }
  return undefined;
}

/**
 * The packet an ICMP error quotes (`data.original`, as it left the sender
 * of the error): RELATED to the connection it belongs to. It travels in the
 * opposite direction to the quoted packet.
 */
function findRelated(ct: ConntrackState, pkt: Packet): CtLookup | undefined {
  const quoted = (pkt.data as { original?: Packet } | undefined)?.original;
  if (!quoted) return undefined;
  const t = tupleOf(quoted);
  // An ICMP tuple keeps its echo id in `sport` both ways (nf_conntrack_invert_icmp_tuple keeps the id).
  const inverse = (x: CtTuple): CtTuple => (quoted.proto === 'icmp' ? { ...x, src: x.dst, dst: x.src } : { src: x.dst, dst: x.src, sport: x.dport, dport: x.sport });
  for (const entry of ct.entries) {
    if (entry.proto !== quoted.proto) continue;
    if (sameTuple(entry.orig, t) || sameTuple(inverse(entry.reply), t)) return { entry, dir: 'reply', state: 'RELATED' };
    if (sameTuple(entry.reply, t) || sameTuple(inverse(entry.orig), t)) return { entry, dir: 'original', state: 'RELATED' };
  }
  return undefined;
}

/** Is `pkt` part of a known connection, and in which direction? undefined means NEW. */
export function lookupConnection(ct: ConntrackState, pkt: Packet, now: number): CtLookup | undefined {
  expireConnections(ct, now);
  if (isIcmpError(pkt)) return findRelated(ct, pkt);
  const icmpType = pkt.proto === 'icmp' ? ICMP_TYPE[pkt.icmpType ?? ''] : undefined;
  return findByTuple(ct, pkt.proto, tupleOf(pkt), icmpType);
}

function initialTimeout(pkt: Packet): number {
  if (pkt.proto === 'tcp') return TCP_TIMEOUTS.SYN_SENT;
  if (pkt.proto === 'udp') return UDP_TIMEOUT;
  if (pkt.proto === 'icmp') return ICMP_TIMEOUT;
  return GENERIC_TIMEOUT;
}

/**
 * Records a NEW connection once the nat hooks decided (`nat` may be empty).
 * The reply tuple is the original one reversed, with the NAT undone.
 */
export function createConnection(ct: ConntrackState, pkt: Packet, nat: NatDecision, now: number): CtEntry {
  const orig = tupleOf(pkt);
  const reply: CtTuple = {
    src: nat.dnat?.ip ?? orig.dst,
    dst: nat.snat?.ip ?? orig.src,
    sport: pkt.proto === 'icmp' ? orig.sport : (nat.dnat?.port ?? orig.dport),
    dport: pkt.proto === 'icmp' ? 0 : (nat.snat?.port ?? orig.sport),
  };
  const entry: CtEntry = {
    id: ct.nextId++, proto: pkt.proto, orig, reply, seenReply: false, assured: false,
    snat: !!nat.snat, dnat: !!nat.dnat, expires: now + initialTimeout(pkt), mark: 0,
  };
  if (pkt.proto === 'icmp') entry.icmp = { type: ICMP_TYPE[pkt.icmpType ?? ''] ?? 8, replyType: 0 };
  if (pkt.proto === 'tcp') entry.tcpState = 'SYN_SENT';
  ct.entries.push(entry);
  return entry;
}

function udpLikeUpdate(entry: CtEntry, dir: Direction, now: number): void {
  if (dir === 'reply' && !entry.seenReply) {
    entry.seenReply = true;
    entry.expires = now + (entry.proto === 'icmp' ? ICMP_TIMEOUT : UDP_TIMEOUT);
    return;
  }
  if (entry.proto === 'udp' && entry.seenReply) {
    entry.assured = true;
    entry.expires = now + UDP_STREAM_TIMEOUT;
  } else entry.expires = now + (entry.proto === 'icmp' ? ICMP_TIMEOUT : entry.proto === 'udp' ? UDP_TIMEOUT : GENERIC_TIMEOUT);
}

/** Advances state, timeout, [UNREPLIED]/[ASSURED] for a packet of a known connection. */
export function updateConnection(entry: CtEntry, dir: Direction, pkt: Packet, now: number): void {
  if (entry.proto !== 'tcp') {
    udpLikeUpdate(entry, dir, now);
    return;
  }
  if (dir === 'reply') entry.seenReply = true;
  const next = nextTcpState({ state: entry.tcpState ?? 'SYN_SENT', finBy: entry.finBy, assured: entry.assured }, dir, pkt);
  entry.tcpState = next.state;
  entry.finBy = next.finBy;
  entry.assured = next.assured;
  entry.expires = now + TCP_TIMEOUTS[next.state];
}

/**
 * Rewrites a packet of a tracked connection. Original direction: it takes
 * the reverse of the reply tuple (DNAT changes dst, SNAT/MASQUERADE src).
 * Reply direction: it takes the reverse of the original tuple, so the
 * client sees the address it talked to. `part` limits it to the dst side
 * (PREROUTING/OUTPUT) or the src side (POSTROUTING/INPUT).
 */
export function translatePacket(entry: CtEntry, dir: Direction, pkt: Packet, part: 'both' | 'dst' | 'src' = 'both'): Packet {
  const to = dir === 'original' ? entry.reply : entry.orig;
  const out: Packet = { ...pkt };
  const ports = pkt.proto === 'tcp' || pkt.proto === 'udp';
  if (part !== 'src') {
    out.dst = to.src;
    if (ports) out.dport = to.sport;
  }
  if (part !== 'dst') {
    out.src = to.dst;
    if (ports) out.sport = to.dport;
  }
  const quoted = (pkt.data as { original?: Packet } | undefined)?.original;
  if (quoted && part === 'both') out.data = { ...(pkt.data as object), original: quotedAsSent(entry, dir, quoted) };
  return out;
}

/**
 * The packet inside a RELATED ICMP error, rewritten as its receiver sent
 * it: an error travelling in the reply direction quotes an original-
 * direction packet, so it gets the original tuple back (and vice versa).
 */
function quotedAsSent(entry: CtEntry, dir: Direction, quoted: Packet): Packet {
  const t = dir === 'reply' ? entry.orig : entry.reply;
  const ports = quoted.proto === 'tcp' || quoted.proto === 'udp';
  return { ...quoted, src: t.src, dst: t.dst, ...(ports ? { sport: t.sport, dport: t.dport } : {}) };
}

/**
 * NAT for a RELATED ICMP error (nf_nat_icmp_reply_translation): the outer
 * header is not the connection's tuple (a time-exceeded comes *from* the
 * router), so only the one address the hook manipulates is rewritten, and
 * only when the connection was NATed that way (the IPS_SRC_NAT/IPS_DST_NAT
 * status bit, swapped for the reply direction). The quoted packet gets the
 * opposite side rewritten, so the receiver finds its own probe in it: a
 * MASQUERADEd traceroute probe's time-exceeded reaches the container, from
 * the router, quoting the probe as the container sent it.
 */
export function translateRelated(entry: CtEntry, dir: Direction, pkt: Packet, manip: 'dst' | 'src'): Packet {
  const natted = (manip === 'dst') === (dir === 'reply') ? entry.snat : entry.dnat;
  if (!natted) return pkt;
  const to = dir === 'original' ? entry.reply : entry.orig;
  const out: Packet = { ...pkt };
  const quoted = (pkt.data as { original?: Packet } | undefined)?.original;
  const inner: Packet | undefined = quoted && { ...quoted };
  const ports = inner && (inner.proto === 'tcp' || inner.proto === 'udp');
  if (manip === 'dst') {
    out.dst = to.src;
    if (inner) inner.src = to.src;
    if (inner && ports) inner.sport = to.sport;
  } else {
    out.src = to.dst;
    if (inner) inner.dst = to.dst;
    if (inner && ports) inner.dport = to.dport;
  }
  if (inner) out.data = { ...(pkt.data as object), original: inner };
  return out;
}

/**
 * The ctstate a packet has for the conntrack/state matches (call it before
 * updateConnection): NEW until the connection has seen a reply, so a
 * retransmitted SYN is still NEW; ESTABLISHED after; RELATED for ICMP errors.
 */
export function ctStateOf(lookup: CtLookup | undefined): 'NEW' | 'ESTABLISHED' | 'RELATED' {
  if (!lookup) return 'NEW';
  if (lookup.state === 'RELATED') return 'RELATED';
  return lookup.dir === 'reply' || lookup.entry.seenReply ? 'ESTABLISHED' : 'NEW';
}
