/**
 * Stacked devices: the upper devices Linux hangs on a lower one — 802.1Q VLAN
 * sub-interfaces (vlan.ts), macvlan (macvlan.ts) and ipvlan (ipvlan.ts) —
 * and the receive handler a lower device runs before its own IP stack sees a
 * frame (the kernel's rx_handler: vlan_do_receive, macvlan_handle_frame,
 * ipvlan_handle_frame). An upper device points at its lower one with
 * `parent`; the lower device keeps no list, so uppers are found by scanning.
 *
 * What a lower device does with an arriving frame, in the kernel's order:
 *   tagged         → the VLAN sub-interface with that ID, untagged; none → dropped
 *   broadcast      → its own stack first, then every macvlan and every l2 ipvlan on it
 *   unicast        → the macvlan with that MAC; or, when addressed to the lower
 *                    device's own MAC, the ipvlan that owns the destination IP;
 *                    anything else goes to the lower device's own stack.
 * Frames a lower device *sends* never pass through this handler — which is
 * why a host cannot talk to its own macvlan/ipvlan children through the parent.
 */
import { BROADCAST_MAC, type Frame } from './packet';
import type { DeviceState, NetState } from './state';
import type { JourneyCtx, Outcome } from './journey';
import { linkIn, receiveFrame } from './stack';
import { deleteDevice } from './netns';
import { devicesOfKind, STACKED_KINDS } from './device-index';
import { vlanXmit } from './vlan';
import { macvlanXmit } from './macvlan';
import { ipvlanOwner, ipvlanXmit } from './ipvlan';

/** The devices stacked directly on `lower`, in ifindex order (any namespace). */
export function uppersOf(net: NetState, lower: DeviceState): DeviceState[] {
  return devicesOfKind(net, STACKED_KINDS).filter((d) => d.parent === lower.id).sort((a, b) => a.ifindex - b.ifindex);
}

/** The bottom of a device's stack: the physical NIC (or dummy) everything leaves through. */
export function rootLower(net: NetState, dev: DeviceState): DeviceState {
  let d = dev;
  for (let i = 0; i < 8 && d.parent && net.devices[d.parent]; i++) d = net.devices[d.parent];
  return d;
}

/** Keeps the outcome that reached someone, as flooding does. */
export function better(a: Outcome | undefined, b: Outcome | undefined): Outcome | undefined {
  if (!a) return b;
  if (!b) return a;
  return a.arrived ? a : b;
}

/**
 * The NIC's unicast filter holds its own MAC and the MACs of the devices
 * stacked on it (the kernel programs macvlan MACs into the NIC's filter, or
 * turns on promiscuity when the filter is full — the "promiscuous mode" of
 * the docs). This gives the NICs that accept `mac` for a stacked device, for
 * every port of a switch at once (one look per frame, not one per port).
 */
export function stackedMacRoots(net: NetState, mac: string): Set<string> {
  const out = new Set<string>();
  for (const d of devicesOfKind(net, STACKED_KINDS)) {
    if (d.mac !== mac || !d.parent) continue;
    const root = rootLower(net, d);
    if (root.id !== d.id) out.add(root.id);
  }
  return out;
}

/** A stacked device transmits: the frame goes down its stack (or sideways to a sibling). */
export function stackedXmit(net: NetState, ctx: JourneyCtx, dev: DeviceState, frame: Frame): Outcome | undefined {
  switch (dev.kind) {
    case 'vlan':
      return vlanXmit(net, ctx, dev, frame);
    case 'macvlan':
      return macvlanXmit(net, ctx, dev, frame);
    case 'ipvlan':
      return ipvlanXmit(net, ctx, dev, frame);
    default:
      return undefined;
  }
}

/** The lower device's receive handler (see the file comment). */
export function lowerReceive(net: NetState, ctx: JourneyCtx, dev: DeviceState, frame: Frame): Outcome | undefined {
  const uppers = uppersOf(net, dev);
  if (frame.vlan !== undefined) {
    const sub = uppers.find((u) => u.kind === 'vlan' && u.vlanId === frame.vlan);
    if (!sub) return undefined; // no device for this VID: the kernel drops it
    const untagged: Frame = { ...frame };
    delete untagged.vlan;
    return linkIn(net, ctx, sub, untagged);
  }
  if (!uppers.length) return receiveFrame(net, ctx, dev, frame);
  if (frame.dstMac === BROADCAST_MAC) {
    // The lower device gets its copy straight away; macvlan/ipvlan ports get theirs from a work queue.
    let result = receiveFrame(net, ctx, dev, frame);
    for (const u of uppers) {
      if (u.kind === 'macvlan' || (u.kind === 'ipvlan' && u.mode !== 'l3')) result = better(result, linkIn(net, ctx, u, frame));
    }
    return result;
  }
  const passthru = uppers.find((u) => u.kind === 'macvlan' && u.mode === 'passthru');
  const mv = passthru ?? uppers.find((u) => u.kind === 'macvlan' && u.mac === frame.dstMac);
  if (mv) return linkIn(net, ctx, mv, passthru ? { ...frame, dstMac: mv.mac } : frame);
  if (frame.dstMac === dev.mac) {
    const iv = ipvlanOwner(uppers, frame);
    if (iv) return linkIn(net, ctx, iv, frame);
  }
  return receiveFrame(net, ctx, dev, frame);
}

/** Deletes a device and, first, everything stacked on it (unregistering a lower device takes its uppers along). */
export function deleteWithUppers(net: NetState, dev: DeviceState): void {
  for (const u of uppersOf(net, dev)) deleteWithUppers(net, u);
  if (net.devices[dev.id]) deleteDevice(net, dev);
}

/**
 * Why nobody answered ARP from `from` for `ip`, when the address sits on a
 * macvlan/ipvlan child of the same NIC: the parent (or a sibling that cannot
 * bridge) never exchanges frames with it. Undefined when that is not the cause.
 */
export function stackedIsolation(net: NetState, from: DeviceState, ip: string): string | undefined {
  let owner: DeviceState | undefined;
  for (const id in net.devices) {
    const d = net.devices[id];
    if ((d.kind === 'macvlan' || d.kind === 'ipvlan') && d.addrs.some((a) => a.ip === ip)) owner = d;
  }
  const parent = owner?.parent ? net.devices[owner.parent] : undefined;
  if (!owner || !parent) return childToHost(net, from, ip);
  if (from.id === parent.id) {
    return `${ip} is on ${article(owner.kind)} interface whose parent is ${parent.name}; Linux never passes frames between ${article(owner.kind)} parent and its children, so ${from.name} cannot reach it (${article(owner.kind)} shim interface on the host fixes that)`;
  }
  if (from.parent === parent.id && from.kind === 'macvlan' && owner.kind === 'macvlan') {
    const odd = [from, owner].find((d) => d.mode !== 'bridge');
    if (odd) return `${ip} and ${from.name} are macvlans of ${parent.name}, and only macvlans that are both in bridge mode exchange frames directly (one is in ${odd.mode} mode)`;
  }
  return undefined;
}

/** The other direction: a macvlan/ipvlan child asking for an address of its own parent's host. */
function childToHost(net: NetState, from: DeviceState, ip: string): string | undefined {
  if (from.kind !== 'macvlan' && from.kind !== 'ipvlan') return undefined;
  const lower = from.parent ? net.devices[from.parent] : undefined;
  const hostNs = lower ? net.namespaces[lower.ns] : undefined;
  if (!lower || !hostNs || from.ns === lower.ns) return undefined;
  const onHost = hostNs.devices.some((id) => net.devices[id]?.kind !== 'macvlan' && net.devices[id]?.addrs.some((a) => a.ip === ip));
  if (!onHost) return undefined;
  return `${ip} belongs to the host whose ${lower.name} is the parent of this ${from.kind} interface; Linux never passes frames between ${article(from.kind)} parent and its children (${article(from.kind)} shim interface on the host fixes that)`;
}

function article(kind: string): string {
  return (kind === 'ipvlan' ? 'an ' : 'a ') + kind;
}
