/**
 * `arp` (the IPv4 neighbour table from /proc/net/arp).
 *
 * BusyBox `networking/arp.c` arp_disp() prints the BSD style for `arp`,
 * `arp -a` and `arp -n` alike: "%s (%s) at " then "%s [%s] " (MAC, hw type)
 * or "<incomplete> ", "PERM " for permanent entries, then " on %s" — so two
 * spaces before "on". The name is `?` unless a reverse lookup (no -n) finds one.
 * net-tools `arp -a`: the same but a single space ("[ether] on eth0");
 * net-tools `arp` / `arp -n`: the Linux table,
 *   "Address                  HWtype  HWaddress           Flags Mask            Iface"
 *   rows "%-23.23s  " + "%-8.8s%-20.20s" + "%-6.6s%-15.15s %s"; flags C
 *   (complete), M (permanent).
 * Checked against BusyBox 1.35 and net-tools 2.10:
 *   `? (172.17.0.3) at 02:42:ac:11:00:03 [ether]  on eth0`
 *   `172.17.0.9                       (incomplete)                              eth0`
 */
import { ljustCut } from './text';
import type { NeighView, NetToolsFlavor } from './types';

export interface ArpEntryView extends NeighView {
  /** Reverse name, when resolved (arp without -n). */
  name?: string;
}

function complete(n: NeighView): boolean {
  return n.mac !== undefined && n.state !== 'FAILED' && n.state !== 'INCOMPLETE';
}

function bsdLine(n: ArpEntryView, flavor: NetToolsFlavor): string {
  let s = `${n.name ?? '?'} (${n.ip}) at `;
  s += complete(n) ? `${n.mac} [ether] ` : '<incomplete> ';
  if (n.state === 'PERMANENT') s += 'PERM ';
  return s + (flavor === 'busybox' ? ` on ${n.dev}\n` : `on ${n.dev}\n`);
}

/** `arp -a` (both flavours) and BusyBox's `arp` / `arp -n`. Only IPv4 entries appear. */
export function arpBsd(entries: readonly ArpEntryView[], flavor: NetToolsFlavor): string {
  return entries
    .filter((n) => !n.ip.includes(':'))
    .map((n) => bsdLine(n, flavor))
    .join('');
}

/** net-tools `arp` / `arp -n`: the table. */
export function arpTable(entries: readonly ArpEntryView[]): string {
  const v4 = entries.filter((e) => !e.ip.includes(':'));
  // net-tools prints the header with the first entry: an empty table prints nothing.
  if (v4.length === 0) return '';
  let s = 'Address                  HWtype  HWaddress           Flags Mask            Iface\n';
  for (const n of v4) {
    s += `${ljustCut(n.ip, 23, 23)}  `;
    s += complete(n) ? `${ljustCut('ether', 8, 8)}${ljustCut(n.mac ?? '', 20, 20)}` : `${ljustCut('', 8, 8)}${ljustCut('(incomplete)', 20, 20)}`;
    const flags = (complete(n) ? 'C' : '') + (n.state === 'PERMANENT' ? 'M' : '');
    s += `${ljustCut(flags, 6, 6)}${ljustCut('', 15, 15)} ${n.dev}\n`;
  }
  return s;
}

/** `arp` / `arp -n` in the flavour's default style. */
export function arpList(entries: readonly ArpEntryView[], flavor: NetToolsFlavor): string {
  return flavor === 'busybox' ? arpBsd(entries, flavor) : arpTable(entries);
}
