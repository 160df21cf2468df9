/**
 * An IPv4 packet as the model carries it. Only the fields the tools and
 * netfilter look at are kept; payloads are small descriptors, not bytes.
 */
export type Proto = 'icmp' | 'tcp' | 'udp' | 'esp';

export type TcpFlag = 'SYN' | 'ACK' | 'FIN' | 'RST' | 'PSH';

export interface Packet {
  src: string;
  dst: string;
  proto: Proto;
  ttl: number;
  /** TCP/UDP ports (0 for ICMP). */
  sport: number;
  dport: number;
  /** ICMP: 'echo-request' | 'echo-reply' | 'dest-unreach' | 'time-exceeded'. */
  icmpType?: string;
  icmpId?: number;
  icmpSeq?: number;
  tcpFlags?: TcpFlag[];
  /** Bytes of payload (for `length` in captures and ping's data bytes). */
  length: number;
  /** Application data, e.g. an HTTP request line or a DNS query descriptor. */
  data?: unknown;
}

/** An Ethernet frame on a link. */
export interface Frame {
  srcMac: string;
  dstMac: string;
  /** 'ipv4' frames carry `packet`; 'arp' frames carry `arp`. */
  ethertype: 'ipv4' | 'arp';
  packet?: Packet;
  arp?: { op: 'request' | 'reply'; senderIp: string; senderMac: string; targetIp: string; targetMac: string };
  /** 802.1Q tag when the frame crosses a trunk. */
  vlan?: number;
}

export const BROADCAST_MAC = 'ff:ff:ff:ff:ff:ff';
