/**
 * Probing without side effects. An exercise check asks "can A reach B?" by
 * sending real packets, but must not change what the student sees: no ARP
 * entry learnt, no bridge FDB entry, no conntrack entry, no counter moved.
 * A probe carries an overlay: the first time a packet touches a namespace's
 * neighbour table, conntrack or netfilter counters (or a bridge's FDB), that
 * piece is copied into the overlay and changed there. The cost is the path's
 * length, not the lab's size.
 */
import type { JourneyCtx } from './journey';
import type { DeviceState, Neighbour, NsState } from './state';
import type { Frame } from './packet';
import { ipLength } from './mtu';
import type { ConntrackState } from '../netfilter/conntrack';
import type { NetfilterState } from '../netfilter/types';
import { peek } from '../core/raw-view';

export interface ProbeOverlay {
  neigh: Record<string, Record<string, Neighbour>>;
  fdb: Record<string, Record<string, string>>;
  conntrack: Record<string, ConntrackState>;
  nf: Record<string, NetfilterState>;
}

export function emptyOverlay(): ProbeOverlay {
  return { neigh: {}, fdb: {}, conntrack: {}, nf: {} };
}

export function neighOf(ctx: JourneyCtx, ns: NsState): Record<string, Neighbour> {
  if (!ctx.probe) return ns.neigh;
  return (ctx.probe.neigh[ns.id] ??= { ...ns.neigh });
}

export function fdbOf(ctx: JourneyCtx, br: DeviceState): Record<string, string> {
  br.fdb ??= {};
  if (!ctx.probe) return br.fdb;
  return (ctx.probe.fdb[br.id] ??= { ...br.fdb });
}

export function conntrackOf(ctx: JourneyCtx, ns: NsState): ConntrackState {
  if (!ctx.probe) return ns.conntrack;
  // The copy is read from the raw state: through the undo journal's proxies it costs several times more.
  return (ctx.probe.conntrack[ns.id] ??= JSON.parse(JSON.stringify(peek(ns.conntrack))) as ConntrackState);
}

export function netfilterOf(ctx: JourneyCtx, ns: NsState): NetfilterState {
  if (!ctx.probe) return ns.nf;
  return (ctx.probe.nf[ns.id] ??= JSON.parse(JSON.stringify(peek(ns.nf))) as NetfilterState);
}

/**
 * The device's counters for one frame. Bytes are what the kernel adds to
 * rx_bytes/tx_bytes: the Ethernet header (14) and the IP packet, or the 28
 * bytes of an ARP message; a fragmented packet counts its IP length once.
 */
export function countPacket(ctx: JourneyCtx, dev: DeviceState, direction: 'in' | 'out', frame?: Frame): void {
  if (ctx.probe) return;
  const bytes = frameBytes(frame);
  if (direction === 'in') {
    dev.rxPackets++;
    dev.rxBytes = (dev.rxBytes ?? 0) + bytes;
  } else {
    dev.txPackets++;
    dev.txBytes = (dev.txBytes ?? 0) + bytes;
  }
}

const ETH_HLEN = 14;
const ARP_LEN = 28;

function frameBytes(frame: Frame | undefined): number {
  if (!frame) return 0;
  return ETH_HLEN + (frame.vlan !== undefined ? 4 : 0) + (frame.packet ? ipLength(frame.packet) : ARP_LEN);
}
