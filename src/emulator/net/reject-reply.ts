/**
 * What an iptables REJECT sends back (the kernel's nf_reject_ipv4): by
 * default an ICMP port unreachable, or the type --reject-with names; with
 * tcp-reset a TCP RST that seems to come from the address the client
 * connected to. A router without a route takes the same path to send its
 * net unreachable. The error quotes the packet as the client sent it (the
 * connection is not confirmed yet, so the quote is un-NATed from the
 * packet's entry state), and it goes back from the rejecting namespace
 * through the model like any packet.
 */
import type { LabCtx } from '../world/ctx';
import type { NsState } from './state';
import type { Packet } from './packet';
import { isLocalAddress } from './netns';
import { sendFromHost } from './stack';
import { transportBytes } from './capture/wire';

/** --reject-with type -> ICMP destination unreachable code (RFC 792, RFC 1812). */
export const REJECT_CODES: Record<string, string> = {
  'icmp-net-unreachable': 'net-unreachable',
  'icmp-host-unreachable': 'host-unreachable',
  'icmp-port-unreachable': 'port-unreachable',
  'icmp-proto-unreachable': 'proto-unreachable',
  'icmp-net-prohibited': 'net-prohibited',
  'icmp-host-prohibited': 'host-prohibited',
  'icmp-admin-prohibited': 'admin-prohibited',
};

/** The answer to `pkt`, rejected in `ns` (undefined: REJECT never answers an ICMP error or a RST). */
export function rejectReply(ctx: LabCtx, ns: NsState, pkt: Packet, rejectWith = 'icmp-port-unreachable'): Packet | undefined {
  const orig = pkt.nfPending?.ns === ns.id ? pkt.nfPending.orig : { ...pkt, nfPending: undefined };
  if (orig.proto === 'icmp' && orig.icmpType !== 'echo-request') return undefined;
  if ((rejectWith === 'tcp-reset' || rejectWith === 'tcp-rst') && orig.proto === 'tcp') {
    if (orig.tcpFlags?.includes('RST')) return undefined;
    return { src: orig.dst, dst: orig.src, proto: 'tcp', ttl: ns.defaultTtl, sport: orig.dport, dport: orig.sport, tcpFlags: ['RST', 'ACK'], length: 0 };
  }
  const code = REJECT_CODES[rejectWith] ?? 'port-unreachable';
  // icmp_send: from the address the packet was sent to when it is this host's, else the route's source.
  const src = isLocalAddress(ctx.state.net, ns, orig.dst) ? orig.dst : '';
  // The error quotes as much of the packet as fits in 576 bytes (RFC 1812 4.3.2.3).
  const quoted = 20 + transportBytes(orig, 1500).length;
  return { src, dst: orig.src, proto: 'icmp', ttl: ns.defaultTtl, sport: 0, dport: 0, icmpType: 'dest-unreach', length: 8 + Math.min(quoted, 548), data: { original: orig, code } };
}

export function sendRejectReply(ctx: LabCtx, ns: NsState, pkt: Packet, rejectWith?: string): void {
  const reply = rejectReply(ctx, ns, pkt, rejectWith);
  if (reply) sendFromHost(ctx.state.net, ctx.journey(), ns, reply);
}
