/**
 * Network namespaces and the devices in them: create, look up, move, delete.
 * Interface indexes come from a per-machine counter, as the kernel hands them
 * out: the two ends of a veth pair get consecutive numbers, which is why a
 * container's `eth0@if28` pairs with the host's `veth…@if27`.
 */
import type { Addr, DeviceKind, DeviceState, NetState, NsState } from './state';
import { emptyNetfilter } from '../netfilter/state';
import { emptyConntrack } from '../netfilter/conntrack';

export function createNamespace(net: NetState, machine: string, name?: string): NsState {
  const id = `ns${net.nextId++}`;
  const ns: NsState = {
    id,
    machine,
    name,
    devices: [],
    routes: [],
    neigh: {},
    nf: emptyNetfilter(),
    conntrack: emptyConntrack(),
    sockets: [],
    forwarding: false,
    defaultTtl: 64,
  };
  net.namespaces[id] = ns;
  if (net.nextIfindex[machine] === undefined) net.nextIfindex[machine] = 2;
  addDevice(net, ns, { name: 'lo', kind: 'loopback', mac: '00:00:00:00:00:00', mtu: 65536, ifindex: 1 });
  const lo = deviceByName(net, ns, 'lo')!;
  lo.up = true;
  lo.addrs.push({ ip: '127.0.0.1', prefix: 8 });
  return ns;
}

export interface NewDevice {
  name: string;
  kind: DeviceKind;
  mac: string;
  mtu?: number;
  ifindex?: number;
}

export function addDevice(net: NetState, ns: NsState, spec: NewDevice): DeviceState {
  const ifindex = spec.ifindex ?? net.nextIfindex[ns.machine]++;
  const dev: DeviceState = {
    id: `d${net.nextId++}`,
    ns: ns.id,
    name: spec.name,
    ifindex,
    kind: spec.kind,
    mac: spec.mac,
    mtu: spec.mtu ?? 1500,
    up: false,
    addrs: [],
    rxPackets: 0,
    txPackets: 0,
  };
  net.devices[dev.id] = dev;
  ns.devices.push(dev.id);
  return dev;
}

export function devicesOf(net: NetState, ns: NsState): DeviceState[] {
  return ns.devices.map((id) => net.devices[id]).sort((a, b) => a.ifindex - b.ifindex);
}

export function deviceByName(net: NetState, ns: NsState, name: string): DeviceState | undefined {
  for (const id of ns.devices) if (net.devices[id].name === name) return net.devices[id];
  return undefined;
}

/** Moves a device into another namespace (`ip link set X netns Y`); it goes down, as in Linux. */
export function moveDevice(net: NetState, dev: DeviceState, to: NsState): void {
  const from = net.namespaces[dev.ns];
  from.devices = from.devices.filter((id) => id !== dev.id);
  from.routes = from.routes.filter((r) => r.dev !== dev.id);
  dev.ns = to.id;
  dev.up = false;
  to.devices.push(dev.id);
}

export function renameDevice(dev: DeviceState, name: string): void {
  dev.name = name;
}

/** Deletes a device; deleting one end of a veth pair deletes the other, as the kernel does. */
export function deleteDevice(net: NetState, dev: DeviceState): void {
  const peer = dev.peer ? net.devices[dev.peer] : undefined;
  removeOne(net, dev);
  if (peer) removeOne(net, peer);
  for (const d of Object.values(net.devices)) {
    if (d.master === dev.id) delete d.master;
    if (d.fdb) for (const [mac, port] of Object.entries(d.fdb)) if (port === dev.id) delete d.fdb[mac];
  }
}

function removeOne(net: NetState, dev: DeviceState): void {
  const ns = net.namespaces[dev.ns];
  if (ns) {
    ns.devices = ns.devices.filter((id) => id !== dev.id);
    ns.routes = ns.routes.filter((r) => r.dev !== dev.id);
    for (const [ip, n] of Object.entries(ns.neigh)) if (n.dev === dev.id) delete ns.neigh[ip];
  }
  if (dev.segment) {
    const seg = net.segments[dev.segment];
    if (seg) seg.ports = seg.ports.filter((p) => p !== dev.id);
  }
  delete net.devices[dev.id];
}

export function deleteNamespace(net: NetState, ns: NsState): void {
  for (const id of [...ns.devices]) {
    const dev = net.devices[id];
    if (dev) deleteDevice(net, dev);
  }
  delete net.namespaces[ns.id];
}

/** Adds an address and, like the kernel, the connected route for its subnet. */
export function addAddress(ns: NsState, dev: DeviceState, addr: Addr, connectedRoute = true): void {
  dev.addrs.push(addr);
  if (!connectedRoute || addr.prefix === 32) return;
  const dst = subnetOf(addr);
  if (!ns.routes.some((r) => r.dst === dst && r.dev === dev.id)) {
    ns.routes.push({ dst, dev: dev.id, proto: 'kernel', scope: 'link', src: addr.ip });
  }
}

export function subnetOf(addr: Addr): string {
  const parts = addr.ip.split('.').map(Number);
  const n = ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
  const mask = addr.prefix === 0 ? 0 : (0xffffffff << (32 - addr.prefix)) >>> 0;
  const base = (n & mask) >>> 0;
  return `${[base >>> 24, (base >>> 16) & 255, (base >>> 8) & 255, base & 255].join('.')}/${addr.prefix}`;
}

/** Every IPv4 address configured in a namespace. */
export function localAddresses(net: NetState, ns: NsState): string[] {
  return ns.devices.flatMap((id) => net.devices[id].addrs.map((a) => a.ip));
}

export function isLocalAddress(net: NetState, ns: NsState, ip: string): boolean {
  if (ip.startsWith('127.')) return true;
  return ns.devices.some((id) => net.devices[id].addrs.some((a) => a.ip === ip));
}
