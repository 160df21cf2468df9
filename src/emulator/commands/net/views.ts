/**
 * The network model seen through the formatters' eyes: links, addresses,
 * routes, neighbours and sockets of one namespace as the plain views of
 * commands/netfmt. Kernel conventions applied here: a veth whose peer lives in
 * another namespace prints `eth0@if28` with that namespace's netnsid; a bridge
 * without an up port has no carrier; IPv4 addresses carry a broadcast.
 */
import type { LabCtx } from '../../world/ctx';
import type { DeviceState, NetState, NsState } from '../../net/state';
import type { AddrView, LinkView, NeighView, RouteView, SocketView } from '../netfmt/types';
import { broadcastOf, formatIp, linkLocalV6, parseCidr } from '../../net/ipv4';
import { devicesOf } from '../../net/netns';
import { linkDetails } from './link-details';
import { ViewLookups } from './view-lookups';
import { peek } from '../../core/raw-view';

function carrier(net: NetState, look: ViewLookups, dev: DeviceState): boolean {
  if (!dev.up) return false;
  if (dev.kind === 'bridge') return look.bridgeHasCarrier(dev);
  if (dev.kind === 'veth') return !!dev.peer && !!net.devices[dev.peer]?.up;
  // vlan/macvlan/ipvlan follow their lower device's state (netif_stacked_transfer_operstate).
  if (dev.parent) {
    const lower = net.devices[dev.parent];
    return !!lower && carrier(net, look, lower);
  }
  return true;
}

/** Devices created with ether_setup() have txqueuelen 1000; veths and bridges none. */
const QLEN_1000 = new Set(['loopback', 'ether', 'vlan', 'macvlan', 'ipvlan', 'dummy']);

function addrViews(net: NetState, look: ViewLookups, dev: DeviceState, isContainer: boolean): AddrView[] {
  const v4: AddrView[] = dev.addrs.map((a) => {
    const c = parseCidr(`${a.ip}/${a.prefix}`)!;
    const brd = a.prefix < 31 && dev.kind !== 'loopback' ? formatIp(broadcastOf(c)) : undefined;
    return { family: 4, address: a.ip, prefix: a.prefix, broadcast: brd, scope: a.ip.startsWith('127.') ? 'host' : 'global', label: dev.name };
  });
  const v6: AddrView[] = [];
  if (dev.kind === 'loopback') v6.push({ family: 6, address: '::1', prefix: 128, scope: 'host' });
  // Docker ≥27 disables IPv6 on container interfaces of IPv4-only networks; the host keeps its link-local addresses.
  else if (!isContainer && carrier(net, look, dev)) v6.push({ family: 6, address: linkLocalV6(dev.mac), prefix: 64, scope: 'link' });
  return [...v4, ...v6];
}

export function isContainerNs(ctx: LabCtx, ns: NsState): boolean {
  return ctx.state.machines[ns.machine]?.rootNs !== ns.id && ctx.state.machines[ns.machine]?.kind === 'docker-host';
}

/** The links of `ns`, with their counters; `details` adds what `ip -d` shows (commands/net/link-details.ts). */
export function linkViews(ctx: LabCtx, ns: NsState, opts: { details?: boolean } = {}): LinkView[] {
  // Only reads, and the views hold copies, no model objects: the raw state, not the undo journal's
  // view of it (a proxied read per field of a thousand devices was most of `ip a` on a big host).
  const net = peek(ctx.state.net);
  const inContainer = isContainerNs(ctx, ns);
  const look = new ViewLookups(ctx);
  return devicesOf(net, peek(ns)).map((dev) => {
    const view: LinkView = {
      stats: { rxBytes: dev.rxBytes ?? 0, rxPackets: dev.rxPackets, txBytes: dev.txBytes ?? 0, txPackets: dev.txPackets },
      ifindex: dev.ifindex,
      name: dev.name,
      kind: dev.kind,
      up: dev.up,
      carrier: carrier(net, look, dev),
      mtu: dev.mtu,
      mac: dev.mac,
      addrs: addrViews(net, look, dev, inContainer),
      qlen: dev.txqlen ?? (QLEN_1000.has(dev.kind) ? 1000 : undefined),
      // dummy devices and l3 ipvlans are IFF_NOARP.
      noarp: dev.kind === 'dummy' || (dev.kind === 'ipvlan' && dev.mode === 'l3') || undefined,
      // Only a user's `ip link set DEV promisc on` shows PROMISC: the promiscuity the kernel
      // turns on for a macvlan parent is internal (dev_get_flags() reports gflags only),
      // so a Docker host's eth0 looks the same with or without macvlan containers.
      promisc: dev.promisc || undefined,
      // Debian 12 hosts default to fq_codel on their NICs (net.core.default_qdisc).
      qdisc: dev.kind === 'ether' && dev.up ? 'fq_codel' : undefined,
    };
    const peer = dev.peer ? net.devices[dev.peer] : undefined;
    if (peer && peer.ns !== ns.id) {
      view.peerIfindex = peer.ifindex;
      view.linkNetnsId = look.netnsId(ns.machine, peer.ns);
    } else if (peer) view.parentName = peer.name;
    // A vlan/macvlan/ipvlan names its lower device: `eth0.10@eth0` on the host,
    // `eth0@if2` in a container (the lower device lives in the host's namespace).
    const lower = dev.parent ? net.devices[dev.parent] : undefined;
    if (lower && lower.ns !== ns.id) {
      view.peerIfindex = lower.ifindex;
      view.linkNetnsId = look.netnsId(ns.machine, lower.ns);
    } else if (lower) {
      view.parentName = lower.name;
      view.parentDown = !lower.up;
    }
    if (dev.master) view.master = net.devices[dev.master]?.name;
    if (opts.details) view.details = linkDetails(ctx, dev, view.carrier, look);
    return view;
  });
}

export function routeViews(ctx: LabCtx, ns: NsState): RouteView[] {
  const net = ctx.state.net;
  const look = new ViewLookups(ctx);
  // The kernel dumps its FIB trie in address order, default route first.
  const key = (dst: string) => (dst === 'default' ? -1 : (parseCidr(dst)?.base ?? 0));
  // The kernel deletes the routes of a device that is down; the model keeps them (lookupRoute skips them), ip hides them.
  const ordered = [...ns.routes].filter((r) => net.devices[r.dev]?.up !== false).sort((a, b) => key(a.dst) - key(b.dst));
  return ordered.map((r) => {
    const dev = net.devices[r.dev];
    return { dst: r.dst, via: r.via, dev: dev?.name, proto: r.proto, scope: r.scope, src: r.src, metric: r.metric, linkdown: dev ? !carrier(net, look, dev) : false };
  });
}

export function neighViews(ctx: LabCtx, ns: NsState): NeighView[] {
  return Object.entries(ns.neigh).map(([ip, n]) => ({
    ip,
    dev: ctx.state.net.devices[n.dev]?.name ?? '?',
    mac: n.mac,
    state: n.state,
  }));
}

export function socketViews(ns: NsState): SocketView[] {
  return ns.sockets.map((s, i) => ({
    proto: s.proto,
    localIp: s.ip,
    localPort: s.port,
    state: s.proto === 'tcp' ? 'LISTEN' : 'CLOSE',
    sendQ: s.proto === 'tcp' ? (s.program.startsWith('nginx') ? 511 : 4096) : 0,
    processes: s.pid > 0 ? [{ name: s.program.split(':')[0], pid: s.pid, fd: 3 + i, cmdline: s.program }] : undefined,
  }));
}

/**
 * Sockets as a process in `ns` sees them: inside a container the main
 * process is PID 1 (its own PID namespace), so `netstat -p` there reads
 * `1/nginx: master pro`; on the host the real (host) PIDs show. The
 * embedded DNS listeners (pid 0) belong to dockerd in another PID namespace:
 * `-`. The program name ss prints is the command name (`nginx`, `docker-proxy`).
 */
export function socketViewsIn(ctx: LabCtx, ns: NsState): SocketView[] {
  const docker = ctx.state.machines[ns.machine]?.docker;
  const inContainer = isContainerNs(ctx, ns);
  const main = new Set(docker ? Object.values(docker.containers).filter((c) => c.netnsId === ns.id && c.pid).map((c) => c.pid) : []);
  const user = socketViews(ns).map((v, i) => {
    const s = ns.sockets[i];
    if (!v.processes || !inContainer) return v;
    const pid = main.has(s.pid) ? 1 : s.pid;
    return { ...v, processes: v.processes.map((p) => ({ ...p, pid })) };
  });
  return [...user, ...vxlanSocketViews(ctx, ns)];
}

/**
 * The kernel's own UDP sockets of the VXLAN devices whose underlay is this
 * namespace (Docker creates each overlay's vxlan0 in the host namespace and
 * then moves it, so the socket stays on the host): one per port, bound to
 * the wildcard address, owned by no process — `ss -lun` on a swarm node
 * lists `0.0.0.0:4789` without a `users:` column.
 */
function vxlanSocketViews(ctx: LabCtx, ns: NsState): SocketView[] {
  const ports = new Set<number>();
  for (const dev of Object.values(ctx.state.net.devices)) if (dev.vxlan?.linkNs === ns.id) ports.add(dev.vxlan.port);
  return [...ports].sort((a, b) => a - b).map((port) => ({ proto: 'udp' as const, localIp: '0.0.0.0', localPort: port, state: 'CLOSE' as const }));
}

export interface BridgeInfo {
  dev: DeviceState;
  ports: DeviceState[];
}

/** The namespace's bridges and the devices enslaved to each, ports in ifindex order. */
export function bridgesOf(ctx: LabCtx, ns: NsState): BridgeInfo[] {
  const devs = devicesOf(ctx.state.net, ns);
  // One pass groups the ports by bridge (devs is in ifindex order already), not one pass per bridge.
  const portsOf = new Map<string, DeviceState[]>();
  for (const d of devs) if (d.master) (portsOf.get(d.master) ?? portsOf.set(d.master, []).get(d.master)!).push(d);
  return devs.filter((d) => d.kind === 'bridge').map((dev) => ({ dev, ports: portsOf.get(dev.id) ?? [] }));
}
