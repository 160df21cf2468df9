/**
 * iperf3 and iperf (2) report lines, from iperf3's iperf_locale.c format
 * strings and units.c unit_snprintf():
 *   interval (client):  "[%3d]%s %6.2f-%-6.2f sec  %ss  %ss/sec  %3u   %ss       %s\n"
 *   sender summary:     "[%3d]%s %6.2f-%-6.2f sec  %ss  %ss/sec  %3u             %s\n"
 *   receiver / server:  "[%3d]%s %6.2f-%-6.2f sec  %ss  %ss/sec                  %s\n"
 * unit_snprintf picks the unit adaptively (bytes by 1024, bits by 1000) and
 * prints "%4.2f" below 9.995, "%4.1f" below 99.95, else "%4.0f".
 * iperf 2 follows the netshoot README's transcript (iperf 2.0.x):
 *   "[%3d] %4.1f-%4.1f sec  %ss  %ss/sec".
 */

const BYTE_UNITS = ['Byte', 'KByte', 'MByte', 'GByte', 'TByte'];
const BIT_UNITS = ['bit', 'Kbit', 'Mbit', 'Gbit', 'Tbit'];

function fixed(n: number, digits: number, width: number): string {
  return n.toFixed(digits).padStart(width, ' ');
}

/** unit_snprintf with format 'A' (bytes) or 'a' (bits); the caller appends "s" or "s/sec". */
export function unitText(value: number, bits: boolean): string {
  const base = bits ? 1000 : 1024;
  const units = bits ? BIT_UNITS : BYTE_UNITS;
  let n = value;
  let u = 0;
  while (n >= base && u < units.length - 1) {
    n /= base;
    u++;
  }
  const digits = n < 9.995 ? 2 : n < 99.95 ? 1 : 0;
  return `${fixed(n, digits, 4)} ${units[u]}`;
}

function interval(from: number, to: number): string {
  return `${fixed(from, 2, 6)}-${to.toFixed(2).padEnd(6, ' ')}`;
}

/** A stream's ID column (`[  5]`), or the sum of parallel streams (`[SUM]`). */
export type StreamId = number | 'SUM';

const id = (n: StreamId): string => (n === 'SUM' ? '[SUM]' : `[${String(n).padStart(3, ' ')}]`);

export interface IperfSample {
  from: number;
  to: number;
  /** What the sender wrote. */
  bytes: number;
  /** What reached the receiver, when it is not all of it (a path that loses full-size segments). */
  received?: number;
  retr: number;
  cwndBytes: number;
}

export const IPERF3_SEPARATOR = '- - - - - - - - - - - - - - - - - - - - - - - - -\n';
export const IPERF3_DASHES = '-----------------------------------------------------------\n';
export const IPERF3_CLIENT_HEADER = '[ ID] Interval           Transfer     Bitrate         Retr  Cwnd\n';
export const IPERF3_SUMMARY_HEADER = '[ ID] Interval           Transfer     Bitrate         Retr\n';
export const IPERF3_SERVER_HEADER = '[ ID] Interval           Transfer     Bitrate\n';

function rate(bytes: number, seconds: number): string {
  return unitText(seconds > 0 ? (bytes * 8) / seconds : 0, true);
}

export function iperf3ClientLine(stream: number, s: IperfSample): string {
  const r = String(s.retr).padStart(3, ' ');
  return `${id(stream)} ${interval(s.from, s.to)} sec  ${unitText(s.bytes, false)}s  ${rate(s.bytes, s.to - s.from)}s/sec  ${r}   ${unitText(s.cwndBytes, false)}s       \n`;
}

/** A sender's line without Cwnd: the summary ("sender"), and a [SUM] interval line of parallel streams (tag ''). */
export function iperf3RetrLine(stream: StreamId, from: number, to: number, bytes: number, retr: number, tag: string): string {
  return `${id(stream)} ${interval(from, to)} sec  ${unitText(bytes, false)}s  ${rate(bytes, to - from)}s/sec  ${String(retr).padStart(3, ' ')}             ${tag}\n`;
}

export function iperf3SenderLine(stream: StreamId, seconds: number, bytes: number, retr: number): string {
  return iperf3RetrLine(stream, 0, seconds, bytes, retr, 'sender');
}

/** A receiver's line: the server's per-second lines (tag ''), and both sides' "receiver" summary. */
export function iperf3ReceiverLine(stream: StreamId, from: number, to: number, bytes: number, tag: string): string {
  return `${id(stream)} ${interval(from, to)} sec  ${unitText(bytes, false)}s  ${rate(bytes, to - from)}s/sec                  ${tag}\n`;
}

export function iperf3Listening(port: number, test: number): string {
  return `${IPERF3_DASHES}Server listening on ${port} (test #${test})\n${IPERF3_DASHES}`;
}

export const IPERF2_DASHES = '------------------------------------------------------------\n';

/** iperf 2's header block (server: "Server listening on TCP port N", client: "Client connecting to H, TCP port N"). */
export function iperf2Banner(first: string, windowKB: string): string {
  return `${IPERF2_DASHES}${first}\nTCP window size: ${windowKB} KByte (default)\n${IPERF2_DASHES}`;
}

export function iperf2Connected(stream: number, local: string, lport: number, peer: string, pport: number): string {
  return `${id(stream)} local ${local} port ${lport} connected with ${peer} port ${pport}\n`;
}

export const IPERF2_HEADER = '[ ID] Interval       Transfer     Bandwidth\n';

export function iperf2Line(stream: number, from: number, to: number, bytes: number): string {
  return `${id(stream)} ${fixed(from, 1, 4)}-${fixed(to, 1, 4)} sec  ${unitText(bytes, false)}s  ${rate(bytes, to - from)}s/sec\n`;
}

/** iperf3 -u (report_bw_udp_sender_header / report_bw_udp_header): the sender's interval lines count datagrams. */
export const IPERF3_UDP_SENDER_HEADER = '[ ID] Interval           Transfer     Bitrate         Total Datagrams\n';
export const IPERF3_UDP_HEADER = '[ ID] Interval           Transfer     Bitrate         Jitter    Lost/Total Datagrams\n';

/** report_bw_udp_sender_format: "[%3d]%s %6.2f-%-6.2f sec  %ss  %ss/sec  %d  %s\n". */
export function iperf3UdpSenderLine(stream: StreamId, from: number, to: number, bytes: number, datagrams: number): string {
  return `${id(stream)} ${interval(from, to)} sec  ${unitText(bytes, false)}s  ${rate(bytes, to - from)}s/sec  ${datagrams}  \n`;
}

/**
 * report_bw_udp_format: "... %5.3f ms  %d/%d (%.2g%%)  %s\n" — the loss is
 * printed with %.2g, so a total loss reads `(1e+02%)`, as iperf3 prints it.
 */
export function iperf3UdpLine(stream: StreamId, from: number, to: number, bytes: number, jitterMs: number, lost: number, total: number, tag: string): string {
  const pct = total ? (lost * 100) / total : 0;
  return `${id(stream)} ${interval(from, to)} sec  ${unitText(bytes, false)}s  ${rate(bytes, to - from)}s/sec  ${jitterMs.toFixed(3)} ms  ${lost}/${total} (${goG2(pct)}%)  ${tag}\n`;
}

/** C's %.2g for a percentage: 0, 0.5, 12, 1e+02. */
function goG2(n: number): string {
  if (n === 0) return '0';
  const rounded = Number(n.toPrecision(2));
  const exp = Math.floor(Math.log10(Math.abs(rounded)));
  if (exp < -4 || exp >= 2) return rounded.toExponential(1).replace(/\.0e/, 'e').replace(/e([+-])(\d)$/, 'e$10$2');
  return String(rounded);
}
