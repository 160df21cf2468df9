/**
 * `iperf3 -u [-b RATE]`: a UDP test. The control connection is TCP (the
 * handshake the client made); the data are datagrams of 1448 bytes sent at
 * the target rate (-b, 1 Mbit/s by default; iperf3's pacing overshoots a
 * little, so 1M shows as ~1.05 Mbits/sec), capped by what the path carries.
 * One datagram really travels the model the way the data flows: if it does
 * not arrive (a firewall dropping UDP, a frame too big for a link), nothing
 * does — the receiver counts 0/0, and the sender's summary still shows what
 * it sent. Datagrams beyond the path's capacity are lost, and counted so.
 * The sender prints datagrams per second; the receiver jitter and
 * lost/total (iperf_locale.c's UDP formats).
 */
import type { CommandContext } from '../types';
import type { LabCtx } from '../../world/ctx';
import type { ServerSink } from './iperf-servers';
import type { TestRun } from './iperf-report';
import { endOfTest } from './iperf-report';
import type { PathKind } from './iperf-path';
import { pathRateBps } from './iperf-path';
import {
  IPERF3_SEPARATOR, IPERF3_UDP_HEADER, IPERF3_UDP_SENDER_HEADER, iperf3UdpLine, iperf3UdpSenderLine,
} from '../netfmt/iperf';

export const UDP_DATAGRAM = 1448;

export interface UdpSecond {
  from: number;
  to: number;
  sent: number;
  received: number;
  jitterMs: number;
}

/** Typical receive jitter by path, in ms. */
const JITTER: Record<PathKind, number> = { loopback: 0.004, local: 0.01, lan: 0.05, overlay: 0.07, 'overlay-encrypted': 0.12, internet: 0.9 };

/**
 * One iperf3 thread sending 1448-byte datagrams is CPU-bound well below a
 * veth's TCP rate (no segmentation offload for UDP): a few Gbit/s on the
 * lab's 2-vCPU hosts. NOT FOUND as a measured figure; the usual order.
 */
const UDP_SEND_LIMIT_BPS = 3.2e9;

export function planUdp(lab: LabCtx, kind: PathKind, seconds: number, rateBps: number, delivered: boolean): UdpSecond[] {
  const capacity = Math.floor(pathRateBps(kind) / 8 / UDP_DATAGRAM);
  const target = Math.min(rateBps, UDP_SEND_LIMIT_BPS * (1 + (lab.rng.float() - 0.5) * 0.06));
  const out: UdpSecond[] = [];
  for (let i = 0; i < seconds; i++) {
    const sent = Math.ceil(target / 8 / UDP_DATAGRAM) + lab.rng.int(0, 4);
    const received = delivered ? Math.min(sent, capacity) : 0;
    const jitterMs = delivered ? JITTER[kind] * (0.6 + lab.rng.float() * 0.8) : 0;
    out.push({ from: i, to: i + 1, sent, received, jitterMs });
  }
  return out;
}

function totals(s: UdpSecond[]): { sent: number; received: number; jitter: number } {
  return { sent: s.reduce((n, x) => n + x.sent, 0), received: s.reduce((n, x) => n + x.received, 0), jitter: s.length ? s[s.length - 1].jitterMs : 0 };
}

function summary(done: UdpSecond[], tail: number, reverse: boolean, delivered: boolean): { client: string; server: string } {
  const t = totals(done);
  const seconds = done.length;
  const sendEnd = reverse ? seconds + tail : seconds;
  const recvEnd = reverse ? seconds : seconds + tail;
  // The receiver counts losses from the sequence numbers it saw: with none arrived, 0/0.
  const total = delivered ? t.sent : 0;
  const sender = iperf3UdpLine(5, 0, sendEnd, t.sent * UDP_DATAGRAM, 0, 0, t.sent, 'sender');
  const receiver = iperf3UdpLine(5, 0, recvEnd, t.received * UDP_DATAGRAM, t.jitter, total - t.received, total, 'receiver');
  const client = IPERF3_SEPARATOR + IPERF3_UDP_HEADER + sender + receiver + '\niperf Done.\n';
  const server = IPERF3_SEPARATOR + IPERF3_UDP_HEADER + (reverse ? sender : receiver);
  return { client, server };
}

function secondLines(s: UdpSecond, delivered: boolean): { sending: string; receiving: string } {
  const sending = iperf3UdpSenderLine(5, s.from, s.to, s.sent * UDP_DATAGRAM, s.sent);
  const total = delivered ? s.sent : 0;
  const receiving = iperf3UdpLine(5, s.from, s.to, s.received * UDP_DATAGRAM, s.jitterMs, total - s.received, total, '');
  return { sending, receiving };
}

export async function runIperf3Udp(ctx: CommandContext, run: TestRun, plan: UdpSecond[], delivered: boolean, sink: ServerSink): Promise<number> {
  ctx.stdout(`Connecting to host ${run.host}, port ${run.port}\n`);
  if (run.reverse) ctx.stdout(`Reverse mode, remote host ${run.host} is sending\n`);
  ctx.stdout(`[  5] local ${run.local} port ${run.dataPort} connected to ${run.remote} port ${run.port}\n`);
  sink.write(`Accepted connection from ${run.peerSeenByServer}, port ${run.controlPort}\n`);
  sink.write(`[  5] local ${run.server} port ${run.port} connected to ${run.peerSeenByServer} port ${run.dataPort}\n`);
  ctx.stdout(run.reverse ? IPERF3_UDP_HEADER : IPERF3_UDP_SENDER_HEADER);
  sink.write(run.reverse ? IPERF3_UDP_SENDER_HEADER : IPERF3_UDP_HEADER);
  const done: UdpSecond[] = [];
  for (const s of plan) {
    if (!(await ctx.sleep(1000))) break;
    const lines = secondLines(s, delivered);
    ctx.stdout(run.reverse ? lines.receiving : lines.sending);
    sink.write(run.reverse ? lines.sending : lines.receiving);
    done.push(s);
  }
  const interrupted = done.length < plan.length;
  return endOfTest(ctx, sink, interrupted, done.length ? summary(done, interrupted ? 0 : run.tail, run.reverse, delivered) : undefined);
}

/** `-b 10M`, `-b 500K`, `-b 1G`, plain bits per second; undefined when unreadable. */
export function parseRate(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)([KMGkmg]?)$/.exec(text);
  if (!m) return undefined;
  const mult = { '': 1, k: 1e3, m: 1e6, g: 1e9 }[m[2].toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Number(m[1]) * mult;
}
