/**
 * The bridge driver: one Linux bridge per network (docker0 for the default
 * one, br-<12 hex of the network ID> for the others) holding the gateway
 * address, and for each endpoint a veth pair whose host end is a bridge port
 * and whose other end becomes ethN inside the container's namespace.
 * Firewall rules come from fw.ts (Docker's iptables layout).
 */
import { advertiseAddress } from './advertise';
import type { LabCtx } from '../../world/ctx';
import type { EndpointState, NetworkState } from '../state';
import { addAddress, deleteDevice, deviceByName, moveDevice } from '../../net/netns';
import { attachToBridge, createBridge, createVethPair } from '../../net/links';
import { randomMac } from '../../net/ipv4';
import { vethName } from '../ids';
import { fwAddBridge, fwAddEndpoint, fwRemoveBridge, fwRemoveEndpoint } from '../fw';

export function bridgeDeviceName(net: NetworkState): string {
  return net.options['com.docker.network.bridge.name'] ?? `br-${net.id.slice(0, 12)}`;
}

export function createBridgeNetwork(ctx: LabCtx, machine: string, net: NetworkState): void {
  const hostNs = ctx.rootNs(machine);
  const name = net.bridgeName ?? bridgeDeviceName(net);
  net.bridgeName = name;
  const mtu = Number(net.options['com.docker.network.driver.mtu'] ?? 1500);
  const br = createBridge(ctx.state.net, hostNs, name, randomMac(ctx.rng.hex(12)), mtu);
  const cfg = net.ipam.config?.[0];
  if (cfg?.gateway) addAddress(hostNs, br, { ip: cfg.gateway, prefix: Number(cfg.subnet.split('/')[1]) });
  br.up = true;
  fwAddBridge(ctx, machine, net);
}

export function deleteBridgeNetwork(ctx: LabCtx, machine: string, net: NetworkState): void {
  const hostNs = ctx.rootNs(machine);
  const br = net.bridgeName ? deviceByName(ctx.state.net, hostNs, net.bridgeName) : undefined;
  if (br) deleteDevice(ctx.state.net, br);
  fwRemoveBridge(ctx, machine, net);
}

/** Creates the veth pair, moves one end into the sandbox as `ep.ifname`, addresses it. */
export function joinBridge(ctx: LabCtx, machine: string, net: NetworkState, ep: EndpointState, sandboxNsId: string, isGateway: boolean): void {
  const model = ctx.state.net;
  const hostNs = ctx.rootNs(machine);
  const sandbox = ctx.ns(sandboxNsId);
  const br = deviceByName(model, hostNs, net.bridgeName!)!;
  const hostName = vethName(ctx.rng);
  ep.hostVeth = hostName;
  // The container end is created first: inside gets ifindex N, the host end N+1
  // (REFERENCE 6.1: container `eth0@if28` is 27, host `veth…@if27` is 28).
  const [inside, outside] = createVethPair(model, hostNs, 'veth' + ctx.rng.hex(7), ep.mac, hostName, randomMac(ctx.rng.hex(12)), br.mtu);
  attachToBridge(outside, br);
  outside.up = true;
  moveDevice(model, inside, sandbox);
  inside.name = ep.ifname;
  inside.up = true;
  addAddress(sandbox, inside, { ip: ep.ip, prefix: ep.prefix });
  if (isGateway && ep.gateway && !net.internal) {
    sandbox.routes.push({ dst: 'default', via: ep.gateway, dev: inside.id });
  }
  fwAddEndpoint(ctx, machine, net, ep.ip);
  advertiseAddress(ctx, inside, ep.ip);
}

export function leaveBridge(ctx: LabCtx, machine: string, net: NetworkState, ep: EndpointState, sandboxNsId: string): void {
  fwRemoveEndpoint(ctx, machine, net, ep.ip);
  const sandbox = ctx.state.net.namespaces[sandboxNsId];
  const inside = sandbox ? deviceByName(ctx.state.net, sandbox, ep.ifname) : undefined;
  if (inside) deleteDevice(ctx.state.net, inside);
  else if (ep.hostVeth) {
    const outside = deviceByName(ctx.state.net, ctx.rootNs(machine), ep.hostVeth);
    if (outside) deleteDevice(ctx.state.net, outside);
  }
}
