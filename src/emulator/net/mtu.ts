/**
 * The MTU in the packet path, as far as the model needs it to lose large
 * packets and keep small ones:
 *
 * - Sending: IP fragments a packet longer than the egress device's MTU
 *   (ip_fragment; for a forwarded packet with DF set, the sender learns the
 *   smaller path MTU from ICMP "fragmentation needed" and sends smaller
 *   segments — the same end result). So the longest frame a packet puts on
 *   a link is min(its IP length, the egress MTU): `Frame.wire`.
 * - Receiving: a device drops a frame longer than its own MTU allows.
 *   veth and bridge ports check it in is_skb_forwardable() (skb->len >
 *   dev->mtu + hard_header_len); NICs size their receive buffers from the
 *   MTU and count the frame in rx_length_errors. Nothing tells the sender:
 *   large packets vanish while small ones pass — the MTU black hole of an
 *   overlay whose VXLAN frames (inner + 50 bytes) no longer fit the underlay.
 */
import type { Frame, Packet } from './packet';
import type { DeviceState, NetState, NsState } from './state';
import { lookupRoute } from './routes';
import type { NetlinkError } from './link-ops';
import { mtuBounds } from './mtu-bounds';

/** The bytes of an IP packet: header (20), transport header (TCP 20, UDP 8; ICMP's is inside `length`), payload. */
export function ipLength(p: Packet): number {
  return 20 + (p.proto === 'tcp' ? 20 : p.proto === 'udp' ? 8 : 0) + p.length;
}

/** The longest frame (IP bytes) a packet puts on the link of `egress`: fragments never exceed its MTU. */
export function wireLength(p: Packet, egress: DeviceState): number {
  return Math.min(ipLength(p), egress.mtu);
}

/** Does `dev` drop this frame on receipt because it is longer than its MTU? */
export function tooBigFor(frame: Frame, dev: DeviceState): boolean {
  return frame.wire !== undefined && frame.wire > dev.mtu;
}

/** TCP's MSS for a connection leaving through `dev`: its MTU less the IP and TCP headers (tcp_mtu_to_mss). */
export function mssFor(dev: DeviceState): number {
  return dev.mtu - 40;
}

/** `ip link set DEV mtu N` (dev_set_mtu → dev_validate_mtu, the driver's bounds: mtu-bounds.ts): the refusal, or undefined once set. */
export function setMtu(dev: DeviceState, mtu: number): NetlinkError | undefined {
  const [min, max] = mtuBounds(dev);
  if (mtu < min) return { errno: 'EINVAL', extack: 'mtu less than device minimum' };
  if (max > 0 && mtu > max) return { errno: 'EINVAL', extack: 'mtu greater than device maximum' };
  dev.mtu = mtu;
  return undefined;
}

/**
 * A ping of `size` data bytes with DF set: the MTU of the route's device when
 * the packet (IP 20 + ICMP 8 + data) is longer, else undefined. Only the first
 * hop is known locally; a smaller link further on drops the packet silently.
 */
export function localMtuExceeded(net: NetState, ns: NsState, dst: string, size: number): number | undefined {
  const route = lookupRoute(net, ns, dst);
  const dev = route ? net.devices[route.dev] : undefined;
  return dev && size + 28 > dev.mtu ? dev.mtu : undefined;
}
