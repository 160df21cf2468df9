/**
 * ipvlan (drivers/net/ipvlan): virtual NICs that share their lower device's
 * MAC and are told apart by IP address.
 *   l2 — ARP and broadcasts work: a broadcast a child sends reaches the other
 *        l2 children and the wire (never the lower device's own stack); a
 *        broadcast from the wire reaches the lower device and every l2 child.
 *        A unicast frame to the shared MAC goes to the child owning the
 *        destination IP, else to the lower device (ipvlan_xmit_mode_l2).
 *   l3 — no ARP, no broadcast (the children are NOARP). A child's packet goes
 *        to the sibling owning the destination IP, or is routed by the lower
 *        device's namespace (ipvlan_process_v4_outbound: a route lookup and
 *        ip_local_out there — its OUTPUT and POSTROUTING hooks, not FORWARD).
 *        From the wire, a frame to the shared MAC reaches the child owning
 *        the IP; routers must route the containers' subnet to the host.
 * Simplifications: the mode is kept per device (the kernel keeps it per lower
 * device, and the last `ip link add` sets it for all); l3s and the
 * private/vepa flags are not modelled; IPv6 neither.
 */
import { BROADCAST_MAC, type Frame } from './packet';
import type { DeviceState, NetState, NsState } from './state';
import type { JourneyCtx, Outcome } from './journey';
import { addDevice } from './netns';
import { linkIn, linkOut, receiveFrame, sendFromHost } from './stack';
import { better, uppersOf } from './stacked';

/** Creates an ipvlan on `lower` (down, as `ip link add` leaves it); it takes the lower device's MAC. */
export function createIpvlan(net: NetState, ns: NsState, lower: DeviceState, name: string, mode: 'l2' | 'l3'): DeviceState {
  const dev = addDevice(net, ns, { name, kind: 'ipvlan', mac: lower.mac, mtu: lower.mtu });
  dev.parent = lower.id;
  dev.mode = mode;
  return dev;
}

/** The IPv4 address a frame is for: the packet's destination, or an ARP's target. */
function l3Destination(frame: Frame): string | undefined {
  if (frame.ethertype === 'arp') return frame.arp?.targetIp;
  return frame.packet?.dst;
}

/** The ipvlan child among `uppers` that owns the frame's destination IP (ipvlan_addr_lookup). */
export function ipvlanOwner(uppers: DeviceState[], frame: Frame): DeviceState | undefined {
  const ip = l3Destination(frame);
  if (!ip) return undefined;
  const owner = uppers.find((u) => u.kind === 'ipvlan' && u.addrs.some((a) => a.ip === ip));
  // l3 children are NOARP: an ARP request for their address is not answered.
  if (owner && owner.mode === 'l3' && frame.ethertype === 'arp') return undefined;
  return owner;
}

export function ipvlanXmit(net: NetState, ctx: JourneyCtx, dev: DeviceState, frame: Frame): Outcome | undefined {
  const lower = dev.parent ? net.devices[dev.parent] : undefined;
  if (!lower) return undefined;
  const siblings = uppersOf(net, lower).filter((d) => d.kind === 'ipvlan' && d.id !== dev.id);
  return dev.mode === 'l3' ? xmitL3(net, ctx, lower, siblings, frame) : xmitL2(net, ctx, lower, siblings, frame, dev.mac);
}

function xmitL2(net: NetState, ctx: JourneyCtx, lower: DeviceState, siblings: DeviceState[], frame: Frame, ownMac: string): Outcome | undefined {
  if (frame.dstMac === BROADCAST_MAC) {
    let result: Outcome | undefined;
    for (const s of siblings) if (s.mode !== 'l3') result = better(result, linkIn(net, ctx, s, frame));
    return better(result, linkOut(net, ctx, lower, frame));
  }
  if (frame.dstMac === ownMac) {
    const owner = ipvlanOwner(siblings, frame);
    // Not a sibling's address but our own MAC: dev_forward_skb() to the lower device's stack.
    return owner ? linkIn(net, ctx, owner, frame) : receiveFrame(net, ctx, lower, frame);
  }
  return linkOut(net, ctx, lower, frame);
}

function xmitL3(net: NetState, ctx: JourneyCtx, lower: DeviceState, siblings: DeviceState[], frame: Frame): Outcome | undefined {
  if (frame.ethertype !== 'ipv4' || !frame.packet) return undefined;
  const owner = ipvlanOwner(siblings, frame);
  if (owner) return linkIn(net, ctx, owner, { ...frame, dstMac: owner.mac });
  const hostNs = net.namespaces[lower.ns];
  return hostNs ? sendFromHost(net, ctx, hostNs, { ...frame.packet }) : undefined;
}
