/**
 * Standalone containers on swarm networks (moby daemon
 * findAndAttachNetwork → Cluster.AttachNetwork; swarmkit ResourceAllocator):
 * the node asks the managers for a network attachment, which is refused for
 * a network created without `--attachable`; the managers allocate the
 * address (serially, cluster-wide); the node brings the network up locally,
 * plugs the container in and publishes the endpoint in the network DB.
 *
 * Endpoint facts: the MAC is 02:42 + the IP (REFERENCE 3.4) and there is no
 * gateway — the container reaches the outside through a second interface on
 * docker_gwbridge (gwbridge.ts).
 */
import type { LabCtx } from '../../world/ctx';
import type { ContainerState, EndpointState, NetworkState } from '../state';
import { daemonError, type DaemonError } from '../errors';
import { macFromIp } from '../../net/ipv4';
import { randomId } from '../ids';
import { refreshContainerFiles, takeIfname } from '../sandbox';
import { ensureEmbeddedDns } from '../embedded-dns-setup';
import { plugLeg, unplugLeg } from '../drivers/overlay';
import { notAttachable } from './errors';
import { taskOfContainer } from './services/store';
import { swarmId } from './ids';
import { allocateSerial, releaseSerial } from './ipam';
import { clusterOf, membershipOf, touch } from './store';
import { syncPeers } from './netdb';
import { syncHostLoadBalancers } from './services/lb';
import { ensureNetworkOnHost, prefixOf, releaseNetworkOnHost } from './host-network';
import { addEndpointRecord, endpointsOfContainer, removeEndpointRecord } from '../endpoint-index';

function endpointOn(ctx: LabCtx, machine: string, c: ContainerState, net: NetworkState): EndpointState | undefined {
  return endpointsOfContainer(ctx, ctx.docker(machine), c.id).find((e) => e.networkId === net.id);
}

export function joinOverlay(ctx: LabCtx, machine: string, c: ContainerState, net: NetworkState): EndpointState | DaemonError {
  const cluster = clusterOf(ctx, machine);
  const cnet = cluster?.networks[net.id];
  if (!cluster || !cnet) return daemonError(`network ${net.name} not found`);
  // A service's task may join any of its networks; only standalone containers need --attachable.
  // (A task's container carries its task ID as a label: no scan of the task store for each of hundreds of joins.)
  const isTask = !!c.cli?.labels['com.docker.swarm.task.id'] || !!taskOfContainer(cluster, c.id);
  if (!cnet.attachable && !isTask) return daemonError(notAttachable(net.name));
  if (endpointOn(ctx, machine, c, net)) return daemonError(`endpoint with name ${c.name} already exists in network ${net.name}`);
  // The node's load balancer comes first: it takes the address before the container's.
  const sandbox = ensureNetworkOnHost(ctx, machine, cluster, cnet);
  const taskId = swarmId(ctx.rng);
  const ip = allocateSerial(cnet, taskId, c.networks[net.name]?.ipv4);
  if (typeof ip !== 'string') {
    releaseNetworkOnHost(ctx, machine, cluster, cnet.id);
    return daemonError(ip.error);
  }
  const ep = newEndpoint(ctx, machine, c, net, ip, prefixOf(cnet));
  plugLeg(ctx, machine, sandbox, { attachmentId: taskId, targetNsId: c.netnsId!, ifname: ep.ifname, ip, prefix: ep.prefix, mac: ep.mac });
  cluster.attachments[taskId] = {
    id: taskId, kind: 'container', networkId: net.id, nodeId: membershipOf(ctx, machine)!.nodeId, hostname: machine,
    ip, mac: ep.mac, name: c.name, aliases: ep.aliases, containerId: c.id, endpointId: ep.id,
  };
  ensureEmbeddedDns(ctx, machine, c);
  refreshContainerFiles(ctx, machine, c);
  touch(ctx, cluster);
  syncPeers(ctx, cluster, net.id);
  // A task's pass programs the load balancers when it ends; a standalone container's node does it now.
  if (!isTask) syncHostLoadBalancers(ctx, cluster, machine);
  return ep;
}

/** The endpoint record, on the host and in the container's settings: MAC from the IP, no gateway. */
function newEndpoint(ctx: LabCtx, machine: string, c: ContainerState, net: NetworkState, ip: string, prefix: number): EndpointState {
  const docker = ctx.docker(machine);
  const spec = c.networks[net.name];
  const ep: EndpointState = {
    id: randomId(ctx.rng), networkId: net.id, containerId: c.id, name: c.name, ip, prefix, mac: macFromIp(ip),
    gateway: '', aliases: spec?.aliases ?? [], requestedIp: spec?.ipv4,
    ifname: takeIfname(c),
  };
  addEndpointRecord(docker, ep);
  net.allocated[ip] = ep.id;
  c.networks[net.name] = { ...(spec ?? { aliases: [] }), networkId: net.id, endpointId: ep.id, ip, mac: ep.mac, prefix, gateway: '' };
  return ep;
}

export function leaveOverlay(ctx: LabCtx, machine: string, c: ContainerState, net: NetworkState): void {
  const docker = ctx.docker(machine);
  const ep = endpointOn(ctx, machine, c, net);
  if (!ep) return;
  const m = membershipOf(ctx, machine);
  const cluster = m ? ctx.state.swarm?.clusters[m.clusterId] : undefined;
  const row = cluster ? Object.values(cluster.attachments).find((a) => a.endpointId === ep.id) : undefined;
  const sandbox = m?.sandboxes[net.id];
  if (sandbox && row) unplugLeg(ctx, sandbox, row.id);
  const cnet = cluster?.networks[net.id];
  if (cnet) releaseSerial(cnet, ep.ip);
  delete net.allocated[ep.ip];
  removeEndpointRecord(docker, ep.id);
  const spec = c.networks[net.name];
  if (spec) {
    delete spec.endpointId;
    delete spec.ip;
    delete spec.mac;
  }
  if (!cluster || !row) return;
  delete cluster.attachments[row.id];
  touch(ctx, cluster);
  releaseNetworkOnHost(ctx, machine, cluster, net.id);
  syncPeers(ctx, cluster, net.id);
}
