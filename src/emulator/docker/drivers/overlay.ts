/**
 * The overlay driver's plumbing on one host (moby libnetwork
 * drivers/overlay ov_network.go, joinleave.go), as real objects of the
 * network model:
 *
 *   overlay namespace 1-<net id[:10]>           container namespace
 *   ┌──────────────────────────────────┐        ┌──────────────────┐
 *   │ br0 (gateway IP, e.g. 10.0.1.1/24)│──vethN═══ eth0 10.0.1.3   │
 *   │  └─ vxlan0 (VNI 4097, proxy ARP)  │        └──────────────────┘
 *   └──────────│───────────────────────┘
 *              └ its UDP socket is in the host namespace: VXLAN on eth0 (net/vxlan.ts)
 *
 * Overlay MTUs are 1450 (1500 minus the VXLAN overhead) and endpoint MACs
 * are 02:42 followed by the IP's four bytes (REFERENCE 3.4). Which peers the
 * VTEP knows is the network DB's business (docker/swarm/netdb.ts).
 */
import type { LabCtx } from '../../world/ctx';
import type { DeviceState } from '../../net/state';
import type { OverlaySandbox } from '../swarm/state';
import { addAddress, createNamespace, deleteDevice, deleteNamespace, deviceByName, moveDevice } from '../../net/netns';
import { attachToBridge, createBridge, createVethPair } from '../../net/links';
import { randomMac } from '../../net/ipv4';
import { createVxlan, VXLAN_OVERHEAD } from '../../net/vxlan';
import { vethName } from '../ids';

export const OVERLAY_MTU = 1500 - VXLAN_OVERHEAD;

export interface OverlayNetworkSpec {
  id: string;
  vni: number;
  subnet: string;
  gateway: string;
  encrypted: boolean;
  /** The MTU of its devices when `com.docker.network.driver.mtu` was given (overlayMtu); else OVERLAY_MTU. */
  mtu?: number;
}

/**
 * libnetwork's overlay maxMTU(): the driver option names the underlay's MTU
 * (1500 by default) and the overlay's devices get that less the VXLAN
 * encapsulation — `--opt com.docker.network.driver.mtu=1400` gives 1350.
 */
export function overlayMtu(options: Record<string, string>): number | undefined {
  const underlay = Number(options['com.docker.network.driver.mtu']);
  return Number.isInteger(underlay) && underlay > VXLAN_OVERHEAD ? underlay - VXLAN_OVERHEAD : undefined;
}

export interface UnderlaySpec {
  /** The node's advertise address: VXLAN source. */
  local: string;
  port: number;
}

/** Creates the overlay namespace with br0 (holding the gateway address) and vxlan0. */
export function createOverlaySandbox(ctx: LabCtx, machine: string, net: OverlayNetworkSpec, under: UnderlaySpec): OverlaySandbox {
  const model = ctx.state.net;
  const ns = createNamespace(model, machine);
  const mtu = net.mtu ?? OVERLAY_MTU;
  const br = createBridge(model, ns, 'br0', randomMac(ctx.rng.hex(12)), mtu);
  addAddress(ns, br, { ip: net.gateway, prefix: Number(net.subnet.split('/')[1]) });
  br.up = true;
  const hostNs = ctx.rootNs(machine);
  // Created in the host namespace (`vx-<vni hex>-<id[:5]>`), then moved in and renamed: the socket stays behind.
  const vx = createVxlan(model, hostNs, `vx-${net.vni.toString(16).padStart(6, '0')}-${net.id.slice(0, 5)}`, randomMac(ctx.rng.hex(12)), {
    vni: net.vni, local: under.local, linkNs: hostNs.id, port: under.port, proxy: true, fdb: {}, encrypted: net.encrypted,
  }, mtu);
  moveDevice(model, vx, ns);
  vx.name = 'vxlan0';
  attachToBridge(vx, br);
  vx.up = true;
  return { networkId: net.id, nsId: ns.id, dockerNsName: `1-${net.id.slice(0, 10)}`, legs: {}, known: [] };
}

export function destroyOverlaySandbox(ctx: LabCtx, sandbox: OverlaySandbox): void {
  for (const id of [sandbox.nsId, sandbox.lbNsId]) {
    const ns = id ? ctx.state.net.namespaces[id] : undefined;
    if (ns) deleteNamespace(ctx.state.net, ns);
  }
}

export function overlayBridge(ctx: LabCtx, sandbox: OverlaySandbox): DeviceState | undefined {
  const ns = ctx.state.net.namespaces[sandbox.nsId];
  return ns ? deviceByName(ctx.state.net, ns, 'br0') : undefined;
}

export function overlayVtep(ctx: LabCtx, sandbox: OverlaySandbox): DeviceState | undefined {
  const ns = ctx.state.net.namespaces[sandbox.nsId];
  return ns ? deviceByName(ctx.state.net, ns, 'vxlan0') : undefined;
}

export interface LegSpec {
  /** The attachment the leg belongs to (its key in sandbox.legs). */
  attachmentId: string;
  /** The namespace that gets the endpoint (a container's, the LB's, ingress_sbox). */
  targetNsId: string;
  ifname: string;
  ip: string;
  prefix: number;
  mac: string;
}

/** A veth pair: `ifname` in the target namespace, `vethN` on br0 in the overlay namespace. */
export function plugLeg(ctx: LabCtx, machine: string, sandbox: OverlaySandbox, leg: LegSpec): DeviceState {
  const model = ctx.state.net;
  const hostNs = ctx.rootNs(machine);
  const overlayNs = ctx.ns(sandbox.nsId);
  const target = ctx.ns(leg.targetNsId);
  // The legs take br0's MTU (the network's), as the driver sets one MTU on every device of the network.
  const mtu = overlayBridge(ctx, sandbox)?.mtu ?? OVERLAY_MTU;
  const [inside, outside] = createVethPair(model, hostNs, vethName(ctx.rng), leg.mac, vethName(ctx.rng), randomMac(ctx.rng.hex(12)), mtu);
  moveDevice(model, outside, overlayNs);
  outside.name = nextVethName(sandbox);
  attachToBridge(outside, overlayBridge(ctx, sandbox)!);
  outside.up = true;
  moveDevice(model, inside, target);
  inside.name = leg.ifname;
  inside.up = true;
  addAddress(target, inside, { ip: leg.ip, prefix: leg.prefix });
  sandbox.legs[leg.attachmentId] = outside.name;
  return inside;
}

/** Removes a leg (deleting the overlay end deletes its peer, wherever it is). */
export function unplugLeg(ctx: LabCtx, sandbox: OverlaySandbox, attachmentId: string): void {
  const name = sandbox.legs[attachmentId];
  delete sandbox.legs[attachmentId];
  const ns = ctx.state.net.namespaces[sandbox.nsId];
  const dev = ns && name ? deviceByName(ctx.state.net, ns, name) : undefined;
  if (dev) deleteDevice(ctx.state.net, dev);
}

/** libnetwork's sandbox names moved-in interfaces with the next free index of their prefix. */
function nextVethName(sandbox: OverlaySandbox): string {
  const used = new Set(Object.values(sandbox.legs));
  for (let i = 0; ; i++) if (!used.has(`veth${i}`)) return `veth${i}`;
}
