/**
 * Header fields the model does not carry but a capture shows: TCP sequence
 * numbers, windows and SYN options, the IP ID and DF bit. They are derived
 * from the packet itself (a hash of what survives NAT: the initiator's
 * port), so the same packet shows the same numbers on every interface it
 * crosses, before and after DNAT, and the same seed gives the same capture.
 */
import type { Packet } from '../packet';
import { tcpSegmentOf } from '../tcp-conversation';

export interface TcpDetails {
  seq: number;
  ack: number;
  win: number;
  /** SYN and SYN-ACK carry Linux's options: mss, sackOK, TS, nop, wscale 7. */
  options?: { mss: number; tsVal: number; tsEcr: number };
  /** Segments after the handshake carry only the timestamp option (nop,nop,TS). */
  timestamps?: { tsVal: number; tsEcr: number };
  /** seq and ack relative to each side's initial sequence number (tcpdump without -S prints these). */
  relative?: { seq: number; ack: number };
}

export function hash32(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h >>> 0;
}

/** The port of the side that opened the connection (ephemeral ports are the higher ones). */
function initiatorPort(pkt: Packet, fromInitiator: boolean): number {
  return fromInitiator ? pkt.sport : pkt.dport;
}

/**
 * Linux windows: a SYN offers 64240 (44 * 1460), a SYN-ACK 65160 (45 * 1448);
 * a RST answering a SYN has seq 0 and window 0.
 */
export function tcpDetails(pkt: Packet, mtu: number): TcpDetails {
  const flags = pkt.tcpFlags ?? [];
  const syn = flags.includes('SYN');
  const ack = flags.includes('ACK');
  const fromInitiator = syn ? !ack : false;
  const port = initiatorPort(pkt, fromInitiator);
  const clientIss = hash32(`c${port}`);
  const serverIss = hash32(`s${port}`);
  const mss = Math.max(536, Math.min(mtu, 1500) - 40);
  const tsClient = hash32(`tc${port}`) & 0x7fffffff;
  const tsServer = hash32(`ts${port}`) & 0x7fffffff;
  if (syn && !ack) return { seq: clientIss, ack: 0, win: 64240, options: { mss, tsVal: tsClient, tsEcr: 0 } };
  if (syn && ack) return { seq: serverIss, ack: (clientIss + 1) >>> 0, win: 65160, options: { mss, tsVal: tsServer, tsEcr: tsClient } };
  if (flags.includes('RST')) return { seq: 0, ack: (clientIss + 1) >>> 0, win: 0 };
  return established(pkt);
}

/**
 * A segment after the handshake: numbers from its TcpSegment; the window
 * is the raw field, scaled by wscale 7 (64240 / 128 = 502 for the client,
 * 65160 / 128 = 509 for the server).
 */
function established(pkt: Packet): TcpDetails {
  const seg = tcpSegmentOf(pkt) ?? { fromClient: true, seq: 1, ack: 1 };
  const port = seg.fromClient ? pkt.sport : pkt.dport;
  const iss = { client: hash32(`c${port}`), server: hash32(`s${port}`) };
  const ts = { client: hash32(`tc${port}`) & 0x7fffffff, server: hash32(`ts${port}`) & 0x7fffffff };
  const [own, peer] = seg.fromClient ? (['client', 'server'] as const) : (['server', 'client'] as const);
  return {
    seq: (iss[own] + seg.seq) >>> 0,
    ack: (iss[peer] + seg.ack) >>> 0,
    win: seg.fromClient ? 502 : 509,
    timestamps: { tsVal: ts[own], tsEcr: ts[peer] },
    relative: { seq: seg.seq, ack: seg.ack },
  };
}

/** The IP identification field (stable per packet: the hash of its headers). */
export function ipId(pkt: Packet): number {
  const seg = tcpSegmentOf(pkt);
  const place = seg ? `/${seg.seq}:${seg.ack}` : '';
  // What NAT and forwarding leave alone: the ephemeral port and which way the packet goes (the
  // IP ID is the sender's; a router or DNAT does not change it).
  const port = `${Math.max(pkt.sport, pkt.dport)}${pkt.sport > pkt.dport ? '>' : '<'}`;
  return hash32(`${pkt.proto}/${port}/${pkt.icmpType ?? ''}${pkt.icmpId ?? ''}:${pkt.icmpSeq ?? ''}/${(pkt.tcpFlags ?? []).join('')}${place}`) & 0xffff;
}

/**
 * DF: Linux sets it on TCP, on ping's echo requests and on connected UDP
 * sockets (IP_PMTUDISC_WANT); echo replies and ICMP errors go without it,
 * and so do VXLAN and ESP on the underlay (the kernel's tunnel default).
 */
export function dontFragment(pkt: Packet): boolean {
  if (pkt.proto === 'tcp') return true;
  if (pkt.proto === 'icmp') return pkt.icmpType === 'echo-request';
  if (pkt.proto === 'udp') return !(pkt.data && typeof pkt.data === 'object' && 'vxlan' in pkt.data);
  return false;
}
