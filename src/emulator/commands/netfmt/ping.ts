/**
 * `ping`: BusyBox's applet (alpine) and iputils (debian's iputils-ping).
 * Header, reply lines, ICMP error lines, the statistics block and the name
 * resolution errors. `-q` just leaves out the reply and error lines.
 *
 * BusyBox `networking/ping.c`:
 *   "PING %s (%s): %d data bytes\n"
 *   "%d bytes from %s: seq=%u ttl=%d" " time=%u.%03u ms" [" (DUP!)"]
 *   "\n--- %s ping statistics ---\n" "%lu packets transmitted, "
 *   "%lu packets received, " ["%lu duplicates, "] "%lu%% packet loss\n"
 *   "round-trip min/avg/max = %u.%03u/%u.%03u/%u.%03u ms\n" (only if any reply)
 *   Sequence numbers start at 0. ICMP errors (host unreachable) are dropped
 *   silently: their ICMP id is not ours. A bad name: "ping: bad address 'x'",
 *   exit status 1.
 * iputils `ping/ping_common.c` / `ping/ping.c`:
 *   "PING %s (%s) %d(%d) bytes of data.\n"
 *   "%d bytes from %s:" " icmp_seq=%u" " ttl=%d" " time=%s ms"
 *   time precision: ≥100 ms integer, ≥10 ms one decimal, ≥1 ms two, else three.
 *   "From %s icmp_seq=%u Destination Host Unreachable"
 *   "%ld packets transmitted, %ld received" [", +%ld duplicates"]
 *   [", +%ld errors"] ", %g%% packet loss" ", time %llums"
 *   "rtt min/avg/max/mdev = %ld.%03ld/%lu.%03ld/%ld.%03ld/%ld.%03ld ms"
 *   then [", "]"pipe %d" when more than one probe was outstanding, then a
 *   newline — so a run with no reply and no pipe ends with an empty line.
 *   Name errors: "ping: %s: %s" with gai_strerror, exit status 2.
 * All of the above checked against BusyBox 1.35 and iputils 20221126.
 */
import { cG, msFromMicros } from './text';
import type { PingFlavor } from './types';

/** The first sequence number printed (BusyBox counts from 0, iputils from 1). */
export function pingFirstSeq(flavor: PingFlavor): number {
  return flavor === 'busybox' ? 0 : 1;
}

/** `PING web (172.18.0.2): 56 data bytes` / `PING web (172.18.0.2) 56(84) bytes of data.` */
export function pingHeader(flavor: PingFlavor, host: string, ip: string, size = 56): string {
  if (flavor === 'busybox') return `PING ${host} (${ip}): ${size} data bytes\n`;
  return `PING ${host} (${ip}) ${size}(${size + 28}) bytes of data.\n`;
}

/** iputils' reply time: integer from 100 ms, one decimal from 10 ms, two from 1 ms, else three. */
export function iputilsTime(timeMs: number): string {
  const t = Math.max(0, Math.round(timeMs * 1000));
  if (t >= 100000 - 50) return String(Math.floor((t + 500) / 1000));
  if (t >= 10000 - 5) return `${Math.floor((t + 50) / 1000)}.${Math.floor(((t + 50) % 1000) / 100)}`;
  if (t >= 1000) return `${Math.floor((t + 5) / 1000)}.${String(Math.floor(((t + 5) % 1000) / 10)).padStart(2, '0')}`;
  return `${Math.floor(t / 1000)}.${String(t % 1000).padStart(3, '0')}`;
}

export interface PingReplyView {
  /** ICMP bytes received; defaults to 64 (56 data + 8 header). */
  bytes?: number;
  /**
   * iputils only, when the target was given as a name: the reverse name of
   * the source (`web.mynet` on a user-defined network), or the IP itself when
   * there is none — iputils then prints `172.18.0.2 (172.18.0.2)`.
   */
  fromName?: string;
  fromIp: string;
  seq: number;
  ttl: number;
  /** Round trip; absent when the payload is too small to carry a timestamp. */
  timeMs?: number;
  dup?: boolean;
}

function source(flavor: PingFlavor, r: { fromName?: string; fromIp: string }): string {
  return flavor === 'iputils' && r.fromName !== undefined ? `${r.fromName} (${r.fromIp})` : r.fromIp;
}

export function pingReply(flavor: PingFlavor, r: PingReplyView): string {
  const bytes = r.bytes ?? 64;
  let s: string;
  if (flavor === 'busybox') {
    s = `${bytes} bytes from ${r.fromIp}: seq=${r.seq} ttl=${r.ttl}`;
    if (r.timeMs !== undefined) s += ` time=${msFromMicros(r.timeMs * 1000)} ms`;
  } else {
    s = `${bytes} bytes from ${source(flavor, r)}: icmp_seq=${r.seq} ttl=${r.ttl}`;
    if (r.timeMs !== undefined) s += ` time=${iputilsTime(r.timeMs)} ms`;
  }
  return s + (r.dup ? ' (DUP!)' : '') + '\n';
}

export type PingErrorKind = 'host-unreachable' | 'net-unreachable' | 'port-unreachable' | 'ttl-exceeded';

const ERROR_TEXT: Record<PingErrorKind, string> = {
  'host-unreachable': 'Destination Host Unreachable',
  'net-unreachable': 'Destination Net Unreachable',
  'port-unreachable': 'Destination Port Unreachable',
  'ttl-exceeded': 'Time to live exceeded',
};

/**
 * An ICMP error for one probe. iputils: `From 172.18.0.3 icmp_seq=1
 * Destination Host Unreachable` (when ARP fails the kernel reports it from
 * the sender's own address). BusyBox prints nothing: returns ''.
 */
export function pingError(
  flavor: PingFlavor,
  e: { fromName?: string; fromIp: string; seq: number; kind: PingErrorKind },
): string {
  if (flavor === 'busybox') return '';
  return `From ${source(flavor, e)} icmp_seq=${e.seq} ${ERROR_TEXT[e.kind]}\n`;
}

/** A name that does not resolve: text for stderr and the exit status. */
export function pingResolveError(
  flavor: PingFlavor,
  host: string,
  cause: 'not-found' | 'temporary' = 'not-found',
): { stderr: string; status: number } {
  if (flavor === 'busybox') return { stderr: `ping: bad address '${host}'\n`, status: 1 };
  const why = cause === 'temporary' ? 'Temporary failure in name resolution' : 'Name or service not known';
  return { stderr: `ping: ${host}: ${why}\n`, status: 2 };
}

export interface PingSummaryView {
  /** The host as typed (the statistics title repeats it). */
  host: string;
  transmitted: number;
  /** Round trips of the replies received, in milliseconds (one per reply, duplicates included). */
  rttsMs: readonly number[];
  /** Distinct replies; defaults to rttsMs.length minus duplicates. */
  received?: number;
  duplicates?: number;
  /** iputils: ICMP errors received (`+3 errors`). */
  errors?: number;
  /** iputils: run time for `time Nms`. */
  elapsedMs?: number;
  /**
   * iputils: the most probes outstanding at once, printed as `pipe N` when
   * above 1. Defaults, when errors arrived and no reply did, to
   * min(transmitted, 4) — what a failed ARP resolution produces.
   */
  pipe?: number;
  /**
   * iputils: false when the payload is smaller than a timestamp (`-s` < 16):
   * no times, no rtt line.
   */
  timing?: boolean;
}

function micros(rtts: readonly number[]): number[] {
  return rtts.map((ms) => Math.max(0, Math.round(ms * 1000)));
}

function busyboxSummary(v: PingSummaryView): string {
  const dups = v.duplicates ?? 0;
  const received = v.received ?? v.rttsMs.length - dups;
  let s = `\n--- ${v.host} ping statistics ---\n`;
  s += `${v.transmitted} packets transmitted, ${received} packets received, `;
  if (dups) s += `${dups} duplicates, `;
  const loss = v.transmitted ? Math.floor(((v.transmitted - received) * 100) / v.transmitted) : 0;
  s += `${loss}% packet loss\n`;
  const us = micros(v.rttsMs);
  if (us.length) {
    const avg = Math.floor(us.reduce((a, b) => a + b, 0) / us.length);
    s += `round-trip min/avg/max = ${msFromMicros(Math.min(...us))}/${msFromMicros(avg)}/${msFromMicros(Math.max(...us))} ms\n`;
  }
  return s;
}

/** iputils' mean deviation: integer sqrt of the integer variance, all in µs. */
function iputilsMdev(us: readonly number[]): number {
  const total = us.length;
  const tsum = us.reduce((a, b) => a + b, 0);
  const tsum2 = us.reduce((a, b) => a + b * b, 0);
  const tmvar = Math.floor((tsum2 - Math.floor((tsum * tsum) / total)) / total);
  return Math.floor(Math.sqrt(Math.max(0, tmvar)));
}

function iputilsSummary(v: PingSummaryView): string {
  const dups = v.duplicates ?? 0;
  const errors = v.errors ?? 0;
  const received = v.received ?? v.rttsMs.length - dups;
  let s = `\n--- ${v.host} ping statistics ---\n`;
  s += `${v.transmitted} packets transmitted, ${received} received`;
  if (dups) s += `, +${dups} duplicates`;
  if (errors) s += `, +${errors} errors`;
  if (v.transmitted) {
    s += `, ${cG(((v.transmitted - received) * 100) / v.transmitted)}% packet loss`;
    s += `, time ${Math.round(v.elapsedMs ?? 0)}ms`;
  }
  s += '\n';
  const us = micros(v.rttsMs);
  let comma = '';
  if (received > 0 && us.length > 0 && v.timing !== false) {
    const avg = Math.floor(us.reduce((a, b) => a + b, 0) / us.length);
    s += `rtt min/avg/max/mdev = ${msFromMicros(Math.min(...us))}/${msFromMicros(avg)}/${msFromMicros(Math.max(...us))}/${msFromMicros(iputilsMdev(us))} ms`;
    comma = ', ';
  }
  const pipe = v.pipe ?? (errors > 0 && received === 0 ? Math.min(v.transmitted, 4) : 1);
  if (pipe > 1) s += `${comma}pipe ${pipe}`;
  return s + '\n';
}

/** The statistics block printed at the end (or on Ctrl-C), starting with its blank line. */
export function pingSummary(flavor: PingFlavor, v: PingSummaryView): string {
  return flavor === 'busybox' ? busyboxSummary(v) : iputilsSummary(v);
}

/** Exit status after the run: 0 when at least one reply arrived (both tools), else 1. */
export function pingStatus(received: number): number {
  return received > 0 ? 0 : 1;
}
