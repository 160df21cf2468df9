/**
 * The bytes a captured IPv4 packet would have on the wire, for `tcpdump -X`
 * and the checksums `-v` prints. The model carries descriptors, not bytes,
 * so the headers are rebuilt from them (RFC 791/792/793/768, VXLAN RFC 7348,
 * DNS RFC 1035); payloads the model does not carry are filled the way the
 * real sender fills them (iputils ping's incrementing pattern).
 */
import type { Frame, Packet } from '../packet';
import type { EspPayload, VxlanPayload } from '../vxlan';
import { parseIp } from '../ipv4';
import { tcpDetails, ipId, dontFragment } from './tcp-details';
import { dnsMessage } from './dns-wire';
import { tcpSegmentOf } from '../tcp-conversation';

const PROTO_NUMBER: Record<Packet['proto'], number> = { icmp: 1, tcp: 6, udp: 17, esp: 50 };

function u16(n: number): number[] {
  return [(n >>> 8) & 255, n & 255];
}

function u32(n: number): number[] {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
}

function addr(ip: string): number[] {
  return u32(parseIp(ip) ?? 0);
}

function macBytes(mac: string): number[] {
  return mac.split(':').map((h) => parseInt(h, 16) || 0);
}

/** The Internet checksum (RFC 1071). */
export function checksum(bytes: number[]): number {
  let sum = 0;
  for (let i = 0; i < bytes.length; i += 2) sum += (bytes[i] << 8) | (bytes[i + 1] ?? 0);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

/** The transport segment: header with its checksum filled in, then the payload. */
export function transportBytes(pkt: Packet, mtu: number): number[] {
  switch (pkt.proto) {
    case 'icmp':
      return withChecksum(icmpBytes(pkt), 2);
    case 'tcp': {
      const seg = tcpBytes(pkt, mtu);
      return withChecksum(seg, 16, pseudoHeader(pkt, seg.length));
    }
    case 'udp': {
      const body = udpPayload(pkt);
      const seg = [...u16(pkt.sport), ...u16(pkt.dport), ...u16(8 + body.length), 0, 0, ...body];
      return withChecksum(seg, 6, pseudoHeader(pkt, seg.length));
    }
    case 'esp':
      return espBytes(pkt);
  }
}

/** The whole IPv4 packet. */
export function ipBytes(pkt: Packet, mtu: number): number[] {
  const l4 = transportBytes(pkt, mtu);
  const total = 20 + l4.length;
  const header = [0x45, 0, ...u16(total), ...u16(ipId(pkt)), dontFragment(pkt) ? 0x40 : 0, 0, pkt.ttl & 255, PROTO_NUMBER[pkt.proto], 0, 0, ...addr(pkt.src), ...addr(pkt.dst)];
  return [...withChecksum(header, 10), ...l4];
}

/** The frame's length on an Ethernet wire: 14 bytes of header, then the IP packet (an ARP frame is 42). */
export function wireLength(frame: Frame, mtu = 1500): number {
  if (frame.ethertype === 'arp' || !frame.packet) return 42;
  return 14 + 20 + transportBytes(frame.packet, mtu).length;
}

/** An Ethernet frame (the inner frame of a VXLAN datagram). */
export function frameBytes(frame: Frame, mtu: number): number[] {
  const head = [...macBytes(frame.dstMac), ...macBytes(frame.srcMac), ...u16(frame.ethertype === 'arp' ? 0x0806 : 0x0800)];
  if (frame.ethertype === 'arp' && frame.arp) return [...head, ...arpBytes(frame.arp)];
  return frame.packet ? [...head, ...ipBytes(frame.packet, mtu)] : head;
}

function arpBytes(a: NonNullable<Frame['arp']>): number[] {
  return [0, 1, 8, 0, 6, 4, 0, a.op === 'request' ? 1 : 2, ...macBytes(a.senderMac), ...addr(a.senderIp), ...macBytes(a.targetMac), ...addr(a.targetIp)];
}

function withChecksum(bytes: number[], at: number, prefix: number[] = []): number[] {
  const sum = checksum([...prefix, ...bytes]);
  bytes[at] = sum >>> 8;
  bytes[at + 1] = sum & 255;
  return bytes;
}

function pseudoHeader(pkt: Packet, length: number): number[] {
  return [...addr(pkt.src), ...addr(pkt.dst), 0, PROTO_NUMBER[pkt.proto], ...u16(length)];
}

const ICMP_TYPES: Record<string, [number, number]> = {
  'echo-request': [8, 0], 'echo-reply': [0, 0], 'dest-unreach': [3, 3], 'time-exceeded': [11, 0],
};

/** Destination unreachable codes (RFC 792, RFC 1812). */
const UNREACH_CODES: Record<string, number> = {
  'net-unreachable': 0, 'host-unreachable': 1, 'proto-unreachable': 2, 'port-unreachable': 3,
  'net-prohibited': 9, 'host-prohibited': 10, 'admin-prohibited': 13,
};

function icmpBytes(pkt: Packet): number[] {
  const [type, fixedCode] = ICMP_TYPES[pkt.icmpType ?? 'echo-request'] ?? [8, 0];
  const isError = pkt.icmpType === 'dest-unreach' || pkt.icmpType === 'time-exceeded';
  const unreach = isError ? (pkt.data as { original?: Packet; code?: string } | undefined) : undefined;
  const code = unreach?.code !== undefined ? (UNREACH_CODES[unreach.code] ?? fixedCode) : fixedCode;
  // An error quotes the offending packet: 4 unused bytes, then its IP header and what follows.
  if (unreach?.original) return [type, code, 0, 0, 0, 0, 0, 0, ...ipBytes(unreach.original, 1500).slice(0, Math.max(0, pkt.length - 8))];
  const head = [type, code, 0, 0, ...u16(pkt.icmpId ?? 0), ...u16(pkt.icmpSeq ?? 0)];
  const data: number[] = [];
  // iputils: a struct timeval, then bytes counting up from 0x10.
  for (let i = 0; i < pkt.length - 8; i++) data.push(i < 16 ? (i < 8 ? (pkt.icmpSeq ?? 0) + i : 0) : i & 255);
  return [...head, ...data];
}

function tcpBytes(pkt: Packet, mtu: number): number[] {
  const t = tcpDetails(pkt, mtu);
  let flags = 0;
  for (const f of pkt.tcpFlags ?? []) flags |= { FIN: 1, SYN: 2, RST: 4, PSH: 8, ACK: 16 }[f];
  let opts: number[] = [];
  if (t.options) opts = [2, 4, ...u16(t.options.mss), 4, 2, 8, 10, ...u32(t.options.tsVal), ...u32(t.options.tsEcr), 1, 3, 3, 7];
  else if (t.timestamps) opts = [1, 1, 8, 10, ...u32(t.timestamps.tsVal), ...u32(t.timestamps.tsEcr)];
  const offset = ((20 + opts.length) / 4) << 4;
  const text = tcpSegmentOf(pkt)?.text;
  const payload = text ? [...text].map((c) => c.charCodeAt(0) & 255) : new Array<number>(pkt.length).fill(0x2e);
  return [...u16(pkt.sport), ...u16(pkt.dport), ...u32(t.seq), ...u32(t.ack), offset, flags, ...u16(t.win), 0, 0, 0, 0, ...opts, ...payload];
}

function udpPayload(pkt: Packet): number[] {
  const vx = (pkt.data as VxlanPayload | undefined)?.vxlan;
  if (vx) return [0x08, 0, 0, 0, ...u32(vx.vni << 8), ...frameBytes(vx.frame, 1450)];
  const dns = dnsMessage(pkt);
  if (dns) return dns;
  return new Array<number>(pkt.length).fill(0);
}

function espBytes(pkt: Packet): number[] {
  const esp = (pkt.data as EspPayload | undefined)?.esp;
  const sealed = new Array<number>(Math.max(0, pkt.length - 8)).fill(0).map((_, i) => (i * 73 + 41) & 255);
  return [...u32(esp?.spi ?? 0), ...u32(esp?.seq ?? 1), ...sealed];
}
