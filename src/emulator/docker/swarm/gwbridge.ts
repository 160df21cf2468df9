/**
 * docker_gwbridge (moby libnetwork default_gateway.go, default_gateway_linux.go):
 * the bridge that gives containers on overlay networks — which have no
 * gateway of their own — a way out. Docker creates it when the node joins a
 * swarm: a bridge network named and bridged `docker_gwbridge`, ICC off,
 * masquerading on, on the next free local pool (usually 172.18.0.0/16).
 *
 * A sandbox whose endpoints give it no default route (needDefaultGW) gets
 * one more, anonymous, endpoint on it: `gateway_<sandbox id[:12]>`, the
 * container's next ethN, with the default route through 172.18.0.1. The
 * ingress sandbox has one too (`gateway_ingress-sbox`).
 */
import type { LabCtx } from '../../world/ctx';
import type { ContainerState, EndpointState, NetworkState } from '../state';
import { daemonError, type DaemonError } from '../errors';
import { allocateAddress, allocateSubnet, DEFAULT_LOCAL_POOLS, firstHost, releaseAddress, subnetsInUse } from '../ipam';
import { createBridgeNetwork, joinBridge, leaveBridge } from '../drivers/bridge';
import { randomId } from '../ids';
import { randomMac } from '../../net/ipv4';
import { takeIfname } from '../sandbox';
import { addEndpointRecord, endpointsOfContainer, removeEndpointRecord } from '../endpoint-index';

export const GWBRIDGE = 'docker_gwbridge';

export function gwBridgeOf(ctx: LabCtx, machine: string): NetworkState | undefined {
  return Object.values(ctx.docker(machine).networks).find((n) => n.name === GWBRIDGE);
}

export function ensureGwBridge(ctx: LabCtx, machine: string): NetworkState | DaemonError {
  const existing = gwBridgeOf(ctx, machine);
  if (existing) return existing;
  const docker = ctx.docker(machine);
  const routes = ctx.rootNs(machine).routes.filter((r) => r.dst !== 'default').map((r) => r.dst);
  const subnet = allocateSubnet(docker.config.defaultAddressPools ?? DEFAULT_LOCAL_POOLS, subnetsInUse(Object.values(docker.networks)), routes);
  if (!subnet) return daemonError('all predefined address pools have been fully subnetted');
  const gateway = firstHost(subnet);
  ctx.clock.advance(40);
  const net: NetworkState = {
    id: randomId(ctx.rng), name: GWBRIDGE, driver: 'bridge', scope: 'local', created: ctx.clock.now(), createdNanos: ctx.rng.int(0, 999999),
    internal: false, attachable: false, ingress: false,
    // Created by libnetwork itself, not through the API: no IPAM options, no enable_ipv4/6 entries.
    ipam: { driver: 'default', options: null, config: [{ subnet, gateway }] }, userSubnet: false,
    options: {
      'com.docker.network.bridge.enable_icc': 'false',
      'com.docker.network.bridge.enable_ip_masquerade': 'true',
      'com.docker.network.bridge.name': GWBRIDGE,
    },
    labels: {}, bridgeName: GWBRIDGE, allocated: { [gateway]: 'gateway' }, predefined: false,
  };
  docker.networks[net.id] = net;
  createBridgeNetwork(ctx, machine, net);
  return net;
}

/**
 * Sandbox.needDefaultGW: some endpoint needs the outside and none gives a
 * gateway. Of the lab's drivers only overlay endpoints come without one and
 * without a way around it: macvlan/ipvlan endpoints without a gateway are on
 * internal networks or install their own connected default route (ipvlan
 * l3), which needDefaultGW also accepts.
 */
export function needsDefaultGateway(ctx: LabCtx, machine: string, c: ContainerState): boolean {
  const docker = ctx.docker(machine);
  let need = false;
  for (const ep of endpointsOfContainer(ctx, docker, c.id)) {
    if (ep.anonymous) continue;
    const net = docker.networks[ep.networkId];
    if (!net || net.internal || (net.driver !== 'overlay' && !ep.gateway)) continue;
    if (ep.gateway) return false;
    need = true;
  }
  return need;
}

/** Plugs a sandbox into docker_gwbridge as its next interface, with the default route. */
function plugGateway(ctx: LabCtx, machine: string, nsId: string, owner: string, name: string, kind: EndpointState['anonymous'], ifname: string): DaemonError | undefined {
  const gw = ensureGwBridge(ctx, machine);
  if ('daemonError' in gw) return gw;
  const cfg = gw.ipam.config![0];
  const id = randomId(ctx.rng);
  const ip = allocateAddress(gw, id);
  if (typeof ip !== 'string') return daemonError(ip.error);
  const ep: EndpointState = {
    id, networkId: gw.id, containerId: owner, name, ip, prefix: Number(cfg.subnet.split('/')[1]),
    mac: randomMac(ctx.rng.hex(12)), gateway: cfg.gateway ?? '', aliases: [], ifname, anonymous: kind,
  };
  addEndpointRecord(ctx.docker(machine), ep);
  joinBridge(ctx, machine, gw, ep, nsId, true);
  return undefined;
}

function unplugGateway(ctx: LabCtx, machine: string, owner: string, nsId: string | undefined): void {
  const docker = ctx.docker(machine);
  const gw = gwBridgeOf(ctx, machine);
  for (const ep of endpointsOfContainer(ctx, docker, owner)) {
    if (!ep.anonymous) continue;
    if (gw && nsId) leaveBridge(ctx, machine, gw, ep, nsId);
    if (gw) releaseAddress(gw, ep.ip);
    removeEndpointRecord(docker, ep.id);
  }
}

/** setupDefaultGW after the container's networks are joined. */
export function joinDefaultGateway(ctx: LabCtx, machine: string, c: ContainerState): DaemonError | undefined {
  const docker = ctx.docker(machine);
  const mine = endpointsOfContainer(ctx, docker, c.id);
  if (!c.netnsId || mine.some((e) => e.anonymous) || !needsDefaultGateway(ctx, machine, c)) return undefined;
  return plugGateway(ctx, machine, c.netnsId, c.id, `gateway_${(c.sandboxId ?? c.id).slice(0, 12)}`, 'gateway', takeIfname(c));
}

export function leaveDefaultGateway(ctx: LabCtx, machine: string, c: ContainerState): void {
  unplugGateway(ctx, machine, c.id, c.netnsId);
}

export const INGRESS_SBOX = 'ingress-sbox';

export function plugIngressGateway(ctx: LabCtx, machine: string, nsId: string): DaemonError | undefined {
  return plugGateway(ctx, machine, nsId, INGRESS_SBOX, `gateway_${INGRESS_SBOX}`, 'ingress-sbox', 'eth1');
}

export function unplugIngressGateway(ctx: LabCtx, machine: string, nsId: string | undefined): void {
  unplugGateway(ctx, machine, INGRESS_SBOX, nsId);
}
