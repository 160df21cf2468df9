/**
 * `ip -s link` / `ip -s addr`: the RX/TX counters of a link, iproute2 5.9+
 * (`ip/ipaddress.c` __print_link_stats): columns start at the width of
 * their header ("*X errors:" 10, "packets" 7, "errors" 6, "dropped" 7,
 * "heartbt" 7, "overrun" 7, "compressed" 10) and grow to the widest number
 * of RX and TX together; each number is right-aligned and followed by a
 * space; the header's empty "compressed" column leaves trailing blanks.
 *   `    RX:  bytes packets errors dropped  missed   mcast           `
 *   `          1086      13      0       0       0       0 `
 * Errors, drops and multicast are not modelled: 0. `-s -s` (the error
 * detail lines) is not reproduced. JSON: "stats64" {rx, tx} (print_stats64).
 */
import type { JsonValue, LinkStats } from './types';

const HEADER_WIDTHS = ['*X errors:', 'packets', 'errors', 'dropped', 'heartbt', 'overrun', 'compressed'].map((h) => h.length);

function widths(rx: number[], tx: number[]): number[] {
  return HEADER_WIDTHS.map((w, i) => Math.max(w, String(rx[i] ?? 0).length, String(tx[i] ?? 0).length));
}

function numbers(values: number[], cols: number[]): string {
  return '    ' + values.map((v, i) => String(v).padStart(cols[i]) + ' ').join('');
}

/** The four lines, each with its newline. */
export function linkStatsText(s: LinkStats): string {
  const rx = [s.rxBytes, s.rxPackets, 0, 0, 0, 0];
  const tx = [s.txBytes, s.txPackets, 0, 0, 0, 0];
  const c = widths(rx, tx);
  const head = (dir: string, names: string[]) =>
    `    ${dir}: ${'bytes'.padStart(c[0] - 4)} ${names.map((n, i) => n.padStart(c[i + 1])).join(' ')} ${''.padStart(c[6])}\n`;
  return (
    head('RX', ['packets', 'errors', 'dropped', 'missed', 'mcast']) + numbers(rx, c) + '\n' +
    head('TX', ['packets', 'errors', 'dropped', 'carrier', 'collsns']) + numbers(tx, c) + '\n'
  );
}

/** `"stats64": {"rx": {…}, "tx": {…}}` members, in iproute2's order. */
export function linkStatsJson(s: LinkStats): JsonValue {
  return {
    rx: { bytes: s.rxBytes, packets: s.rxPackets, errors: 0, dropped: 0, over_errors: 0, multicast: 0 },
    tx: { bytes: s.txBytes, packets: s.txPackets, errors: 0, dropped: 0, carrier_errors: 0, collisions: 0 },
  };
}
