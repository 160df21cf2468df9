/**
 * `iperf3 -c HOST -P N`: N data streams (IDs 5, 7, 9, ...: iperf3 counts its
 * sockets), each with its own line per second, then a `[SUM]` line and the
 * `- - -` separator; at the end each stream's sender and receiver lines and
 * the two `[SUM]` lines (iperf_locale.c report_sum_bw_retrans_format /
 * report_sum_bw_format). The path's rate is shared between the streams
 * (iperf-path.ts planRun per stream, scaled by 1/N). The server prints the
 * same blocks from its side. Ctrl-C ends the test early, as with one stream.
 */
import type { CommandContext } from '../types';
import type { IperfSample } from '../netfmt/iperf';
import type { ServerSink } from './iperf-servers';
import { endOfTest, type TestRun } from './iperf-report';
import {
  IPERF3_CLIENT_HEADER, IPERF3_SEPARATOR, IPERF3_SERVER_HEADER, IPERF3_SUMMARY_HEADER,
  iperf3ClientLine, iperf3ReceiverLine, iperf3RetrLine, iperf3SenderLine,
} from '../netfmt/iperf';

export interface Stream {
  id: number;
  dataPort: number;
  samples: IperfSample[];
}

const got = (s: IperfSample): number => s.received ?? s.bytes;

function sum(samples: IperfSample[], from: number, to: number): IperfSample {
  return {
    from, to, bytes: samples.reduce((n, s) => n + s.bytes, 0), received: samples.reduce((n, s) => n + got(s), 0),
    retr: samples.reduce((n, s) => n + s.retr, 0), cwndBytes: 0,
  };
}

/** One second of every stream: the sender's side (Retr, Cwnd) and the receiver's. */
function block(streams: Stream[], i: number): { sending: string; receiving: string } {
  const row = streams.map((st) => st.samples[i]);
  const { from, to } = row[0];
  const total = sum(row, from, to);
  const sending = row.map((s, k) => iperf3ClientLine(streams[k].id, s)).join('') + iperf3RetrLine('SUM', from, to, total.bytes, total.retr, '');
  const receiving = row.map((s, k) => iperf3ReceiverLine(streams[k].id, from, to, got(s), '')).join('') + iperf3ReceiverLine('SUM', from, to, got(total), '');
  return { sending, receiving };
}

function summary(streams: Stream[], seconds: number, tail: number, reverse: boolean): { client: string; server: string } {
  const sendEnd = reverse ? seconds + tail : seconds;
  const recvEnd = reverse ? seconds : seconds + tail;
  let both = '';
  let receiverOnly = '';
  const totals = streams.map((st) => sum(st.samples.slice(0, seconds), 0, seconds));
  streams.forEach((st, k) => {
    const t = totals[k];
    const receiver = iperf3ReceiverLine(st.id, 0, recvEnd, got(t), 'receiver');
    both += iperf3SenderLine(st.id, sendEnd, t.bytes, t.retr) + receiver;
    receiverOnly += receiver;
  });
  const all = sum(totals, 0, seconds);
  const sumSender = iperf3RetrLine('SUM', 0, sendEnd, all.bytes, all.retr, 'sender');
  const sumReceiver = iperf3ReceiverLine('SUM', 0, recvEnd, got(all), 'receiver');
  const client = IPERF3_SEPARATOR + IPERF3_SUMMARY_HEADER + both + sumSender + sumReceiver + '\niperf Done.\n';
  const senderOnly = streams.map((st, k) => iperf3SenderLine(st.id, sendEnd, totals[k].bytes, totals[k].retr)).join('') + sumSender;
  const server = IPERF3_SEPARATOR + (reverse ? IPERF3_SUMMARY_HEADER + senderOnly : IPERF3_SERVER_HEADER + receiverOnly + sumReceiver);
  return { client, server };
}

export async function runIperf3Parallel(ctx: CommandContext, run: TestRun, streams: Stream[], sink: ServerSink): Promise<number> {
  ctx.stdout(`Connecting to host ${run.host}, port ${run.port}\n`);
  if (run.reverse) ctx.stdout(`Reverse mode, remote host ${run.host} is sending\n`);
  for (const st of streams) ctx.stdout(`[${String(st.id).padStart(3, ' ')}] local ${run.local} port ${st.dataPort} connected to ${run.remote} port ${run.port}\n`);
  sink.write(`Accepted connection from ${run.peerSeenByServer}, port ${run.controlPort}\n`);
  for (const st of streams) sink.write(`[${String(st.id).padStart(3, ' ')}] local ${run.server} port ${run.port} connected to ${run.peerSeenByServer} port ${st.dataPort}\n`);
  ctx.stdout(run.reverse ? IPERF3_SERVER_HEADER : IPERF3_CLIENT_HEADER);
  sink.write(run.reverse ? IPERF3_CLIENT_HEADER : IPERF3_SERVER_HEADER);
  const seconds = streams[0].samples.length;
  let done = 0;
  for (; done < seconds; done++) {
    if (!(await ctx.sleep(1000))) break;
    const b = block(streams, done);
    const sep = done > 0 ? IPERF3_SEPARATOR : '';
    ctx.stdout(sep + (run.reverse ? b.receiving : b.sending));
    sink.write(sep + (run.reverse ? b.sending : b.receiving));
  }
  const interrupted = done < seconds;
  return endOfTest(ctx, sink, interrupted, done ? summary(streams, done, interrupted ? 0 : run.tail, run.reverse) : undefined);
}
