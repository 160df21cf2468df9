/**
 * Swarm-scoped networks: created and removed by a manager in the cluster
 * store, and instantiated on each host as a `NetworkState` record.
 *
 * Which hosts list a swarm network (`docker network ls`): every manager
 * lists them all (it reads the cluster store); a worker lists `ingress`
 * and, lazily, the networks its own running containers or tasks use — the
 * overlay tutorial's "notice that test-net does not yet exist" on host2;
 * the network goes again when the last of them stops (the attachment is
 * detached and the managed network deleted).
 */
import type { LabCtx } from '../../world/ctx';
import type { NetworkState } from '../state';
import type { ClusterNetwork, ClusterState } from './state';
import type { NetworkCreateOptions } from '../networks';
import { daemonError, type DaemonError } from '../errors';
import { firstHost } from '../ipam';
import { ERR_NO_MANAGER, ERR_NOT_MANAGER, ERR_WORKER_NETWORK } from './errors';
import { clusterOf, isManager, memberHosts, membershipOf, touch } from './store';
import { allocateGlobalSubnet, nextVni, subnetOverlaps } from './ipam';
import { swarmId } from './ids';
import { attachmentsOf } from './netdb';
import { releaseNetworkOnHost } from './host-network';
import { joinIngress, leaveIngress } from './ingress';
import { allServices } from './services/store';

export const VXLAN_OPTION = 'com.docker.network.driver.overlay.vxlanid_list';

/** The host's record of a swarm network (what `network ls/inspect` read). */
export function instantiateRecord(cnet: ClusterNetwork): NetworkState {
  const cfg: NonNullable<NetworkState['ipam']['config']>[number] = { subnet: cnet.subnet, gateway: cnet.gateway };
  if (cnet.ipRange) cfg.ipRange = cnet.ipRange;
  if (cnet.auxAddresses && Object.keys(cnet.auxAddresses).length) cfg.auxAddresses = { ...cnet.auxAddresses };
  return {
    id: cnet.id, name: cnet.name, driver: 'overlay', scope: 'swarm', created: cnet.created, createdNanos: cnet.createdNanos,
    internal: cnet.internal, attachable: cnet.attachable, ingress: cnet.ingress,
    ipam: { driver: 'default', options: cnet.ipamOptions ? { ...cnet.ipamOptions } : null, config: [cfg] },
    userSubnet: cnet.userSubnet,
    options: { [VXLAN_OPTION]: String(cnet.vni), ...cnet.options },
    labels: { ...cnet.labels }, allocated: {}, predefined: false,
  };
}

/** A new swarm network in the cluster store (no host gets plumbing until an endpoint needs it). */
export function newClusterNetwork(ctx: LabCtx, cluster: ClusterState, o: NetworkCreateOptions & { ingress?: boolean }): ClusterNetwork | DaemonError {
  let subnet = o.subnet;
  if (subnet && subnetOverlaps(cluster, subnet)) return daemonError('Pool overlaps with other one on this address space');
  subnet ??= allocateGlobalSubnet(cluster);
  if (!subnet) return daemonError('all predefined address pools have been fully subnetted');
  const gateway = o.gateway ?? firstHost(subnet);
  const options = { ...(o.options ?? {}) };
  const asked = Number(options[VXLAN_OPTION]?.split(',')[0]);
  delete options[VXLAN_OPTION];
  const allocated: Record<string, string> = { [gateway]: 'gateway' };
  for (const ip of Object.values(o.auxAddresses ?? {})) allocated[ip] = 'aux';
  ctx.clock.advance(30);
  const net: ClusterNetwork = {
    id: swarmId(ctx.rng), name: o.name, vni: Number.isInteger(asked) && asked > 0 ? asked : nextVni(cluster), subnet, gateway,
    userSubnet: !!o.subnet, internal: !!o.internal, attachable: !!o.attachable, ingress: !!o.ingress,
    options, labels: { ...(o.labels ?? {}) }, ipamOptions: null, created: ctx.clock.now(), createdNanos: ctx.rng.int(0, 999999), allocated,
  };
  if (o.ipRange) net.ipRange = o.ipRange;
  if (o.auxAddresses && Object.keys(o.auxAddresses).length) net.auxAddresses = { ...o.auxAddresses };
  cluster.networks[net.id] = net;
  touch(ctx, cluster);
  return net;
}

/** `docker network create -d overlay` on this host (moby: ManagerRedirectError → Cluster.CreateNetwork). */
export function createSwarmNetwork(ctx: LabCtx, machine: string, o: NetworkCreateOptions): NetworkState | DaemonError {
  if (!membershipOf(ctx, machine)) return daemonError(ERR_NO_MANAGER);
  const cluster = clusterOf(ctx, machine);
  if (!cluster || !isManager(ctx, machine)) return daemonError(ERR_WORKER_NETWORK);
  if (Object.values(cluster.networks).some((n) => n.name === o.name)) return daemonError(`network with name ${o.name} already exists`);
  const refused = o.ingress ? ingressRefusal(cluster, o) : undefined;
  if (refused) return refused;
  const cnet = newClusterNetwork(ctx, cluster, o);
  if ('daemonError' in cnet) return cnet;
  syncClusterRecords(ctx, cluster);
  // A new routing-mesh network: every node brings its ingress sandbox up on it (ingress_sbox).
  if (cnet.ingress) for (const host of memberHosts(ctx, cluster)) joinIngress(ctx, host, cluster);
  return ctx.docker(machine).networks[cnet.id];
}

/** swarmkit controlapi CreateNetwork: one ingress network at a time, never attachable. */
function ingressRefusal(cluster: ClusterState, o: NetworkCreateOptions): DaemonError | undefined {
  const existing = Object.values(cluster.networks).find((n) => n.ingress);
  if (existing) return daemonError(`rpc error: code = AlreadyExists desc = ingress network (${existing.id}) is already present`);
  if (o.attachable) return daemonError('rpc error: code = InvalidArgument desc = ingress network cannot be attachable');
  return undefined;
}

/**
 * `docker network rm` of a swarm network (swarmkit controlapi RemoveNetwork):
 * refused while a service names it (or, for ingress, publishes a port through
 * it), then while a container — a task, or a standalone container's
 * attachment — uses it anywhere.
 */
export function removeSwarmNetwork(ctx: LabCtx, machine: string, net: NetworkState): DaemonError | undefined {
  const cluster = clusterOf(ctx, machine);
  if (!cluster || !isManager(ctx, machine)) return daemonError(ERR_NOT_MANAGER);
  const cnet = cluster.networks[net.id];
  if (!cnet) return daemonError(`network ${net.name} not found`);
  const services = allServices(cluster);
  const meshUser = cnet.ingress ? services.find((s) => s.spec.ports.some((p) => p.publishMode === 'ingress')) : undefined;
  if (meshUser) return daemonError(`rpc error: code = FailedPrecondition desc = ingress network cannot be removed because service ${meshUser.id} depends on it`);
  const user = services.find((s) => s.spec.networks.includes(cnet.id));
  if (user) return daemonError(`rpc error: code = FailedPrecondition desc = network ${cnet.id} is in use by service ${user.id}`);
  const task = attachmentsOf(cluster, cnet.id).find((a) => a.kind === 'container');
  if (task) return daemonError(`rpc error: code = FailedPrecondition desc = network ${cnet.id} is in use by task ${task.id}`);
  for (const host of memberHosts(ctx, cluster)) {
    if (cnet.ingress) leaveIngress(ctx, host, cluster, false);
    else releaseNetworkOnHost(ctx, host, cluster, cnet.id);
  }
  delete cluster.networks[cnet.id];
  touch(ctx, cluster);
  syncClusterRecords(ctx, cluster);
  return undefined;
}

/** Which swarm networks a host lists: all on managers; on workers ingress and the ones in local use. */
export function syncNetworkRecords(ctx: LabCtx, machine: string): void {
  const docker = ctx.docker(machine);
  const m = membershipOf(ctx, machine);
  const cluster = clusterOf(ctx, machine);
  const manager = isManager(ctx, machine);
  const wanted = (cnet: ClusterNetwork) => manager || cnet.ingress || !!m?.sandboxes[cnet.id];
  for (const net of Object.values(docker.networks)) {
    if (net.scope !== 'swarm') continue;
    const cnet = cluster?.networks[net.id];
    if (!cnet || !wanted(cnet)) delete docker.networks[net.id];
  }
  for (const cnet of Object.values(cluster?.networks ?? {})) {
    if (wanted(cnet) && !docker.networks[cnet.id]) docker.networks[cnet.id] = instantiateRecord(cnet);
  }
}

export function syncClusterRecords(ctx: LabCtx, cluster: ClusterState): void {
  for (const host of memberHosts(ctx, cluster)) syncNetworkRecords(ctx, host);
}

/** name, full ID, unique ID prefix (libnetwork's lookup order). */
export function findClusterNetwork(cluster: ClusterState, ref: string): ClusterNetwork | undefined {
  const all = Object.values(cluster.networks);
  const exact = all.find((n) => n.name === ref) ?? all.find((n) => n.id === ref);
  if (exact) return exact;
  const byPrefix = all.filter((n) => ref.length > 0 && n.id.startsWith(ref));
  return byPrefix.length === 1 ? byPrefix[0] : undefined;
}

/**
 * A container on this host names a network the host does not have (yet, or
 * any more): a swarm network the worker has not instantiated, or dropped
 * when its last container stopped (daemon.FindNetwork falls back to the
 * cluster, findAndAttachNetwork). The record appears; the plumbing waits
 * for the endpoint.
 */
export function ensureSwarmNetworkRecord(ctx: LabCtx, machine: string, ref: string): void {
  const cluster = clusterOf(ctx, machine);
  if (!cluster) return;
  const docker = ctx.docker(machine);
  if (Object.values(docker.networks).some((n) => n.name === ref || n.id === ref)) return;
  const cnet = findClusterNetwork(cluster, ref);
  if (cnet && !docker.networks[cnet.id]) docker.networks[cnet.id] = instantiateRecord(cnet);
}
