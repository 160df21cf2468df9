/**
 * What follows a TCP handshake on the wire: the client's ACK, the request,
 * the server's ACK and answer (cut into MSS-sized segments), the client's
 * ACKs, then the close — FIN from the side that closes first, FIN back, the
 * last ACK (RFC 793's normal close, as Linux sends it: every segment after
 * the SYN carries ACK and the timestamp option).
 *
 * Every segment really travels through the model (routes, bridges,
 * netfilter with conntrack: the client's ACK makes the connection
 * ESTABLISHED and ASSURED, the close leaves it in TIME_WAIT, as
 * `conntrack -L` shows after a real curl). The first segment that gets lost
 * ends the conversation, as a connection that stalls would.
 *
 * The segments carry a TcpSegment descriptor (`data.tcpSeg`): which side
 * sent it and its sequence and acknowledgement numbers relative to each
 * side's initial sequence number, with the payload text, so a capture can
 * print `seq 1:78, ack 1` and `HTTP: GET / HTTP/1.1`.
 */
import type { LabCtx } from '../world/ctx';
import type { Packet, TcpFlag } from './packet';
import type { ConnectOutcome } from './transport';
import { sendFromHost } from './stack';

export type Connected = Extract<ConnectOutcome, { kind: 'connected' }>;

/** One segment's place in its connection (relative numbers: the first data byte is 1). */
export interface TcpSegment {
  fromClient: boolean;
  seq: number;
  ack: number;
  /** The payload, when the segment carries data. */
  text?: string;
}

export function tcpSegmentOf(pkt: Packet): TcpSegment | undefined {
  const d = pkt.data as { tcpSeg?: TcpSegment } | undefined;
  return d && typeof d === 'object' && d.tcpSeg ? d.tcpSeg : undefined;
}

/** Linux's MSS with timestamps on a 1500-byte path: 1500 - 20 (IP) - 20 (TCP) - 12 (options). */
const SEGMENT_BYTES = 1448;

/** The live state of one conversation: bytes sent each way so far, and whether it still flows. */
export class TcpConversation {
  private clientSent = 0;
  private serverSent = 0;
  private alive = true;

  constructor(private readonly ctx: LabCtx, private readonly conn: Connected) {}

  /** The client's ACK that completes the handshake. */
  established(): this {
    return this.send(true, ['ACK']);
  }

  /** The client sends `text` (one segment: requests are small); the server ACKs it. */
  clientSends(text: string): this {
    if (!text) return this;
    this.send(true, ['PSH', 'ACK'], text);
    return this.send(false, ['ACK']);
  }

  /** The server answers with `text`, one segment per MSS; the client ACKs each. */
  serverSends(text: string): this {
    for (let at = 0; at < text.length && this.alive; at += SEGMENT_BYTES) {
      const last = at + SEGMENT_BYTES >= text.length;
      this.send(false, last ? ['PSH', 'ACK'] : ['ACK'], text.slice(at, at + SEGMENT_BYTES));
      this.send(true, ['ACK']);
    }
    return this;
  }

  /** FIN from `first`, FIN back from the other side, the last ACK from `first`. */
  close(first: 'client' | 'server'): this {
    const client = first === 'client';
    this.send(client, ['FIN', 'ACK']);
    this.send(!client, ['FIN', 'ACK']);
    return this.send(client, ['ACK']);
  }

  private send(fromClient: boolean, flags: TcpFlag[], text = ''): this {
    if (!this.alive) return this;
    const { conn } = this;
    const seg: TcpSegment = {
      fromClient,
      seq: 1 + (fromClient ? this.clientSent : this.serverSent),
      ack: 1 + (fromClient ? this.serverSent : this.clientSent),
      ...(text ? { text } : {}),
    };
    const syn = conn.arrival.pkt;
    const pkt: Packet = fromClient
      ? { src: '', dst: conn.remoteIp, proto: 'tcp', ttl: conn.client.defaultTtl, sport: conn.clientPort, dport: conn.remotePort, tcpFlags: flags, length: text.length, data: { tcpSeg: seg } }
      : { src: syn.dst, dst: syn.src, proto: 'tcp', ttl: conn.server.defaultTtl, sport: syn.dport, dport: syn.sport, tcpFlags: flags, length: text.length, data: { tcpSeg: seg } };
    // A FIN takes one sequence number, as a byte of data would.
    const used = text.length + (flags.includes('FIN') ? 1 : 0);
    if (fromClient) this.clientSent += used;
    else this.serverSent += used;
    const out = sendFromHost(this.ctx.state.net, this.ctx.journey(), fromClient ? conn.client : conn.server, pkt);
    if (!out.arrived) this.alive = false;
    return this;
  }
}

/** Starts the conversation on a connection that has just been set up. */
export function converse(ctx: LabCtx, conn: Connected): TcpConversation {
  return new TcpConversation(ctx, conn).established();
}
