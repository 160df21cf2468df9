/**
 * What an iperf test measures: the path the handshake really took through
 * the model (net/transport tcpConnect), turned into a TCP goodput and the
 * per-second figures of a run. The rates are the usual orders of magnitude,
 * not a simulation of TCP:
 *  - the same namespace (lo):              ~46 Gbit/s (memory copies only)
 *  - two namespaces on one host (veth, a bridge, NAT): ~27 Gbit/s, as the
 *    netshoot README's same-host run shows (28.1 Gbits/sec)
 *  - across the 1 GbE LAN: 1000 Mbit/s × 1448/1538 (TCP payload per wire
 *    frame with timestamps) ≈ 941 Mbit/s
 *  - an overlay across the LAN: VXLAN's 50 bytes shrink the payload to
 *    1398/1538 ≈ 909 Mbit/s; an encrypted overlay (ESP, done by the CPU)
 *    roughly halves that
 *  - anything through the internet uplink (100 Mbit/s): ≈ 94 Mbit/s
 * Each second varies by about ±1.5 % (the lab's seeded rng).
 *
 * A path that loses full-size segments (an MTU black hole: a VXLAN frame
 * too big for a node's NIC) passes the handshake and nothing after it: the
 * sender fills its socket buffer in the first second, then only retransmits
 * one segment at each doubling RTO (0.2, 0.6, 1.4, 3, 6.2 s), its cwnd one
 * segment; the receiver gets nothing (blackHoleRun).
 */
import type { LabCtx } from '../../world/ctx';
import type { NsState } from '../../net/state';
import type { IperfSample } from '../netfmt/iperf';
import { inSubnet } from '../../net/ipv4';

export type PathKind = 'loopback' | 'local' | 'lan' | 'overlay' | 'overlay-encrypted' | 'internet';

const RATE_BPS: Record<PathKind, number> = {
  loopback: 46e9,
  local: 27e9,
  lan: 1e9 * (1448 / 1538),
  overlay: 1e9 * (1398 / 1538),
  'overlay-encrypted': 0.55e9 * (1398 / 1538),
  internet: 100e6 * (1448 / 1538),
};

/** Typical congestion windows once the transfer settles. */
const CWND: Record<PathKind, number> = {
  loopback: 3.5 * 1048576, local: 3.1 * 1048576, lan: 410 * 1024, overlay: 395 * 1024, 'overlay-encrypted': 280 * 1024, internet: 1.2 * 1048576,
};

function overlayOf(lab: LabCtx, ip: string): { encrypted: boolean } | undefined {
  for (const m of Object.values(lab.state.machines)) {
    for (const n of Object.values(m.docker?.networks ?? {})) {
      if (n.driver !== 'overlay' || n.ingress) continue;
      if ((n.ipam.config ?? []).some((c) => inSubnet(ip, c.subnet))) return { encrypted: 'encrypted' in n.options };
    }
  }
  return undefined;
}

export function pathKind(lab: LabCtx, client: NsState, server: NsState, serverIp: string): PathKind {
  if (client.id === server.id) return 'loopback';
  if (client.machine === server.machine) return 'local';
  const kinds = [client.machine, server.machine].map((m) => lab.state.machines[m]?.kind);
  if (kinds.includes('internet')) return 'internet';
  const overlay = overlayOf(lab, serverIp);
  if (overlay) return overlay.encrypted ? 'overlay-encrypted' : 'overlay';
  return 'lan';
}

/** Per-second samples of a `seconds`-long run over this kind of path. */
export function planRun(lab: LabCtx, kind: PathKind, seconds: number): IperfSample[] {
  const out: IperfSample[] = [];
  const cross = kind !== 'loopback' && kind !== 'local';
  for (let i = 0; i < seconds; i++) {
    const jitter = 1 + (lab.rng.float() - 0.5) * 0.03;
    // The first second includes slow start: a little less data, and on a real wire a few retransmissions.
    const ramp = i === 0 ? 0.97 : 1;
    const bytes = Math.round((RATE_BPS[kind] * jitter * ramp) / 8);
    const retr = cross && i === 0 ? lab.rng.int(0, 40) : cross && lab.rng.int(0, 9) === 0 ? lab.rng.int(1, 12) : 0;
    const cwnd = Math.round(CWND[kind] * (i === 0 && cross ? 0.8 : 1) * (1 + (lab.rng.float() - 0.5) * 0.04));
    out.push({ from: i, to: i + 1, bytes, retr, cwndBytes: cwnd });
  }
  return out;
}

/** How much later than the sender the receiver's clock stops (its last data arrives one path delay later). */
export function receiverTail(lab: LabCtx, kind: PathKind): number {
  return kind === 'loopback' || kind === 'local' ? 0 : lab.rng.int(1, 4) / 100;
}

/** Retransmission times of one lost segment: RTO 200 ms, doubling (tcp_retransmit_timer's backoff). */
const RTO_SECONDS = [0.2, 0.6, 1.4, 3.0, 6.2, 12.6, 25.4, 51.0];

/** A run over a path that drops every full-size segment: an initial burst, then retransmissions only. */
export function blackHoleRun(lab: LabCtx, seconds: number): IperfSample[] {
  const burst = 64 * 1024 + lab.rng.int(0, 40) * 1448; // the initial socket buffer (tcp_wmem 16 KB, autotuned a little)
  const out: IperfSample[] = [];
  for (let i = 0; i < seconds; i++) {
    const retr = RTO_SECONDS.filter((t) => t >= i && t < i + 1).length;
    out.push({ from: i, to: i + 1, bytes: i === 0 ? burst : 0, received: 0, retr, cwndBytes: 1448 });
  }
  return out;
}

/** The goodput a path carries, in bits per second (what -u datagrams beyond it lose). */
export function pathRateBps(kind: PathKind): number {
  return RATE_BPS[kind];
}
