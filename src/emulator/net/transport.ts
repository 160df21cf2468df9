/**
 * Round trips through the model: ICMP echo, TCP connection set-up and UDP
 * request/response. The request really travels (routes, ARP, bridges,
 * netfilter); the answer is built where it arrived and really travels back,
 * un-NATed by conntrack on the way. Nothing here decides reachability by
 * itself.
 */
import type { LabCtx } from '../world/ctx';
import type { NsState, Socket } from './state';
import type { Packet } from './packet';
import type { Arrival, Drop } from './journey';
import { sendFromHost } from './stack';
import { replyData } from './capture/dns-wire';
import { lookupRoute } from './routes';
import { mssFor } from './mtu';

export interface RoundTrip {
  /** Where the request arrived, if it did. */
  arrival?: Arrival;
  /** Why the request or the answer got lost. */
  drop?: Drop;
  /** The answer as the client received it. */
  answer?: Packet;
  rttMs: number;
}

function trip(ctx: LabCtx, from: NsState, pkt: Packet, respond: (a: Arrival) => Packet | undefined): RoundTrip {
  const out = sendFromHost(ctx.state.net, ctx.journey(), from, pkt);
  if (!out.arrived) return { drop: out, rttMs: out.latencyMs };
  const reply = respond(out);
  if (!reply) return { arrival: out, rttMs: out.latencyMs };
  const back = sendFromHost(ctx.state.net, ctx.journey(), out.ns, reply);
  if (!back.arrived) return { arrival: out, drop: back, rttMs: out.latencyMs + back.latencyMs };
  if (back.ns.id !== from.id) return { arrival: out, rttMs: out.latencyMs + back.latencyMs };
  return { arrival: out, answer: back.pkt, rttMs: out.latencyMs + back.latencyMs };
}

export function ping(ctx: LabCtx, from: NsState, dst: string, seq: number, id: number, size = 56): RoundTrip {
  const pkt: Packet = { src: '', dst, proto: 'icmp', ttl: from.defaultTtl, sport: 0, dport: 0, icmpType: 'echo-request', icmpId: id, icmpSeq: seq, length: size + 8 };
  return trip(ctx, from, pkt, (a) => ({
    src: a.pkt.dst, dst: a.pkt.src, proto: 'icmp', ttl: a.ns.defaultTtl, sport: 0, dport: 0, icmpType: 'echo-reply', icmpId: id, icmpSeq: seq, length: a.pkt.length,
  }));
}

export function findSocket(ns: NsState, proto: 'tcp' | 'udp', ip: string, port: number): Socket | undefined {
  return (
    ns.sockets.find((s) => s.proto === proto && s.port === port && s.ip === ip) ??
    ns.sockets.find((s) => s.proto === proto && s.port === port && s.ip === '0.0.0.0')
  );
}

export type ConnectOutcome =
  | {
      kind: 'connected'; socket: Socket; server: NsState; serverIp: string; clientPort: number; rttMs: number; arrival: Arrival;
      /** The client's namespace, and the address and port it connected to (before any DNAT). */
      client: NsState; remoteIp: string; remotePort: number;
    }
  | { kind: 'refused'; rttMs: number }
  | { kind: 'timeout'; drop?: Drop; rttMs: number }
  | { kind: 'unreachable'; drop: Drop; rttMs: number }
  | { kind: 'no-route'; drop: Drop; rttMs: number };

function classifyDrop(drop: Drop | undefined, rttMs: number): ConnectOutcome {
  if (!drop) return { kind: 'timeout', rttMs };
  if (drop.kind === 'rejected') return { kind: 'refused', rttMs };
  if (drop.kind === 'no-route') return { kind: 'no-route', drop, rttMs };
  if (drop.kind === 'host-unreachable') return { kind: 'unreachable', drop, rttMs };
  return { kind: 'timeout', drop, rttMs };
}

/** A TCP handshake: SYN out, SYN-ACK (listener) or RST (none) back. */
export function tcpConnect(ctx: LabCtx, from: NsState, dst: string, dport: number): ConnectOutcome {
  const sport = ctx.rng.int(32768, 60999);
  let listener: Socket | undefined;
  const syn: Packet = { src: '', dst, proto: 'tcp', ttl: from.defaultTtl, sport, dport, tcpFlags: ['SYN'], length: 0 };
  const answer = (a: Arrival): Packet => {
    listener = findSocket(a.ns, 'tcp', a.pkt.dst, a.pkt.dport);
    const flags: Packet['tcpFlags'] = listener ? ['SYN', 'ACK'] : ['RST', 'ACK'];
    return { src: a.pkt.dst, dst: a.pkt.src, proto: 'tcp', ttl: a.ns.defaultTtl, sport: a.pkt.dport, dport: a.pkt.sport, tcpFlags: flags, length: 0 };
  };
  const rt = trip(ctx, from, syn, answer);
  if (!rt.answer) {
    const outcome = classifyDrop(rt.drop, rt.rttMs);
    if (outcome.kind === 'timeout') retransmitSyn(ctx, from, syn, answer);
    return outcome;
  }
  if (!listener || rt.answer.tcpFlags?.includes('RST')) return { kind: 'refused', rttMs: rt.rttMs };
  return {
    kind: 'connected', socket: listener, server: rt.arrival!.ns, serverIp: rt.arrival!.pkt.dst, clientPort: sport, rttMs: rt.rttMs, arrival: rt.arrival!,
    client: from, remoteIp: dst, remotePort: dport,
  };
}

/**
 * Linux retransmits an unanswered SYN after 1, 3, 7, 15, 31 and 63 s (an
 * initial RTO of 1 s, doubled each time; net.ipv4.tcp_syn_retries = 6),
 * then connect() fails. The retransmissions are only visible on the wire, so
 * they are sent (as kernel timers that fire while lab time passes) only
 * while a capture is open; one that gets an answer ends the series.
 */
export const SYN_RETRANSMIT_MS = [1000, 3000, 7000, 15000, 31000, 63000];

function retransmitSyn(ctx: LabCtx, from: NsState, syn: Packet, answer: (a: Arrival) => Packet): void {
  const timers = ctx.timers;
  if (!timers || ctx.probe || !ctx.captures?.active) return;
  const start = ctx.clock.now();
  const schedule = (i: number): void => {
    if (i >= SYN_RETRANSMIT_MS.length) return;
    timers.schedule(start + SYN_RETRANSMIT_MS[i], (now) => {
      const ns = now.state.net.namespaces[from.id];
      if (ns && !trip(now, ns, { ...syn }, answer).answer) schedule(i + 1);
    });
  };
  schedule(0);
}

/**
 * Data on an open connection, as a download: the client's request (one small
 * segment) and the server's answer in full-size segments — `bytes` of it, at
 * most one MSS per segment, the MSS being the smaller of the two ends'
 * (each side advertises its MTU less 40 in its SYN). One full-size segment
 * stands for all of them: if it fits every link on the way, they all do.
 */
export function tcpDownload(ctx: LabCtx, conn: Extract<ConnectOutcome, { kind: 'connected' }>, bytes: number): RoundTrip {
  const clientDev = lookupRoute(ctx.state.net, conn.client, conn.remoteIp)?.dev;
  const mss = Math.min(mssFor(conn.arrival.dev), clientDev ? mssFor(ctx.state.net.devices[clientDev]) : Infinity);
  const request: Packet = { src: '', dst: conn.remoteIp, proto: 'tcp', ttl: conn.client.defaultTtl, sport: conn.clientPort, dport: conn.remotePort, tcpFlags: ['PSH', 'ACK'], length: 80 };
  return trip(ctx, conn.client, request, (a) => ({
    src: a.pkt.dst, dst: a.pkt.src, proto: 'tcp', ttl: a.ns.defaultTtl, sport: a.pkt.dport, dport: a.pkt.sport, tcpFlags: ['ACK'], length: Math.min(bytes, mss),
  }));
}

/**
 * Data the other way, as an upload (iperf's default direction): the client's
 * full-size segments — `bytes`, one MSS at most per segment, one standing
 * for all — and the server's small ACK back.
 */
export function tcpUpload(ctx: LabCtx, conn: Extract<ConnectOutcome, { kind: 'connected' }>, bytes: number): RoundTrip {
  const clientDev = lookupRoute(ctx.state.net, conn.client, conn.remoteIp)?.dev;
  const mss = Math.min(mssFor(conn.arrival.dev), clientDev ? mssFor(ctx.state.net.devices[clientDev]) : Infinity);
  const segment: Packet = { src: '', dst: conn.remoteIp, proto: 'tcp', ttl: conn.client.defaultTtl, sport: conn.clientPort, dport: conn.remotePort, tcpFlags: ['ACK'], length: Math.min(bytes, mss) };
  return trip(ctx, conn.client, segment, (a) => ({
    src: a.pkt.dst, dst: a.pkt.src, proto: 'tcp', ttl: a.ns.defaultTtl, sport: a.pkt.dport, dport: a.pkt.sport, tcpFlags: ['ACK'], length: 0,
  }));
}

/** One UDP datagram of `length` payload bytes that nobody answers (iperf3 -u data): `arrival` says whether it got there. */
export function udpDatagram(ctx: LabCtx, from: NsState, dst: string, sport: number, dport: number, length: number): RoundTrip {
  const pkt: Packet = { src: '', dst, proto: 'udp', ttl: from.defaultTtl, sport, dport, length };
  return trip(ctx, from, pkt, () => undefined);
}

export type UdpOutcome =
  | { kind: 'reply'; data: unknown; rttMs: number }
  | { kind: 'refused'; rttMs: number }
  | { kind: 'timeout'; drop?: Drop; rttMs: number };

/** One UDP datagram and the server's answer, computed by `serve` where it arrived. */
export function udpExchange(ctx: LabCtx, from: NsState, dst: string, dport: number, data: unknown, serve: (socket: Socket, at: Arrival) => unknown): UdpOutcome {
  const sport = ctx.rng.int(32768, 60999);
  let refused = false;
  let answerData: unknown;
  const rt = trip(ctx, from, { src: '', dst, proto: 'udp', ttl: from.defaultTtl, sport, dport, length: 40, data }, (a) => {
    const socket = findSocket(a.ns, 'udp', a.pkt.dst, a.pkt.dport);
    if (!socket) {
      refused = true;
      return { src: a.pkt.dst, dst: a.pkt.src, proto: 'icmp', ttl: a.ns.defaultTtl, sport: 0, dport: 0, icmpType: 'dest-unreach', length: 68, data: { original: a.pkt, code: 'port-unreachable' } };
    }
    answerData = serve(socket, a);
    if (answerData === undefined) return undefined;
    return { src: a.pkt.dst, dst: a.pkt.src, proto: 'udp', ttl: a.ns.defaultTtl, sport: a.pkt.dport, dport: a.pkt.sport, length: 80, data: replyData(a.pkt.data, answerData) };
  });
  if (!rt.answer) return refused && !rt.drop ? { kind: 'timeout', rttMs: rt.rttMs } : { kind: 'timeout', drop: rt.drop, rttMs: rt.rttMs };
  if (refused) return { kind: 'refused', rttMs: rt.rttMs };
  return { kind: 'reply', data: rt.answer.data ?? answerData, rttMs: rt.rttMs };
}
