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
  /**
   * Netfilter bookkeeping while the packet crosses one namespace, between the
   * first hook (PREROUTING/OUTPUT) and the last (POSTROUTING/INPUT) where the
   * conntrack entry is confirmed. Not on the wire.
   */
  nfPending?: NfPending;
  /**
   * The skb's firewall mark (`-j MARK` in the mangle table). It lives while
   * the packet is in one namespace: crossing a veth or the wire clears it,
   * as the kernel's skb_scrub_packet does. Not on the wire.
   */
  mark?: number;
  /** IPVS took the packet in this namespace (what `-m ipvs --ipvs` matches); scrubbed like the mark. */
  ipvs?: boolean;
}

export interface NfPending {
  ns: string;
  /** The packet as it entered the namespace (the conntrack original tuple). */
  orig: Packet;
  dnat?: { ip: string; port?: number };
  /** A known connection: its entry ID and the packet's direction. */
  known?: { id: number; dir: 'original' | 'reply'; related: boolean };
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
  /** IP bytes of the longest fragment on the wire (net/mtu.ts); unset for ARP and frames a tool made up. */
  wire?: number;
}

export const BROADCAST_MAC = 'ff:ff:ff:ff:ff:ff';
