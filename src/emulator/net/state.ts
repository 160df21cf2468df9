/**
 * The network model's state: every namespace, device and L2 segment in the
 * lab, as plain JSON-serialisable records that refer to each other by ID.
 * Behaviour lives in functions over this state (netns.ts, devices.ts,
 * stack.ts), which is what makes snapshot/restore exact.
 */
import type { IpvsState } from './ipvs';
import type { NetfilterState } from '../netfilter/types';
import type { ConntrackState } from '../netfilter/conntrack';

export type DeviceKind = 'loopback' | 'veth' | 'bridge' | 'ether' | 'macvlan' | 'ipvlan' | 'vxlan' | 'vlan' | 'dummy';

/**
 * macvlan modes (`ip link add … type macvlan mode X`; the kernel's default is
 * vepa) and ipvlan modes (`… type ipvlan mode l2|l3`; default l3).
 */
export type StackedMode = 'bridge' | 'vepa' | 'private' | 'passthru' | 'l2' | 'l3';

export interface Addr {
  ip: string;
  prefix: number;
}

export interface DeviceState {
  id: string;
  ns: string;
  name: string;
  ifindex: number;
  kind: DeviceKind;
  mac: string;
  mtu: number;
  up: boolean;
  addrs: Addr[];
  /** veth: the other end's device ID. */
  peer?: string;
  /** Port of a bridge: the bridge's device ID. */
  master?: string;
  /** Physical NIC: the L2 segment (LAN, WAN) it is plugged into. */
  segment?: string;
  /** Bridge: learnt MAC → port device ID (the forwarding database). */
  fdb?: Record<string, string>;
  /** vlan/macvlan/ipvlan: the parent device ID. */
  parent?: string;
  vlanId?: number;
  /** macvlan/ipvlan: the mode the device was created with (see StackedMode). */
  mode?: StackedMode;
  /**
   * `ip link set DEV promisc on`: the user-requested IFF_PROMISC that `ip link`
   * prints. The promiscuity the kernel turns on internally for a macvlan
   * parent is not reported to user space (dev_get_flags() shows gflags only).
   */
  promisc?: boolean;
  /**
   * txqueuelen when it is not the kind's default (1000 for ether_setup()
   * devices). Docker's links get 0: vishvananda/netlink sends IFLA_TXQLEN 0
   * for a LinkAttrs literal, so `ip a` in a macvlan container shows no qlen.
   */
  txqlen?: number;
  /** vxlan: the VTEP's configuration (net/vxlan.ts). */
  vxlan?: VxlanConfig;
  /** Packet counters as `ip -s link` shows them. */
  rxPackets: number;
  txPackets: number;
  /** Byte counters beside them (frame bytes, as the kernel's rx_bytes/tx_bytes); absent in labs saved before they were counted: 0. */
  rxBytes?: number;
  txBytes?: number;
}

/**
 * A VXLAN device (`ip link add vxlan0 type vxlan id 4097 dstport 4789 proxy
 * l2miss l3miss`, as Docker's overlay driver creates it): its UDP socket
 * stays in the namespace it was created in (the host's), while the device
 * itself is moved into the overlay namespace.
 */
export interface VxlanConfig {
  vni: number;
  /** Underlay source address (the node's advertise address). */
  local: string;
  /** The namespace whose stack sends and receives the encapsulated packets. */
  linkNs: string;
  /** UDP destination port (4789, or the swarm's --data-path-port). */
  port: number;
  /** Answer ARP requests from the neighbour table instead of flooding them (`proxy`). */
  proxy: boolean;
  /** Static forwarding entries: inner MAC → remote VTEP address (`bridge fdb add … dst`). */
  fdb: Record<string, string>;
  /** Encrypted overlay: the underlay packets are IPsec ESP (IP protocol 50). */
  encrypted: boolean;
  /** ESP sequence number last sent to each remote VTEP (one outbound SA per peer; tcpdump shows it). */
  espSeq?: Record<string, number>;
}

export interface Route {
  /** 'default' or a CIDR. */
  dst: string;
  via?: string;
  dev: string; // device ID
  proto?: 'kernel' | 'static' | 'dhcp';
  scope?: 'link' | 'host' | 'global';
  src?: string;
  metric?: number;
}

export interface Neighbour {
  mac?: string;
  dev: string; // device ID
  state: 'REACHABLE' | 'STALE' | 'FAILED' | 'PERMANENT';
}

/** A listening socket and the service that answers on it. */
export interface Socket {
  proto: 'tcp' | 'udp';
  ip: string; // '0.0.0.0' for any
  port: number;
  pid: number;
  program: string;
  service: ServiceRef;
}

/** Which server answers on a socket; the behaviour is looked up in kernel/services. */
export type ServiceRef =
  | { kind: 'http'; site: string }
  | { kind: 'dns'; role: 'embedded' | 'upstream' }
  | { kind: 'redis' }
  | { kind: 'postgres' }
  | { kind: 'sshd' }
  | { kind: 'docker-proxy'; targetIp: string; targetPort: number }
  | { kind: 'listener'; owner: string };

export interface NsState {
  id: string;
  /** The machine (kernel) the namespace lives on: node1, laptop, gateway, internet. */
  machine: string;
  /** `ip netns` name when it has one. */
  name?: string;
  devices: string[];
  routes: Route[];
  neigh: Record<string, Neighbour>;
  nf: NetfilterState;
  conntrack: ConntrackState;
  sockets: Socket[];
  /** net.ipv4.ip_forward */
  forwarding: boolean;
  /** TTL of packets this namespace originates (64 on Linux; the simulated internet uses less to look far away). */
  defaultTtl: number;
  /** IPVS virtual services (net/ipvs.ts): swarm load balancers and the ingress sandbox. */
  ipvs?: IpvsState;
}

export interface SegmentState {
  id: string;
  name: string;
  ports: string[];
  /** Extra latency per crossing, in ms (the internet is far away). */
  latencyMs: number;
}

export interface NetState {
  namespaces: Record<string, NsState>;
  devices: Record<string, DeviceState>;
  segments: Record<string, SegmentState>;
  /** Per machine: the next interface index the kernel hands out. */
  nextIfindex: Record<string, number>;
  nextId: number;
}

export function emptyNet(): NetState {
  return { namespaces: {}, devices: {}, segments: {}, nextIfindex: {}, nextId: 1 };
}
