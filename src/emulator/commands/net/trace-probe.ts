/**
 * One traceroute probe through the model: a UDP datagram to port 33434+n
 * (or an ICMP echo with -I) sent with a chosen TTL by the real stack. A
 * router that would forward it with TTL 1 drops it ('ttl-exceeded') and
 * sends an ICMP time-exceeded from the address of the interface it came in
 * on; the destination answers port-unreachable (or echo-reply). That ICMP
 * message really travels back, quoting the probe as the router received it,
 * so conntrack on the way un-NATs it (a probe MASQUERADEd by a Docker host
 * still finds its way back into the container). A probe whose answer is
 * lost, or that is dropped for another reason, is a `*`.
 */
import type { LabCtx } from '../../world/ctx';
import type { NsState } from '../../net/state';
import type { Packet } from '../../net/packet';
import { sendFromHost } from '../../net/stack';
import { findSocket } from '../../net/transport';

export type ProbeResult =
  | { kind: 'hop'; from: string; rttMs: number; reached: boolean }
  | { kind: 'lost' }
  | { kind: 'no-route' };

function icmpBack(lab: LabCtx, from: NsState, src: string, quoted: Packet, type: 'time-exceeded' | 'dest-unreach' | 'echo-reply'): Packet {
  if (type === 'echo-reply') {
    return { src, dst: quoted.src, proto: 'icmp', ttl: from.defaultTtl, sport: 0, dport: 0, icmpType: 'echo-reply', icmpId: quoted.icmpId, icmpSeq: quoted.icmpSeq, length: quoted.length };
  }
  const code = type === 'dest-unreach' ? 'port-unreachable' : 'ttl-zero-during-transit';
  return { src, dst: quoted.src, proto: 'icmp', ttl: from.defaultTtl, sport: 0, dport: 0, icmpType: type, length: 68, data: { original: quoted, code } };
}

export function traceProbe(lab: LabCtx, ns: NsState, dst: string, ttl: number, seq: number, icmp: boolean): ProbeResult {
  const id = lab.rng.int(1, 65535);
  const probe: Packet = icmp
    ? { src: '', dst, proto: 'icmp', ttl, sport: 0, dport: 0, icmpType: 'echo-request', icmpId: id, icmpSeq: seq, length: 40 }
    : { src: '', dst, proto: 'udp', ttl, sport: lab.rng.int(32768, 60999), dport: 33434 + seq, length: 18 };
  // The last packet each namespace received: what a router quotes in its ICMP error.
  const lastIn: Record<string, Packet> = {};
  const journey = lab.journey();
  const capture = journey.tap; // an open tcpdump still sees the probes
  journey.tap = (dev, frame, dir) => {
    capture?.(dev, frame, dir);
    if (dir === 'in' && frame.packet) lastIn[dev.ns] = frame.packet;
  };
  const out = sendFromHost(lab.state.net, journey, ns, probe);
  let back: { ns: NsState; from: Packet; latency: number } | undefined;
  if (out.arrived) {
    const answered = icmp ? 'echo-reply' : findSocket(out.ns, 'udp', out.pkt.dst, out.pkt.dport) ? undefined : 'dest-unreach';
    if (!answered) return { kind: 'lost' };
    back = { ns: out.ns, from: icmpBack(lab, out.ns, out.pkt.dst, out.pkt, answered), latency: out.latencyMs };
  } else if (out.kind === 'ttl-exceeded' && out.reporter) {
    const router = lab.ns(out.ns);
    const quoted = lastIn[out.ns] ?? probe;
    back = { ns: router, from: icmpBack(lab, router, out.reporter, quoted, 'time-exceeded'), latency: out.latencyMs };
  } else if (out.kind === 'no-route' && out.ns === ns.id) return { kind: 'no-route' };
  if (!back) return { kind: 'lost' };
  const ret = sendFromHost(lab.state.net, lab.journey(), back.ns, back.from);
  if (!ret.arrived || ret.ns.id !== ns.id) return { kind: 'lost' };
  return { kind: 'hop', from: ret.pkt.src, rttMs: back.latency + ret.latencyMs, reached: out.arrived };
}
