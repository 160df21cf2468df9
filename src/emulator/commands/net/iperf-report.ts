/**
 * Running one planned test and printing both sides of it: the client's
 * lines on its terminal, the server's through its sink. iperf3 prints a
 * line a second on both sides, then the summaries ("sender" / "receiver";
 * the receiver's clock stops one path delay later), then "iperf Done." and
 * the server's banner for its next test. iperf 2 (README transcript, 2.0.x)
 * prints nothing until the end, then one line per side. Ctrl-C on the
 * client ends the test early with the summary so far, as iperf3's SIGINT
 * handler does.
 */
import type { CommandContext } from '../types';
import type { IperfSample } from '../netfmt/iperf';
import type { ServerSink } from './iperf-servers';
import {
  IPERF2_HEADER, IPERF3_CLIENT_HEADER, IPERF3_SEPARATOR, IPERF3_SERVER_HEADER, IPERF3_SUMMARY_HEADER,
  iperf2Connected, iperf2Line, iperf3ClientLine, iperf3ReceiverLine, iperf3SenderLine,
} from '../netfmt/iperf';

export interface TestRun {
  /** As typed after -c. */
  host: string;
  port: number;
  reverse: boolean;
  /** The client's own address, the address it connected to, and the server's own (after any DNAT). */
  local: string;
  remote: string;
  server: string;
  /** The client's address as the server sees it (after any SNAT). */
  peerSeenByServer: string;
  controlPort: number;
  dataPort: number;
  samples: IperfSample[];
  /** Seconds the receiver's interval outlasts the sender's. */
  tail: number;
}

const STREAM = 5;

function summary(samples: IperfSample[], tail: number, reverse: boolean): { client: string; server: string } {
  const seconds = samples.length;
  const bytes = samples.reduce((n, s) => n + s.bytes, 0);
  const received = samples.reduce((n, s) => n + (s.received ?? s.bytes), 0);
  const retr = samples.reduce((n, s) => n + s.retr, 0);
  const sendEnd = reverse ? seconds + tail : seconds;
  const recvEnd = reverse ? seconds : seconds + tail;
  const sender = iperf3SenderLine(STREAM, sendEnd, bytes, retr);
  const receiver = iperf3ReceiverLine(STREAM, 0, recvEnd, received, 'receiver');
  const client = IPERF3_SEPARATOR + IPERF3_SUMMARY_HEADER + sender + receiver + '\niperf Done.\n';
  const server = IPERF3_SEPARATOR + (reverse ? IPERF3_SUMMARY_HEADER + sender : IPERF3_SERVER_HEADER + receiver);
  return { client, server };
}

/** The line each side prints for one second: the sender's with Retr and Cwnd, the receiver's without. */
function secondLines(s: IperfSample, reverse: boolean): { client: string; server: string } {
  const sending = iperf3ClientLine(STREAM, s);
  const receiving = iperf3ReceiverLine(STREAM, s.from, s.to, s.received ?? s.bytes, '');
  return reverse ? { client: receiving, server: sending } : { client: sending, server: receiving };
}

export async function runIperf3(ctx: CommandContext, run: TestRun, sink: ServerSink): Promise<number> {
  ctx.stdout(`Connecting to host ${run.host}, port ${run.port}\n`);
  if (run.reverse) ctx.stdout(`Reverse mode, remote host ${run.host} is sending\n`);
  ctx.stdout(`[  ${STREAM}] local ${run.local} port ${run.dataPort} connected to ${run.remote} port ${run.port}\n`);
  sink.write(`Accepted connection from ${run.peerSeenByServer}, port ${run.controlPort}\n`);
  sink.write(`[  ${STREAM}] local ${run.server} port ${run.port} connected to ${run.peerSeenByServer} port ${run.dataPort}\n`);
  ctx.stdout(run.reverse ? IPERF3_SERVER_HEADER : IPERF3_CLIENT_HEADER);
  sink.write(run.reverse ? IPERF3_CLIENT_HEADER : IPERF3_SERVER_HEADER);
  const done: IperfSample[] = [];
  for (const s of run.samples) {
    if (!(await ctx.sleep(1000))) break;
    const lines = secondLines(s, run.reverse);
    ctx.stdout(lines.client);
    sink.write(lines.server);
    done.push(s);
  }
  const interrupted = done.length < run.samples.length;
  return endOfTest(ctx, sink, interrupted, done.length ? summary(done, interrupted ? 0 : run.tail, run.reverse) : undefined);
}

/**
 * How an iperf3 test ends on both sides: the summaries (without "iperf
 * Done." after Ctrl-C), the server's note when the client went away early,
 * and the client's interrupt message.
 */
export function endOfTest(ctx: CommandContext, sink: ServerSink, interrupted: boolean, end: { client: string; server: string } | undefined): number {
  if (end) {
    ctx.stdout(interrupted ? end.client.replace('\niperf Done.\n', '') : end.client);
    sink.write(end.server);
  }
  if (interrupted) sink.write('iperf3: the client has unexpectedly closed the connection\n');
  sink.testDone();
  if (!interrupted) return 0;
  ctx.stderr('iperf3: interrupt - the client has terminated\n');
  return 1;
}

export async function runIperf2(ctx: CommandContext, run: TestRun, sink: ServerSink): Promise<number> {
  ctx.stdout(iperf2Connected(3, run.local, run.dataPort, run.remote, run.port));
  sink.write(iperf2Connected(4, run.server, run.port, run.peerSeenByServer, run.dataPort));
  let seconds = 0;
  while (seconds < run.samples.length && (await ctx.sleep(1000))) seconds++;
  const bytes = run.samples.slice(0, seconds).reduce((n, s) => n + s.bytes, 0);
  const received = run.samples.slice(0, seconds).reduce((n, s) => n + (s.received ?? s.bytes), 0);
  if (!seconds) return 130;
  ctx.stdout(IPERF2_HEADER + iperf2Line(3, 0, seconds, bytes));
  sink.write(IPERF2_HEADER + iperf2Line(4, 0, seconds + run.tail, received));
  sink.testDone();
  return seconds < run.samples.length ? 130 : 0;
}
