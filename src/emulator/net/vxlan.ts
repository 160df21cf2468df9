/**
 * VXLAN tunnel endpoints (Linux drivers/net/vxlan), as Docker's overlay
 * driver sets them up: a `vxlan0` device with a VNI, enslaved to the overlay
 * namespace's br0, whose UDP socket lives in the host's namespace.
 *
 *   container ─veth─ br0 ─ vxlan0 ══ UDP 4789 (VNI) ══ host eth0 ─ LAN ─ host eth0 ══ vxlan0 ─ br0 ─veth─ container
 *
 * Sending a frame out of vxlan0 looks up the inner destination MAC in the
 * device's own FDB (Docker programs `bridge fdb add <mac> dev vxlan0 dst
 * <peer>` for every remote endpoint), wraps the frame in a UDP datagram to
 * the peer's port 4789 and sends it from the host namespace — through the
 * host's routes, ARP, netfilter OUTPUT, the LAN and the peer's netfilter
 * INPUT, as the kernel does. The peer's VTEP for that VNI takes the frame
 * out and hands it to its bridge. There are no flood entries: broadcast and
 * unknown unicast do not cross (Docker's overlay never needed them), and ARP
 * is answered locally from the neighbour table (`proxy`), where Docker
 * writes a permanent entry for every remote endpoint.
 *
 * Encrypted overlays (`--opt encrypted`) send the datagram inside IPsec ESP
 * (IP protocol 50, transport mode). The receiving kernel decrypts it and
 * the UDP datagram crosses INPUT again, so a firewall must let both ESP and
 * udp/4789 in.
 */
import type { Frame, Packet } from './packet';
import type { DeviceState, NetState, NsState, VxlanConfig } from './state';
import type { Arrival, JourneyCtx, Outcome } from './journey';
import { addDevice } from './netns';
import { linkIn, sendFromHost } from './stack';
import { hookInput } from './nf-hooks';
import { neighOf } from './probe';
import { devicesOfKind } from './device-index';
import { ipLength } from './mtu';

/** What a VXLAN datagram carries (the 8-byte VXLAN header and the inner Ethernet frame). */
export interface VxlanPayload {
  vxlan: { vni: number; frame: Frame };
}

/** What an ESP packet carries: its SPI, its sequence number and, sealed, the UDP datagram it protects. */
export interface EspPayload {
  esp: { spi: number; seq?: number; sealed: Packet };
}

/** VXLAN adds 50 bytes (outer IP 20 + UDP 8 + VXLAN 8 + inner Ethernet 14): Docker sets overlay MTUs to 1450. */
export const VXLAN_OVERHEAD = 50;

export function createVxlan(net: NetState, ns: NsState, name: string, mac: string, cfg: VxlanConfig, mtu: number): DeviceState {
  const dev = addDevice(net, ns, { name, kind: 'vxlan', mac, mtu });
  dev.vxlan = cfg;
  return dev;
}

/** vxlan_xmit: a frame leaves through the VTEP. Returns the outcome of the inner packet, or of the underlay packet when that one is lost. */
export function vxlanTransmit(net: NetState, ctx: JourneyCtx, dev: DeviceState, frame: Frame): Outcome | undefined {
  const cfg = dev.vxlan;
  if (!cfg) return undefined;
  if (frame.ethertype === 'arp') {
    proxyArp(net, ctx, dev, cfg, frame);
    return undefined;
  }
  const remote = cfg.fdb[frame.dstMac];
  const linkNs = net.namespaces[cfg.linkNs];
  if (!remote || !linkNs || !frame.packet) return undefined;
  const out = sendFromHost(net, ctx, linkNs, encapsulate(cfg, linkNs, remote, frame, ctx.probe !== undefined));
  if (!out.arrived) return out;
  return decapsulate(net, ctx, out);
}

/** arp_reduce: with `proxy`, the device answers a request itself when the target is in its neighbour table. */
function proxyArp(net: NetState, ctx: JourneyCtx, dev: DeviceState, cfg: VxlanConfig, frame: Frame): void {
  const arp = frame.arp;
  if (!cfg.proxy || !arp || arp.op !== 'request') return;
  const known = neighOf(ctx, net.namespaces[dev.ns])[arp.targetIp];
  if (!known?.mac || known.dev !== dev.id || known.state === 'FAILED') return;
  const reply: Frame = {
    srcMac: known.mac,
    dstMac: arp.senderMac,
    ethertype: 'arp',
    arp: { op: 'reply', senderIp: arp.targetIp, senderMac: known.mac, targetIp: arp.senderIp, targetMac: arp.senderMac },
  };
  linkIn(net, ctx, dev, reply);
}

function encapsulate(cfg: VxlanConfig, linkNs: NsState, remote: string, frame: Frame, probing: boolean): Packet {
  const inner = frame.packet!;
  const payload: VxlanPayload = { vxlan: { vni: cfg.vni, frame } };
  const udp: Packet = {
    src: cfg.local, dst: remote, proto: 'udp', ttl: linkNs.defaultTtl,
    sport: flowPort(inner), dport: cfg.port, length: 8 + 14 + ipLength(inner), data: payload,
  };
  if (!cfg.encrypted) return udp;
  // The SA's counter (RFC 4303 3.3.3) moves with every packet, but not for an exercise check's probe.
  const seq = ((cfg.espSeq ?? {})[remote] ?? 0) + 1;
  if (!probing) (cfg.espSeq ??= {})[remote] = seq;
  const sealed: EspPayload = { esp: { spi: spiFor(cfg.local, remote), seq, sealed: udp } };
  // ESP header 8 + IV 16 + padding/trailer/ICV ~ 28 around the UDP datagram (AES-GCM).
  return { src: udp.src, dst: udp.dst, proto: 'esp', ttl: udp.ttl, sport: 0, dport: 0, length: udp.length + 8 + 52, data: sealed };
}

/** The VXLAN payload arrived in the peer host's stack: find its VTEP and hand the inner frame over. */
function decapsulate(net: NetState, ctx: JourneyCtx, at: Arrival): Outcome | undefined {
  let pkt = at.pkt;
  const esp = pkt.proto === 'esp' ? (pkt.data as EspPayload | undefined)?.esp : undefined;
  if (esp) {
    // xfrm decrypts and re-injects the datagram: it crosses INPUT once more.
    const again = hookInput(net, ctx, at.ns, esp.sealed, at.dev);
    if (again.verdict !== 'ACCEPT') {
      return { arrived: false, kind: again.verdict === 'REJECT' ? 'rejected' : 'filtered', ns: at.ns.id, where: again.where, latencyMs: ctx.latencyMs };
    }
    pkt = esp.sealed;
  }
  const body = pkt.proto === 'udp' ? (pkt.data as VxlanPayload | undefined)?.vxlan : undefined;
  if (!body) return undefined;
  const vtep = findVtep(net, at.ns.id, body.vni, pkt.dport);
  // Docker drops plain VXLAN for an encrypted VNI (its iptables u32 rule); a VTEP never accepts unknown VNIs.
  if (!vtep || vtep.vxlan!.encrypted !== !!esp) return undefined;
  return linkIn(net, ctx, vtep, body.frame);
}

function findVtep(net: NetState, linkNs: string, vni: number, port: number): DeviceState | undefined {
  return devicesOfKind(net, ['vxlan']).find((d) => d.up && d.vxlan?.linkNs === linkNs && d.vxlan.vni === vni && d.vxlan.port === port);
}

/** udp_flow_src_port: the source port is a hash of the inner flow, in the local port range, so one flow keeps one port. */
function flowPort(p: Packet): number {
  const key = `${p.src}|${p.dst}|${p.proto}|${p.sport}|${p.dport}`;
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619) >>> 0;
  return 32768 + (h % (60999 - 32768 + 1));
}

/** A stable SPI per direction (Docker derives one per node pair and key). */
function spiFor(local: string, remote: string): number {
  let h = 2166136261;
  for (const ch of `${local}>${remote}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return (h % 0x7fffff00) + 0x100;
}
