/**
 * Endpoints: a container's attachment to a network (libnetwork Endpoint).
 * Joining allocates an address from IPAM, asks the driver to plumb it into
 * the sandbox, and refreshes the sandbox's /etc/hosts and resolv.conf.
 */
import type { LabCtx } from '../world/ctx';
import type { ContainerState, EndpointState, NetworkState } from './state';
import { daemonError, type DaemonError } from './errors';
import { allocateAddress, releaseAddress } from './ipam';
import { randomId } from './ids';
import { randomMac } from '../net/ipv4';
import { joinDriver, leaveDriver } from './drivers/registry';
import { peekIfname, refreshContainerFiles, takeIfname } from './sandbox';
import { ensureEmbeddedDns } from './embedded-dns-setup';
import { joinOverlay, leaveOverlay } from './swarm/attach';
import { networkEvent } from './events';
import { addEndpointRecord, endpointsOfContainer, removeEndpointRecord } from './endpoint-index';

export function endpointsOf(ctx: LabCtx, machine: string, c: ContainerState): EndpointState[] {
  return endpointsOfContainer(ctx, ctx.docker(machine), c.id);
}

/** Attaches a container to a network (its endpoint, address and driver plumbing); the daemon logs a `network connect` event. */
export function joinNetwork(ctx: LabCtx, machine: string, c: ContainerState, net: NetworkState): EndpointState | DaemonError {
  const ep = attachEndpoint(ctx, machine, c, net);
  if (!('daemonError' in ep)) networkEvent(ctx, machine, net, 'connect', c.id);
  return ep;
}

function attachEndpoint(ctx: LabCtx, machine: string, c: ContainerState, net: NetworkState): EndpointState | DaemonError {
  // Swarm networks: the managers allocate the address, the overlay driver plumbs it (docker/swarm/attach.ts).
  if (net.driver === 'overlay') return joinOverlay(ctx, machine, c, net);
  const docker = ctx.docker(machine);
  const spec = c.networks[net.name];
  const existing = endpointsOf(ctx, machine, c);
  if (existing.some((e) => e.networkId === net.id)) {
    return daemonError(`endpoint with name ${c.name} already exists in network ${net.name}`);
  }
  const cfg = net.ipam.config?.[0];
  if (!cfg) return daemonError(`network ${net.name} has no IPv4 configuration`);
  const id = randomId(ctx.rng);
  const ip = allocateAddress(net, id, spec?.ipv4);
  if (typeof ip !== 'string') return daemonError(ip.error);
  const ep: EndpointState = {
    id,
    networkId: net.id,
    containerId: c.id,
    name: c.name,
    ip,
    prefix: Number(cfg.subnet.split('/')[1]),
    // Docker 28's bridge and macvlan drivers give endpoints random MACs (REFERENCE 3.4);
    // ipvlan endpoints have none of their own (they share the parent's; inspect shows "").
    mac: net.driver === 'ipvlan' ? '' : randomMac(ctx.rng.hex(12)),
    gateway: net.internal ? '' : (cfg.gateway ?? ''),
    aliases: spec?.aliases ?? [],
    requestedIp: spec?.ipv4,
    ifname: peekIfname(c),
  };
  addEndpointRecord(docker, ep);
  const isGateway = !existing.some((e) => docker.networks[e.networkId] && !docker.networks[e.networkId].internal);
  const refused = joinDriver(ctx, machine, net, ep, c.netnsId!, isGateway);
  if (refused) {
    releaseAddress(net, ep.ip);
    removeEndpointRecord(docker, ep.id);
    return refused;
  }
  takeIfname(c);
  c.networks[net.name] = { ...(spec ?? { aliases: [] }), networkId: net.id, endpointId: ep.id, ip: ep.ip, mac: ep.mac, prefix: ep.prefix, gateway: ep.gateway };
  if (!net.predefined) ensureEmbeddedDns(ctx, machine, c);
  refreshContainerFiles(ctx, machine, c);
  return ep;
}

/** Detaches a container from a network; a `network disconnect` event when it had an endpoint there. */
export function leaveNetwork(ctx: LabCtx, machine: string, c: ContainerState, net: NetworkState): void {
  const attached = !!c.networks[net.name]?.endpointId;
  detachEndpoint(ctx, machine, c, net);
  if (attached) networkEvent(ctx, machine, net, 'disconnect', c.id);
}

function detachEndpoint(ctx: LabCtx, machine: string, c: ContainerState, net: NetworkState): void {
  if (net.driver === 'overlay') return leaveOverlay(ctx, machine, c, net);
  const docker = ctx.docker(machine);
  const ep = endpointsOf(ctx, machine, c).find((e) => e.networkId === net.id);
  if (!ep) return;
  if (c.netnsId) leaveDriver(ctx, machine, net, ep, c.netnsId);
  releaseAddress(net, ep.ip);
  removeEndpointRecord(docker, ep.id);
  const spec = c.networks[net.name];
  if (spec) {
    delete spec.endpointId;
    delete spec.ip;
    delete spec.mac;
  }
}
