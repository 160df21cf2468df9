/**
 * Packet capture points (what libpcap's PF_PACKET socket sees on Linux).
 * A capture is opened in a namespace on one interface or on `any`; every
 * frame that crosses a device of that namespace afterwards — received or
 * transmitted — is offered to it, stamped with the lab clock's time.
 *
 * The registry is live state of the running lab (LabCtx.captures), not part
 * of the snapshot: a capture belongs to a running tcpdump, as a packet
 * socket belongs to a process. Because the lab holds it, a capture started
 * in one terminal sees the packets that commands run in another terminal
 * cause. With no capture open, LabCtx.journey() installs no tap at all, so
 * the packet path costs nothing extra.
 */
import type { Frame } from '../packet';
import type { DeviceState } from '../state';

/** PACKET_HOST / BROADCAST / OTHERHOST / OUTGOING, as `-i any` prints them (In, B, P, Out). */
export type PacketType = 'host' | 'broadcast' | 'otherhost' | 'outgoing';

/** One frame as a capture recorded it. */
export interface CapturedFrame {
  /** Lab time in ms, with microseconds in the fraction. */
  timeMs: number;
  ifname: string;
  ifindex: number;
  /** The device's MTU (the TCP MSS a SYN advertises follows it). */
  mtu: number;
  pkttype: PacketType;
  frame: Frame;
}

/** Where a frame is offered: on the wire of `dev` in that direction, or a copy seen by a promiscuous bridge. */
export type TapDirection = 'in' | 'out' | 'promisc';

export interface CaptureSpec {
  ns: string;
  /** A device ID, or 'any'. */
  device: string;
  /** `-p` not given: a bridge device also sees the frames it forwards between its ports. */
  promisc: boolean;
  deliver(frame: CapturedFrame): void;
}

export interface Capture extends CaptureSpec {
  readonly id: number;
}

export class CaptureRegistry {
  private byNs = new Map<string, Capture[]>();
  private nextId = 1;
  private lastTimeMs = 0;
  private readonly listeners = new Set<() => void>();

  /** True while at least one capture is open: only then does a journey carry a tap. */
  get active(): boolean {
    return this.byNs.size > 0;
  }

  open(spec: CaptureSpec): Capture {
    const capture: Capture = { ...spec, id: this.nextId++ };
    const list = this.byNs.get(spec.ns) ?? [];
    list.push(capture);
    this.byNs.set(spec.ns, list);
    return capture;
  }

  close(capture: Capture): void {
    const list = (this.byNs.get(capture.ns) ?? []).filter((c) => c.id !== capture.id);
    if (list.length) this.byNs.set(capture.ns, list);
    else this.byNs.delete(capture.ns);
  }

  /**
   * Where a new journey's clock starts: packets sent at the same lab instant
   * (a reply built where the request arrived) follow the last captured one,
   * so timestamps keep the order the packets really had.
   */
  journeyStart(nowMs: number): number {
    return Math.max(nowMs, this.lastTimeMs);
  }

  /** A frame crossed `dev` (see TapDirection). */
  offer(dev: DeviceState, frame: Frame, direction: TapDirection, timeMs: number): void {
    const list = this.byNs.get(dev.ns);
    if (!list) return;
    let record: CapturedFrame | undefined;
    for (const c of list) {
      if (c.device !== 'any' && c.device !== dev.id) continue;
      // `-i any` cannot turn promiscuous mode on, and -p turns it off.
      if (direction === 'promisc' && (c.device === 'any' || !c.promisc)) continue;
      record ??= this.record(dev, frame, direction, timeMs);
      c.deliver(record);
    }
    if (record) this.notify();
  }

  /** Calls `listener` after frames were delivered; returns the unsubscribe function. */
  onDelivered(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private record(dev: DeviceState, frame: Frame, direction: TapDirection, timeMs: number): CapturedFrame {
    this.lastTimeMs = Math.max(this.lastTimeMs, timeMs);
    return { timeMs, ifname: dev.name, ifindex: dev.ifindex, mtu: dev.mtu, pkttype: packetType(dev, frame, direction), frame: copyFrame(frame) };
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }
}

/** eth_type_trans: a received frame is for this host, a broadcast, or for another host. */
function packetType(dev: DeviceState, frame: Frame, direction: TapDirection): PacketType {
  if (direction === 'out') return 'outgoing';
  if (frame.dstMac === 'ff:ff:ff:ff:ff:ff') return 'broadcast';
  if (dev.kind === 'loopback') return 'host';
  return frame.dstMac === dev.mac ? 'host' : 'otherhost';
}

/** The packet keeps changing on its way (NAT, TTL): keep the bytes as they were here. */
function copyFrame(frame: Frame): Frame {
  const copy: Frame = { ...frame };
  if (frame.packet) {
    const { nfPending: _pending, ...packet } = frame.packet;
    copy.packet = { ...packet, tcpFlags: packet.tcpFlags ? [...packet.tcpFlags] : undefined };
  }
  if (frame.arp) copy.arp = { ...frame.arp };
  return copy;
}
