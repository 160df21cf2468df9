/**
 * The link types, one constructor each (mininet's "one link type per file"
 * kept compact): veth pairs, Linux bridges and physical NICs on a segment.
 */
import type { DeviceState, NetState, NsState, SegmentState } from './state';
import { addDevice } from './netns';
import { entriesWhere, peek } from '../core/raw-view';

/** `ip link add A type veth peer name B`: both ends start in `ns`, consecutive ifindexes. */
export function createVethPair(net: NetState, ns: NsState, nameA: string, macA: string, nameB: string, macB: string, mtu = 1500): [DeviceState, DeviceState] {
  const a = addDevice(net, ns, { name: nameA, kind: 'veth', mac: macA, mtu });
  const b = addDevice(net, ns, { name: nameB, kind: 'veth', mac: macB, mtu });
  a.peer = b.id;
  b.peer = a.id;
  return [a, b];
}

export function createBridge(net: NetState, ns: NsState, name: string, mac: string, mtu = 1500): DeviceState {
  const br = addDevice(net, ns, { name, kind: 'bridge', mac, mtu });
  br.fdb = {};
  return br;
}

/** `ip link set dev master br`. */
export function attachToBridge(port: DeviceState, bridge: DeviceState): void {
  port.master = bridge.id;
}

export function createSegment(net: NetState, name: string, latencyMs = 0): SegmentState {
  const seg: SegmentState = { id: `s${net.nextId++}`, name, ports: [], latencyMs };
  net.segments[seg.id] = seg;
  return seg;
}

/** A physical NIC plugged into a segment (a switch port). */
export function plugNic(net: NetState, ns: NsState, seg: SegmentState, name: string, mac: string): DeviceState {
  const nic = addDevice(net, ns, { name, kind: 'ether', mac });
  nic.segment = seg.id;
  seg.ports.push(nic.id);
  nic.up = true;
  return nic;
}

/** Bridge ports, sorted by ifindex (as brctl lists them). The scan reads the raw devices (no proxy per device). */
export function bridgePorts(net: NetState, bridge: DeviceState): DeviceState[] {
  return entriesWhere(net.devices, (d) => d.master === bridge.id).sort((a, b) => a.ifindex - b.ifindex);
}

/**
 * A bridge has carrier when at least one port is up (else `NO-CARRIER ... state DOWN`).
 * Only reads, so the raw devices suffice. (A listing asks this of every bridge: commands/net/view-lookups.ts.)
 */
export function bridgeHasCarrier(net: NetState, bridge: DeviceState): boolean {
  const devices = peek(net.devices);
  for (const id in devices) if (devices[id].master === bridge.id && devices[id].up) return true;
  return false;
}

/**
 * A dummy device (`ip link add X type dummy`): NOARP, always has carrier, and
 * drops what it is given. Docker makes one (`dm-<12 hex>`, `di-…` for ipvlan)
 * as the parent of a macvlan/ipvlan network created without `-o parent`.
 */
export function createDummy(net: NetState, ns: NsState, name: string, mac: string): DeviceState {
  return addDevice(net, ns, { name, kind: 'dummy', mac });
}
