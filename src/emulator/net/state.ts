/**
 * The network model's state: every namespace, device and L2 segment in the
 * lab, as plain JSON-serialisable records that refer to each other by ID.
 * Behaviour lives in functions over this state (netns.ts, devices.ts,
 * stack.ts), which is what makes snapshot/restore exact.
 */
import type { NetfilterState } from '../netfilter/types';
import type { ConntrackState } from '../netfilter/conntrack';

export type DeviceKind = 'loopback' | 'veth' | 'bridge' | 'ether' | 'macvlan' | 'ipvlan' | 'vxlan' | 'vlan';

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
  /** Packet counters as `ip -s link` shows them. */
  rxPackets: number;
  txPackets: number;
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
