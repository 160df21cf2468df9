/**
 * The client side of iperf3 and iperf 2: resolve, a real TCP handshake
 * (connectIp → net/transport tcpConnect), then the test: one report line a
 * second of virtual time (Ctrl-C stops it, as on a real client), the summary,
 * and the server's side of it written where the server's output goes
 * (iperf-servers.ts). A failed connect waits what the kernel would
 * (http-client failureDelayMs) and prints the tool's error with musl's
 * strerror() (netshoot is Alpine).
 */
import type { CommandContext } from '../types';
import type { NsState } from '../../net/state';
import type { LabCtx } from '../../world/ctx';
import { connectIp, failureDelayMs, processNs, type Attempt } from './http-client';
import { resolveName } from '../../kernel/resolver';
import { isLocalAddress } from '../../net/netns';
import { lookupRoute, sourceFor } from '../../net/routes';
import { strerror, type SocketErrno } from '../netfmt/errno';
import { isIperfSocket, serverSink, type IperfProgram, type ServerSink } from './iperf-servers';
import { blackHoleRun, pathKind, planRun, receiverTail, type PathKind } from './iperf-path';
import { tcpDownload, tcpUpload, udpDatagram } from '../../net/transport';
import { planUdp, runIperf3Udp, UDP_DATAGRAM } from './iperf-udp';
import { iperf2Banner, iperf3Listening } from '../netfmt/iperf';
import { runIperf2, runIperf3, type TestRun } from './iperf-report';
import { runIperf3Parallel } from './iperf-parallel';
import type { IperfSample } from '../netfmt/iperf';

export interface IperfOpts {
  program: IperfProgram;
  host?: string;
  port: number;
  seconds: number;
  reverse: boolean;
  /** iperf3 -P: parallel data streams. */
  parallel?: number;
  /** iperf3 -u, with -b's target rate in bits/s (1 Mbit/s by default). */
  udp?: boolean;
  bitrate?: number;
}

const ERRNO: Record<'refused' | 'no-route' | 'unreachable' | 'timeout', SocketErrno> = {
  refused: 'ECONNREFUSED', 'no-route': 'ENETUNREACH', unreachable: 'EHOSTUNREACH', timeout: 'ETIMEDOUT',
};
const IECONNECT = 'iperf3: error - unable to connect to server - server may have stopped running or use a different port, firewall issue, etc.';

/** The address this namespace sends from towards `dst`. */
function localAddress(lab: LabCtx, ns: NsState, dst: string): string {
  if (isLocalAddress(lab.state.net, ns, dst)) return dst.startsWith('127.') ? '127.0.0.1' : dst;
  const route = lookupRoute(lab.state.net, ns, dst);
  return (route && sourceFor(lab.state.net, route)) ?? '0.0.0.0';
}

export function serverBanner(program: IperfProgram, port: number, test: number): string {
  return program === 'iperf3' ? iperf3Listening(port, test) : iperf2Banner(`Server listening on TCP port ${port}`, '85.3');
}

async function failed(ctx: CommandContext, o: IperfOpts, at: Exclude<Attempt, { kind: 'connected' }>): Promise<number> {
  if (!(await ctx.sleep(failureDelayMs(at)))) return 130;
  const reason = at.kind === 'unresolved' ? (at.error === 'timeout' ? 'Try again' : 'Name does not resolve') : strerror(ERRNO[at.kind], 'musl');
  if (o.program === 'iperf3') ctx.stderr(`${IECONNECT}: ${reason}\n`);
  else if (at.kind === 'unresolved') ctx.stderr(`ERROR: failed to find an ip address for host '${o.host}'\n`);
  else ctx.stderr(`connect failed: ${reason}\n`);
  return 1;
}

/** The port answered, but not as the same iperf: what each client makes of it. */
async function wrongServer(ctx: CommandContext, o: IperfOpts, program: string, kind: string): Promise<number> {
  if (o.program === 'iperf') {
    ctx.stderr('write failed: Connection reset by peer\n');
    return 1;
  }
  if (program === 'iperf' || kind === 'sshd' || kind === 'redis' || kind === 'postgres') {
    ctx.stderr('iperf3: error - received an unknown control message (ensure other side is iperf3 and not iperf)\n');
    return 1;
  }
  // An HTTP server reads the 37-byte cookie as a request line and waits for the rest (nginx: client_header_timeout 60 s).
  if (kind === 'http' && (await ctx.sleep(60000))) {
    ctx.stderr('iperf3: error - control socket has closed unexpectedly\n');
    return 1;
  }
  if (kind !== 'http') while (await ctx.sleep(60000));
  ctx.stderr('iperf3: interrupt - the client has terminated\n');
  return 1;
}

function share(s: IperfSample, n: number): IperfSample {
  const part = (v: number) => Math.round(v / n);
  return { ...s, bytes: part(s.bytes), received: s.received === undefined ? undefined : part(s.received), cwndBytes: part(s.cwndBytes) };
}

type Connected = Extract<Attempt, { kind: 'connected' }>['conn'];

function sinkOf(lab: LabCtx, conn: Connected): ServerSink {
  return serverSink(lab, conn.server, conn.socket as Parameters<typeof serverSink>[2], serverBanner) ?? { write: () => {}, testDone: () => {} };
}

/** What both sides print about one test: addresses, ports, the planned seconds (planned after the data port, as the rng goes). */
function testRun(lab: LabCtx, ns: NsState, o: IperfOpts, conn: Connected, host: string, remote: string, plan: () => IperfSample[], kind: PathKind): TestRun {
  const dataPort = conn.clientPort + lab.rng.int(1, 12);
  return {
    host, port: o.port, reverse: o.reverse,
    local: localAddress(lab, ns, remote), remote, server: conn.serverIp, peerSeenByServer: conn.arrival.pkt.src,
    controlPort: conn.clientPort, dataPort, samples: plan(), tail: receiverTail(lab, kind),
  };
}

/** iperf3 -u: one datagram the way the data flow tells whether any arrive (iperf-udp.ts). */
function udpTest(ctx: CommandContext, o: IperfOpts, conn: Connected, kind: PathKind, host: string, remote: string): Promise<number> {
  const { lab, ns } = processNs(ctx);
  const sink = sinkOf(lab, conn);
  const run = testRun(lab, ns, o, conn, host, remote, () => [], kind);
  const probe = o.reverse
    ? udpDatagram(lab, conn.server, conn.arrival.pkt.src, o.port, run.dataPort, UDP_DATAGRAM)
    : udpDatagram(lab, ns, remote, run.dataPort, o.port, UDP_DATAGRAM);
  const delivered = !!probe.arrival;
  return runIperf3Udp(ctx, run, planUdp(lab, kind, o.seconds, o.bitrate ?? 1e6, delivered), delivered, sink);
}

export async function connectIperf(ctx: CommandContext, o: IperfOpts): Promise<number> {
  const { lab, ns } = processNs(ctx);
  const host = o.host ?? '';
  if (o.program === 'iperf') ctx.stdout(iperf2Banner(`Client connecting to ${host}, TCP port ${o.port}`, '85.0'));
  const r = resolveName(lab, ns, ctx.scope.fs, host);
  if (!r.ok) return failed(ctx, o, { kind: 'unresolved', error: r.error === 'timeout' ? 'timeout' : 'NXDOMAIN' });
  const at = connectIp(lab, ns, r.addresses[0], o.port);
  if (at.kind !== 'connected') return failed(ctx, o, at as Exclude<Attempt, { kind: 'connected' }>);
  const conn = at.conn;
  const socket = conn.socket;
  if (!isIperfSocket(socket) || socket.program !== o.program) return wrongServer(ctx, o, socket.program, socket.service.kind);
  const kind = pathKind(lab, ns, conn.server, conn.serverIp);
  if (o.program === 'iperf3' && o.udp) return udpTest(ctx, o, conn, kind, host, r.addresses[0]);
  // The handshake got through; do the data segments? One full-size segment the way the data flows tells.
  const data = o.reverse ? tcpDownload(lab, conn, 1 << 20) : tcpUpload(lab, conn, 1 << 20);
  const sink = sinkOf(lab, conn);
  const run = testRun(lab, ns, o, conn, host, r.addresses[0], () => (data.answer ? planRun(lab, kind, o.seconds) : blackHoleRun(lab, o.seconds)), kind);
  if (o.program === 'iperf3' && (o.parallel ?? 1) > 1) {
    // The path's rate is shared: each stream gets its own second-by-second figures at 1/N of it.
    const n = o.parallel!;
    const streams = Array.from({ length: n }, (_, k) => ({
      id: 5 + 2 * k, dataPort: run.dataPort + k,
      samples: (k === 0 ? run.samples : data.answer ? planRun(lab, kind, o.seconds) : blackHoleRun(lab, o.seconds)).map((s) => share(s, n)),
    }));
    return runIperf3Parallel(ctx, run, streams, sink);
  }
  return o.program === 'iperf3' ? runIperf3(ctx, run, sink) : runIperf2(ctx, run, sink);
}
