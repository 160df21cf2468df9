/**
 * What happened to one packet on its way: the latency it accumulated, the
 * places it crossed, and — when it did not arrive — where and why it was
 * dropped. Tools turn a Drop into their own error text; exercise checks turn
 * it into plain words.
 */
import type { Frame, Packet } from './packet';
import type { DeviceState, NsState } from './state';

export type DropKind =
  | 'no-route' // ENETUNREACH: "Network is unreachable"
  | 'host-unreachable' // ARP got no answer: "Destination Host Unreachable"
  | 'filtered' // an iptables DROP: silence, the sender times out
  | 'rejected' // an iptables REJECT: "Connection refused" / port unreachable
  | 'ttl-exceeded'
  | 'link-down'
  | 'not-forwarding'
  | 'too-big'; // a frame longer than the receiving device's MTU: dropped silently (net/mtu.ts)

export interface Drop {
  arrived: false;
  kind: DropKind;
  /** The namespace where it happened. */
  ns: string;
  /** For 'filtered'/'rejected': "filter FORWARD" / "filter DOCKER-USER" etc. */
  where?: string;
  /** For 'host-unreachable': the address of the router that reports it. */
  reporter?: string;
  latencyMs: number;
}

export interface Arrival {
  arrived: true;
  ns: NsState;
  dev: DeviceState;
  /** The packet as it arrived (after any NAT). */
  pkt: Packet;
  latencyMs: number;
  /** Hops that decremented the TTL. */
  routersCrossed: number;
}

export type Outcome = Arrival | Drop;

/**
 * A packet capture tap: every frame that crosses a device, for tcpdump
 * (net/capture). 'promisc' is a frame a bridge forwards between two of its
 * ports, which a capture on the bridge itself sees in promiscuous mode.
 */
export type FrameTap = (dev: DeviceState, frame: Frame, direction: 'in' | 'out' | 'promisc') => void;

import type { ProbeOverlay } from './probe';
import type { TimerJob } from './timers';

export interface JourneyCtx {
  /** Set while probing for a check: changes go to this overlay, not to the lab. */
  probe?: ProbeOverlay;
  /** Virtual time when the packet left (conntrack timeouts). */
  now: number;
  latencyMs: number;
  routers: number;
  /** Guards against forwarding loops in a misconfigured lab. */
  budget: number;
  tap?: FrameTap;
  /**
   * Schedules what the kernel sends later by itself (an ARP request
   * retried), as a kernel timer (net/timers.ts). Set only while a capture
   * watches, the one place such retries are visible.
   */
  later?(delayMs: number, job: TimerJob, key?: string): void;
  /** Is a job scheduled with later() about `key` still waiting? */
  pending?(key: string): boolean;
  /**
   * Sends what an iptables REJECT answers `pkt` with (net/reject-reply.ts)
   * back to its source. Set only while a capture watches: the sender learns
   * "refused" from the drop itself, so the reply matters only on the wire.
   */
  reject?(ns: NsState, pkt: Packet, rejectWith?: string): void;
  /** Jitter source for per-hop latency. */
  jitter(): number;
}
