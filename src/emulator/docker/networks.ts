/**
 * The network controller: create, remove and prune networks
 * (daemon/network.go + libnetwork controller). Drivers do the plumbing.
 */
import type { LabCtx } from '../world/ctx';
import type { DockerState, IpamConfig, NetworkState } from './state';
import { daemonError, type DaemonError } from './errors';
import { allocateSubnet, DEFAULT_LOCAL_POOLS, firstHost, subnetsInUse } from './ipam';
import { cidrOverlaps, parseCidr } from '../net/ipv4';
import { randomId } from './ids';
import { createDriverNetwork, deleteDriverNetwork, skipsGatewayAlloc } from './drivers/registry';
import { createSwarmNetwork, removeSwarmNetwork } from './swarm/networks';
import { networkEvent } from './events';

export interface NetworkCreateOptions {
  name: string;
  driver: string;
  subnet?: string;
  gateway?: string;
  ipRange?: string;
  auxAddresses?: Record<string, string>;
  internal?: boolean;
  attachable?: boolean;
  /** `--ingress`: the swarm's routing-mesh network (overlay only; docker/swarm/networks.ts). */
  ingress?: boolean;
  options?: Record<string, string>;
  labels?: Record<string, string>;
  ipamDriver?: string;
}

const PREDEFINED = ['bridge', 'host', 'none'];
const LOCAL_DRIVERS = ['bridge', 'macvlan', 'ipvlan'];

export function createNetwork(ctx: LabCtx, machine: string, o: NetworkCreateOptions): NetworkState | DaemonError {
  const docker = ctx.docker(machine);
  if (PREDEFINED.includes(o.name)) return daemonError(`operation is not permitted on predefined ${o.name} network `);
  if (Object.values(docker.networks).some((n) => n.name === o.name)) return daemonError(`network with name ${o.name} already exists`);
  // Swarm-scoped networks are the managers' business (docker/swarm/networks.ts); outside a swarm this
  // still answers 'This node is not a swarm manager. Use "docker swarm init"…'.
  if (o.driver === 'overlay') return createSwarmNetwork(ctx, machine, o);
  if (o.driver === 'host' || o.driver === 'null') return daemonError(`only one instance of "${o.driver}" network is allowed`);
  if (!LOCAL_DRIVERS.includes(o.driver)) return daemonError(`plugin "${o.driver}" not found`);
  // As in libnetwork: IPAM first (a macvlan network without --subnet gets the next
  // free local pool like any local network), then the driver, which may refuse.
  const ipam = buildIpam(ctx, machine, docker, o);
  if ('daemonError' in ipam) return ipam;
  const net = newNetworkRecord(ctx, o, ipam);
  const refused = createDriverNetwork(ctx, machine, net);
  if (refused) return refused;
  docker.networks[net.id] = net;
  networkEvent(ctx, machine, net, 'create');
  return net;
}

function buildIpam(ctx: LabCtx, machine: string, docker: DockerState, o: NetworkCreateOptions): IpamConfig | DaemonError {
  const taken = subnetsInUse(Object.values(docker.networks));
  let subnet = o.subnet;
  if (subnet) {
    const want = parseCidr(subnet)!;
    if (taken.some((t) => cidrOverlaps(parseCidr(t)!, want))) return daemonError('Pool overlaps with other one on this address space');
  } else {
    const routes = ctx.rootNs(machine).routes.filter((r) => r.dst !== 'default').map((r) => r.dst);
    subnet = allocateSubnet(docker.config.defaultAddressPools ?? DEFAULT_LOCAL_POOLS, taken, routes);
    if (!subnet) return daemonError('all predefined address pools have been fully subnetted');
  }
  // macvlan/ipvlan may skip the gateway address (drivers/registry.ts, GetSkipGwAlloc).
  const skipGw = skipsGatewayAlloc(o.driver, o.options ?? {}, !!o.internal);
  const cfg: IpamConfig = { subnet, gateway: o.gateway ?? (skipGw ? undefined : firstHost(subnet)) };
  if (!cfg.gateway) delete cfg.gateway;
  if (o.ipRange) cfg.ipRange = o.ipRange;
  if (o.auxAddresses && Object.keys(o.auxAddresses).length) cfg.auxAddresses = o.auxAddresses;
  return cfg;
}

function newNetworkRecord(ctx: LabCtx, o: NetworkCreateOptions, cfg: IpamConfig): NetworkState {
  const allocated: Record<string, string> = cfg.gateway ? { [cfg.gateway]: 'gateway' } : {};
  for (const ip of Object.values(cfg.auxAddresses ?? {})) allocated[ip] = 'aux';
  ctx.clock.advance(40);
  return {
    id: randomId(ctx.rng),
    name: o.name,
    driver: o.driver as NetworkState['driver'],
    scope: 'local',
    created: ctx.clock.now(),
    createdNanos: ctx.rng.int(0, 999999),
    internal: !!o.internal,
    attachable: !!o.attachable,
    ingress: false,
    ipam: { driver: o.ipamDriver ?? 'default', options: {}, config: [cfg] },
    userSubnet: !!o.subnet,
    // Docker 28 records the address families it enabled (REFERENCE 1.7).
    options: { 'com.docker.network.enable_ipv4': 'true', 'com.docker.network.enable_ipv6': 'false', ...(o.options ?? {}) },
    labels: o.labels ?? {},
    allocated,
    predefined: false,
  };
}

export function activeEndpoints(docker: DockerState, net: NetworkState): { name: string; id: string }[] {
  return Object.values(docker.endpoints)
    .filter((e) => e.networkId === net.id)
    .map((e) => ({ name: e.name, id: e.containerId }));
}

export function removeNetwork(ctx: LabCtx, machine: string, net: NetworkState): DaemonError | undefined {
  const docker = ctx.docker(machine);
  if (net.predefined) return daemonError(`${net.name} is a pre-defined network and cannot be removed`);
  // Swarm networks are removed from the cluster by a manager (docker/swarm/networks.ts).
  if (net.scope === 'swarm') return removeSwarmNetwork(ctx, machine, net);
  const active = activeEndpoints(docker, net);
  if (active.length) {
    const list = active.map((a) => `name:"${a.name}" id:"${a.id.slice(0, 12)}"`).join(', ');
    return daemonError(`error while removing network: network ${net.name} has active endpoints (${list})`);
  }
  deleteDriverNetwork(ctx, machine, net);
  delete docker.networks[net.id];
  networkEvent(ctx, machine, net, 'destroy');
  return undefined;
}

/**
 * Removes user networks without active endpoints and returns their names. A
 * stopped container has no endpoint, so its network goes too (daemon/prune.go
 * checks endpoints, not container configs) — starting it later fails.
 */
export function pruneNetworks(ctx: LabCtx, machine: string): string[] {
  const docker = ctx.docker(machine);
  const used = new Set(Object.values(docker.endpoints).map((e) => e.networkId));
  const removed: string[] = [];
  // The ingress network is never pruned (moby clusterNetworksPrune skips it).
  const candidates = Object.values(docker.networks).filter((n) => !n.predefined && !n.ingress && !used.has(n.id));
  for (const net of candidates.sort((a, b) => a.name.localeCompare(b.name))) {
    if (!removeNetwork(ctx, machine, net)) removed.push(net.name);
  }
  return removed;
}
