/**
 * Plain-data "views" the network model hands to the formatters in this
 * folder. Every formatter is a pure function: view in, text out. Nothing here
 * reads state, the clock or the rng; times, ids and orders come in the views.
 *
 * Flavours: a namespace's userland decides which implementation of a tool
 * prints (BusyBox in alpine/busybox images, GNU tools in debian/ubuntu images
 * and on the host). `netfmtFlavors()` maps the shell's `Userland` to them.
 */
import type { Userland } from '../types';

/** `ip` (and `bridge`): BusyBox's applet or iproute2. */
export type IpFlavor = 'busybox' | 'iproute2';
/** `ping`: BusyBox's applet or iputils (debian's iputils-ping). */
export type PingFlavor = 'busybox' | 'iputils';
/** `netstat`, `route`, `arp`: BusyBox's applets or net-tools. */
export type NetToolsFlavor = 'busybox' | 'net-tools';
/** `nslookup`: BusyBox ≥1.28 or bind9 (debian's bind9-dnsutils). */
export type NslookupFlavor = 'busybox' | 'bind9';
/** `nc`: BusyBox's nc_bloaty or OpenBSD netcat (debian's netcat-openbsd). */
export type NcFlavor = 'busybox' | 'openbsd';

export interface NetFlavors {
  ip: IpFlavor;
  ping: PingFlavor;
  netTools: NetToolsFlavor;
  nslookup: NslookupFlavor;
  nc: NcFlavor;
}

/** The flavour of every tool for a userland. */
export function netfmtFlavors(userland: Userland): NetFlavors {
  if (userland === 'busybox') {
    return { ip: 'busybox', ping: 'busybox', netTools: 'busybox', nslookup: 'busybox', nc: 'busybox' };
  }
  return { ip: 'iproute2', ping: 'iputils', netTools: 'net-tools', nslookup: 'bind9', nc: 'openbsd' };
}

export type LinkKind =
  | 'loopback'
  | 'veth'
  | 'bridge'
  | 'ether'
  | 'macvlan'
  | 'ipvlan'
  | 'vxlan'
  | 'vlan'
  | 'dummy';

/** RFC 2863 operational state as the kernel reports it (IFLA_OPERSTATE). */
export type OperState = 'UNKNOWN' | 'NOTPRESENT' | 'DOWN' | 'LOWERLAYERDOWN' | 'TESTING' | 'DORMANT' | 'UP';

export interface AddrView {
  family: 4 | 6;
  address: string;
  prefix: number;
  /** IPv4 broadcast, printed as `brd X` (Docker sets it: 172.17.255.255). */
  broadcast?: string;
  scope: 'host' | 'link' | 'global';
  /** IFA_LABEL; IPv4 addresses carry one (defaults to the link name), IPv6 never. */
  label?: string;
  /** Address flags printed after the scope: `dynamic`, `noprefixroute`, `nodad`, `secondary`, ... */
  flags?: string[];
  /** Seconds, or 'forever' (the default: Docker's addresses are permanent). */
  validLft?: number | 'forever';
  preferredLft?: number | 'forever';
}

export interface LinkView {
  ifindex: number;
  name: string;
  kind: LinkKind;
  /**
   * The peer (veth) or lower device (macvlan/ipvlan in a container) lives in
   * another namespace: `ip` prints `eth0@if28`, 28 being its ifindex there.
   */
  peerIfindex?: number;
  /** The peer/lower device is in this namespace: `eth0.10@eth0`, `vdown@vdownp`. */
  parentName?: string;
  /** True when that local parent is down (iproute2 and BusyBox then print M-DOWN). */
  parentDown?: boolean;
  /** IFLA_LINK_NETNSID of the peer's namespace: iproute2 prints `link-netnsid 0`. */
  linkNetnsId?: number;
  /** IFF_UP (administratively up). */
  up: boolean;
  /** IFF_RUNNING / IFF_LOWER_UP (carrier). An up link without carrier prints NO-CARRIER. */
  carrier: boolean;
  noarp?: boolean;
  promisc?: boolean;
  allmulti?: boolean;
  mtu: number;
  /** Defaults: `noop` when down, `noqueue` for virtual devices, `pfifo_fast` for `ether`. */
  qdisc?: string;
  /** txqueuelen; not printed when 0 or absent (Docker creates veths with txqlen 0). */
  qlen?: number;
  /** Bridge the link is enslaved to: `master docker0`. */
  master?: string;
  mac: string;
  /** Link-layer broadcast; defaults to ff:ff:ff:ff:ff:ff (00:00:00:00:00:00 for loopback). */
  brd?: string;
  /** Defaults: UNKNOWN for an up loopback, UP when up with carrier, else DOWN. */
  operState?: OperState;
  addrs: AddrView[];
  /** The device's counters (`ip -s`). */
  stats?: LinkStats;
  /** What `ip -d` adds (set only when asked for: commands/net/link-details.ts). */
  details?: LinkDetails;
}

/** The rtnl_link_stats64 counters the model keeps; the error and drop counters are always 0 here. */
export interface LinkStats {
  rxBytes: number;
  rxPackets: number;
  txBytes: number;
  txPackets: number;
}

/** A JSON value as iproute2's json_writer prints it (objects keep their key order). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * One attribute of a driver's print_opt(): its JSON key, its text (`id 4097`,
 * `proxy`, `hello_timer    0.00`) and its JSON value.
 */
export type DetailField = readonly [json: string, text: string, value: JsonValue];

/** IFLA_LINKINFO: the driver (`veth`, `bridge`…) and what its print_opt() prints. */
export interface LinkInfoView {
  kind: string;
  /** Absent for drivers without print_opt (veth, dummy): no `info_data` in JSON. */
  data?: DetailField[];
}

/** `ip -d link`: the extra attributes of one link (iproute2 print_linkinfo with show_details). */
export interface LinkDetails {
  promiscuity: number;
  minMtu: number;
  maxMtu: number;
  info?: LinkInfoView;
  /** IFLA_INFO_SLAVE_KIND: a bridge port prints `bridge_slave …`. */
  slave?: LinkInfoView;
  addrGenMode: string;
  numTxQueues: number;
  numRxQueues: number;
  gsoMaxSize: number;
  gsoMaxSegs: number;
  tsoMaxSize: number;
  tsoMaxSegs: number;
  groMaxSize: number;
  /** A NIC's bus and device (IFLA_PARENT_DEV_BUS_NAME/NAME): `parentbus pci parentdev 0000:00:03.0`. */
  parent?: { bus: string; dev: string };
}

export interface RouteView {
  /** Non-unicast types print their name first: `blackhole 10.20.0.0/16`. */
  type?: 'unicast' | 'blackhole' | 'unreachable' | 'prohibit' | 'local' | 'broadcast';
  /** 'default' or a CIDR (`172.17.0.0/16`). */
  dst: string;
  via?: string;
  dev?: string;
  /** Absent means `boot` (the kernel's default for routes added by tools), which is not printed. */
  proto?: 'kernel' | 'static' | 'dhcp' | 'boot' | 'ra' | string;
  /** Absent or 'global' is not printed. */
  scope?: 'link' | 'host' | 'global';
  src?: string;
  metric?: number;
  /** iproute2 prints `linkdown` when the device has no carrier (an empty bridge). */
  linkdown?: boolean;
  onlink?: boolean;
}

export type NeighState = 'REACHABLE' | 'STALE' | 'DELAY' | 'PROBE' | 'FAILED' | 'INCOMPLETE' | 'PERMANENT' | 'NOARP';

export interface NeighView {
  ip: string;
  dev: string;
  mac?: string;
  state: NeighState;
  router?: boolean;
  /** BusyBox always prints the cache info: ` ref N` (when N > 0), ` used a/b/c`, ` probes N`. */
  refcnt?: number;
  used?: [number, number, number];
  probes?: number;
}

export type TcpState =
  | 'ESTABLISHED'
  | 'SYN_SENT'
  | 'SYN_RECV'
  | 'FIN_WAIT1'
  | 'FIN_WAIT2'
  | 'TIME_WAIT'
  | 'CLOSE'
  | 'CLOSE_WAIT'
  | 'LAST_ACK'
  | 'LISTEN'
  | 'CLOSING';

export interface SocketProcess {
  /** Command name as in /proc/PID/stat (ss) — e.g. `nginx`. */
  name: string;
  pid: number;
  fd: number;
  /** argv joined as in /proc/PID/cmdline (netstat -p uses its basename); defaults to `name`. */
  cmdline?: string;
}

export interface SocketView {
  proto: 'tcp' | 'udp';
  /** IPv4 or IPv6 text form; '0.0.0.0' / '::' for wildcards. */
  localIp: string;
  localPort: number;
  /** Absent means the wildcard peer (0.0.0.0:* or :::*). */
  remoteIp?: string;
  remotePort?: number;
  /** TCP state; UDP sockets are CLOSE (unconnected) or ESTABLISHED (connected). */
  state: TcpState;
  recvQ?: number;
  /** For LISTEN sockets ss shows the backlog here (nginx 511, Go 4096); netstat shows 0. */
  sendQ?: number;
  /** An IPv6 socket bound to :: without IPV6_V6ONLY (ss prints `*`). */
  dualStack?: boolean;
  /** Processes holding the socket, first = the one netstat shows. */
  processes?: SocketProcess[];
}
