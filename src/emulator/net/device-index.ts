/**
 * Devices of a few kinds the packet path looks for on every frame — the
 * stacked ones (vlan, macvlan, ipvlan: is this frame for a device hung on
 * this NIC?) and the VXLAN tunnel endpoints (which VTEP takes this UDP 4789
 * datagram?) — without scanning the thousands of veths of a big lab.
 *
 * The list is derived, not state: it is rebuilt from the devices whenever a
 * device was added since (every device takes a new `net.nextId`), and each
 * use re-reads the devices it names, so one that was deleted simply drops
 * out. A kind never changes once a device exists. The one case the stamp
 * cannot see is a failed line's rollback putting a deleted device back;
 * the next device added anywhere corrects the list.
 */
import type { DeviceKind, DeviceState, NetState } from './state';
import { peek } from '../core/raw-view';

const INDEXED: readonly DeviceKind[] = ['vlan', 'macvlan', 'ipvlan', 'vxlan'];

interface DeviceIndex {
  stamp: number;
  ids: Partial<Record<DeviceKind, string[]>>;
}

const indexes = new WeakMap<object, DeviceIndex>();

function indexOf(net: NetState): DeviceIndex {
  const raw = peek(net.devices);
  const known = indexes.get(raw);
  if (known && known.stamp === net.nextId) return known;
  const index: DeviceIndex = { stamp: net.nextId, ids: {} };
  for (const id in raw) {
    const kind = raw[id].kind;
    if (INDEXED.includes(kind)) (index.ids[kind] ??= []).push(id);
  }
  indexes.set(raw, index);
  return index;
}

/** The live devices of the given kinds (only vlan, macvlan, ipvlan and vxlan are indexed), in creation order. */
export function devicesOfKind(net: NetState, kinds: readonly DeviceKind[]): DeviceState[] {
  const index = indexOf(net);
  const out: DeviceState[] = [];
  for (const kind of kinds) {
    for (const id of index.ids[kind] ?? []) {
      const dev = net.devices[id];
      if (dev) out.push(dev);
    }
  }
  return out;
}

/** The stacked device kinds: they hang on a lower device through `parent`. */
export const STACKED_KINDS: readonly DeviceKind[] = ['vlan', 'macvlan', 'ipvlan'];
