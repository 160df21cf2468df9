/**
 * macvlan: a virtual NIC with its own MAC on a lower device's wire
 * (drivers/net/macvlan.c). Modes, as the kernel implements them:
 *   bridge   — frames between macvlans of the same lower device (bridge mode
 *              on both) are delivered directly; the rest go out on the wire.
 *   vepa     — everything goes out on the wire; siblings meet only through an
 *              external switch that hairpins (the lab's switch does not).
 *              It is the kernel's default when `ip link add` names no mode.
 *   private  — like vepa, and siblings never receive each other's frames.
 *   passthru — one macvlan takes over the lower device (it receives every frame).
 * In no mode does the lower device exchange frames with its macvlans: what the
 * parent sends goes straight to the wire, and the switch does not send a frame
 * back out of the port it came in. That is why a Docker host cannot reach its
 * own macvlan containers through eth0.
 */
import { BROADCAST_MAC, type Frame } from './packet';
import type { DeviceState, NetState, NsState, StackedMode } from './state';
import type { JourneyCtx, Outcome } from './journey';
import { addDevice } from './netns';
import { linkIn, linkOut } from './stack';
import { better, uppersOf } from './stacked';

export const MACVLAN_MODES: readonly StackedMode[] = ['private', 'vepa', 'bridge', 'passthru'];

/** Creates a macvlan on `lower` (down, as `ip link add` leaves it). */
export function createMacvlan(net: NetState, ns: NsState, lower: DeviceState, name: string, mac: string, mode: StackedMode): DeviceState {
  const dev = addDevice(net, ns, { name, kind: 'macvlan', mac, mtu: lower.mtu });
  dev.parent = lower.id;
  dev.mode = mode;
  return dev;
}

/** macvlan_queue_xmit(): bridge mode short-cuts to siblings, everything else leaves through the lower device. */
export function macvlanXmit(net: NetState, ctx: JourneyCtx, dev: DeviceState, frame: Frame): Outcome | undefined {
  const lower = dev.parent ? net.devices[dev.parent] : undefined;
  if (!lower) return undefined;
  if (dev.mode === 'bridge') {
    const siblings = uppersOf(net, lower).filter((d) => d.kind === 'macvlan' && d.mode === 'bridge' && d.id !== dev.id);
    if (frame.dstMac === BROADCAST_MAC) {
      let result: Outcome | undefined;
      for (const s of siblings) result = better(result, linkIn(net, ctx, s, frame));
      return better(result, linkOut(net, ctx, lower, frame));
    }
    const dest = siblings.find((s) => s.mac === frame.dstMac);
    if (dest) return linkIn(net, ctx, dest, frame);
  }
  return linkOut(net, ctx, lower, frame);
}
