/**
 * 802.1Q VLAN sub-interfaces: `ip link add link eth0 name eth0.10 type vlan id 10`.
 * A VLAN device has its lower device's MAC and MTU. What it sends leaves
 * through the lower device carrying the tag; the lower device hands it only
 * frames tagged with its ID, untagged (stacked.ts, vlan_do_receive). The lab's
 * LAN switch ports are trunks, so tagged frames cross the switch and reach
 * every NIC, and a NIC without a sub-interface for that VLAN drops them.
 */
import type { Frame } from './packet';
import type { DeviceState, NetState, NsState } from './state';
import type { JourneyCtx, Outcome } from './journey';
import { addDevice } from './netns';
import { linkOut } from './stack';

/** IEEE 802.1Q: 12 bits, 0 and 4095 reserved. */
export const VLAN_ID_MIN = 1;
export const VLAN_ID_MAX = 4094;

/** Creates the sub-interface (down, as `ip link add` leaves it). */
export function createVlan(net: NetState, ns: NsState, lower: DeviceState, name: string, vlanId: number): DeviceState {
  const dev = addDevice(net, ns, { name, kind: 'vlan', mac: lower.mac, mtu: lower.mtu });
  dev.parent = lower.id;
  dev.vlanId = vlanId;
  return dev;
}

/** Sends through the lower device with the tag. */
export function vlanXmit(net: NetState, ctx: JourneyCtx, dev: DeviceState, frame: Frame): Outcome | undefined {
  const lower = dev.parent ? net.devices[dev.parent] : undefined;
  if (!lower) return undefined;
  return linkOut(net, ctx, lower, { ...frame, vlan: dev.vlanId });
}
