/**
 * `iftop -t` (iftop 1.0pre4, text mode, tui.c): per host pair, what this
 * side sent (`=>`) and received (`<=`) as averages over the last 2, 10 and
 * 40 seconds, and the cumulative bytes, then the totals, peaks and
 * cumulative sums; 92 columns wide:
 *
 *      # Host name (port/service if enabled)            last 2s   last 10s   last 40s cumulative
 *   --------------------------------------------------------------------------------------------
 *      1 172.18.0.2                               =>     1.17Kb     1.17Kb     1.17Kb       300B
 *        172.18.0.3                               <=     1.17Kb     1.17Kb     1.17Kb       300B
 *
 * Rates are in bits with iftop's readable_size() (1024 per step: `%4.0f`
 * below 1000, then `%4.2f` under 10 and `%4.1f` under 100 of the next unit);
 * the cumulative column is in bytes the same way.
 */

export interface IftopPair {
  local: string;
  remote: string;
  /** Bits per second sent and received over the last 2, 10 and 40 s. */
  sent: [number, number, number];
  received: [number, number, number];
  sentBytes: number;
  receivedBytes: number;
}

export interface IftopTotals {
  sent: [number, number, number];
  received: [number, number, number];
  peakSent: number;
  peakReceived: number;
  peakTotal: number;
  sentBytes: number;
  receivedBytes: number;
}

const BITS = ['b', 'Kb', 'Mb', 'Gb'];
const BYTES = ['B', 'KB', 'MB', 'GB'];

/** readable_size(n, buf, 10, 1024, unit): `%4.0f`, `%4.2f` or `%4.1f` with the unit, no leading space here. */
export function readableSize(n: number, units: readonly string[] = BITS): string {
  let size = 1;
  for (let i = 0; ; ) {
    if (n < size * 1000 || i >= units.length - 1) return `${(n / size).toFixed(0).padStart(4)}${units[i]}`;
    i++;
    size *= 1024;
    if (n < size * 10) return `${(n / size).toFixed(2).padStart(4)}${units[i]}`;
    if (n < size * 100) return `${(n / size).toFixed(1).padStart(4)}${units[i]}`;
  }
}

const RULE = '-'.repeat(92);

function cols(values: string[]): string {
  return values.map((v) => ` ${v.padStart(10)}`).join('');
}

export function iftopText(pairs: readonly IftopPair[], t: IftopTotals): string {
  const lines = [`   # ${'Host name (port/service if enabled)'.padEnd(43)}${cols(['last 2s', 'last 10s', 'last 40s', 'cumulative'])}`, RULE];
  pairs.forEach((p, i) => {
    lines.push(`${String(i + 1).padStart(4)} ${p.local.padEnd(41)}=>${cols([...p.sent.map((r) => readableSize(r)), readableSize(p.sentBytes, BYTES)])}`);
    lines.push(`     ${p.remote.padEnd(41)}<=${cols([...p.received.map((r) => readableSize(r)), readableSize(p.receivedBytes, BYTES)])}`);
  });
  const total = t.sent.map((s, i) => s + t.received[i]);
  lines.push(
    RULE,
    `${'Total send rate:'.padEnd(48)}${cols(t.sent.map((r) => readableSize(r)))}`,
    `${'Total receive rate:'.padEnd(48)}${cols(t.received.map((r) => readableSize(r)))}`,
    `${'Total send and receive rate:'.padEnd(48)}${cols(total.map((r) => readableSize(r)))}`,
    RULE,
    `${'Peak rate (sent/received/total):'.padEnd(48)}${cols([t.peakSent, t.peakReceived, t.peakTotal].map((r) => readableSize(r)))}`,
    `${'Cumulative (sent/received/total):'.padEnd(48)}${cols([t.sentBytes, t.receivedBytes, t.sentBytes + t.receivedBytes].map((b) => readableSize(b, BYTES)))}`,
    '='.repeat(92),
  );
  return lines.join('\n') + '\n';
}
