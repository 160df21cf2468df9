/**
 * Creating, updating and removing services in the cluster store (swarmkit
 * manager/controlapi/service.go), with the errors the daemon returns:
 *
 * - a name another service has: `rpc error: code = AlreadyExists desc =
 *   service web already exists`;
 * - a published port another service holds: `… port '8080' is already in
 *   use by service 'web' (<id>) as an ingress port` (or `as a host-published
 *   port` when the new ingress port is another's host-mode port;
 *   checkPortConflicts); an ingress port published as 0 takes the next free
 *   one from 30000 (the allocator's dynamic range 30000-32767);
 * - ingress ports with `--endpoint-mode dnsrr` (validateEndpointSpec).
 *
 * Each service gets a VIP on each of its networks (ingress included when it
 * publishes there) from that network's IPAM, unless it uses dnsrr.
 */
import type { LabCtx } from '../../../world/ctx';
import type { ClusterState } from '../state';
import type { ServicePort, ServiceSpec, SwarmService } from './types';
import { daemonError, type DaemonError } from '../../errors';
import { swarmId } from '../ids';
import { allocateSerial, releaseSerial } from '../ipam';
import { touch } from '../store';
import { prefixOf } from '../host-network';
import { allServices, serviceStore } from './store';
import { reconcileService, removeTasks } from './reconcile';
import { syncLoadBalancers } from './lb';
import { taskNetworks } from './task-container';
import { serviceEvent } from '../../events';

const DYNAMIC_PORT_START = 30000;
const DYNAMIC_PORT_END = 32767;

function ingressPortsOf(s: { ports: ServicePort[] }): ServicePort[] {
  return s.ports.filter((p) => p.publishMode === 'ingress');
}

/** The first port `spec` publishes that collides with one of `other`'s (controlapi checkPortConflicts), with how `other` holds it. */
function portConflict(spec: ServiceSpec, other: SwarmService): { port: number; as: string } | undefined {
  const key = (p: ServicePort) => `${p.protocol}/${p.publishedPort}`;
  const mine = spec.ports.filter((p) => p.publishedPort > 0);
  const ingress = new Set(mine.filter((p) => p.publishMode === 'ingress').map(key));
  const host = new Set(mine.filter((p) => p.publishMode === 'host').map(key));
  for (const p of other.spec.ports) {
    if (p.publishedPort === 0) continue;
    // Host-mode ports may repeat across services (the scheduler keeps them on different nodes), not over an ingress port.
    if (p.publishMode === 'host' && ingress.has(key(p))) return { port: p.publishedPort, as: 'a host-published port' };
    if (p.publishMode === 'ingress' && (ingress.has(key(p)) || host.has(key(p)))) return { port: p.publishedPort, as: 'an ingress port' };
  }
  return undefined;
}

/** Fills in published port 0 of ingress ports and refuses ports other services hold. */
function checkPorts(cluster: ClusterState, spec: ServiceSpec, selfId?: string): DaemonError | undefined {
  const others = allServices(cluster).filter((s) => s.id !== selfId);
  const held = (proto: string, port: number) => others.some((s) => ingressPortsOf(s.spec).some((p) => p.protocol === proto && p.publishedPort === port));
  for (const other of others) {
    const conflict = portConflict(spec, other);
    if (conflict) {
      return daemonError(`rpc error: code = InvalidArgument desc = port '${conflict.port}' is already in use by service '${other.spec.name}' (${other.id}) as ${conflict.as}`);
    }
  }
  if (spec.endpointMode === 'dnsrr' && ingressPortsOf(spec).length) {
    return daemonError("rpc error: code = InvalidArgument desc = EndpointSpec: port published with ingress mode can't be used with dnsrr mode");
  }
  for (const p of ingressPortsOf(spec)) {
    if (p.publishedPort !== 0) continue;
    let port = DYNAMIC_PORT_START;
    while (port <= DYNAMIC_PORT_END && (held(p.protocol, port) || spec.ports.some((q) => q !== p && q.protocol === p.protocol && q.publishedPort === port))) port++;
    p.publishedPort = port;
  }
  return undefined;
}

/** One VIP per network the tasks join (none with dnsrr, except ingress which always balances). */
function allocateVips(cluster: ClusterState, service: SwarmService): void {
  const keep = new Map(service.vips.map((v) => [v.networkId, v]));
  const wanted = taskNetworks(cluster, service).filter((n) => n.ingress || service.spec.endpointMode === 'vip');
  for (const v of service.vips) {
    if (wanted.some((n) => n.id === v.networkId)) continue;
    const cnet = cluster.networks[v.networkId];
    if (cnet) releaseSerial(cnet, v.addr.split('/')[0]);
  }
  service.vips = [];
  for (const cnet of wanted) {
    const old = keep.get(cnet.id);
    if (old) {
      service.vips.push(old);
      continue;
    }
    const ip = allocateSerial(cnet, `vip-${service.id}`);
    if (typeof ip === 'string') service.vips.push({ networkId: cnet.id, addr: `${ip}/${prefixOf(cnet)}` });
  }
}

export function createService(ctx: LabCtx, cluster: ClusterState, spec: ServiceSpec): SwarmService | DaemonError {
  if (allServices(cluster).some((s) => s.spec.name === spec.name)) {
    return daemonError(`rpc error: code = AlreadyExists desc = service ${spec.name} already exists`);
  }
  const portError = checkPorts(cluster, spec);
  if (portError) return portError;
  const store = serviceStore(cluster);
  ctx.clock.advance(60);
  touch(ctx, cluster);
  const service: SwarmService = {
    id: swarmId(ctx.rng), spec, vips: [], specIndex: 1, fwmark: store.nextFwmark++,
    createdAt: ctx.clock.now(), createdNanos: ctx.rng.int(0, 999999), updatedAt: ctx.clock.now(), updatedNanos: 0, version: cluster.raftIndex,
  };
  service.updatedNanos = service.createdNanos;
  store.services[service.id] = service;
  allocateVips(cluster, service);
  serviceEvent(ctx, cluster, service, 'create'); // docker events: before its tasks' containers
  reconcileService(ctx, cluster, service);
  syncLoadBalancers(ctx, cluster);
  return service;
}

/** A new spec for a service; `restart` says whether its tasks must be replaced (anything but replicas/constraints). */
export function updateService(ctx: LabCtx, cluster: ClusterState, service: SwarmService, spec: ServiceSpec, restart: boolean): DaemonError | undefined {
  const portError = checkPorts(cluster, spec, service.id);
  if (portError) return portError;
  ctx.clock.advance(40);
  touch(ctx, cluster);
  service.previous = service.spec;
  service.spec = spec;
  if (restart) service.specIndex += 1;
  service.version = cluster.raftIndex;
  service.updatedAt = ctx.clock.now();
  service.updatedNanos = ctx.rng.int(0, 999999);
  allocateVips(cluster, service);
  serviceEvent(ctx, cluster, service, 'update', service.previous);
  const started = { at: ctx.clock.now(), nanos: ctx.rng.int(0, 999999) };
  reconcileService(ctx, cluster, service);
  // A rolling update (the tasks replaced) leaves UpdateStatus "completed"; scaling does not.
  if (restart) service.updateStatus = { startedAt: started.at, startedNanos: started.nanos, completedAt: ctx.clock.now(), completedNanos: ctx.rng.int(0, 999999) };
  syncLoadBalancers(ctx, cluster);
  return undefined;
}

/** Does a new spec need new tasks (a changed task template), or only more, fewer or moved ones? */
export function taskTemplateChanged(a: ServiceSpec, b: ServiceSpec): boolean {
  const key = (s: ServiceSpec) => JSON.stringify([s.image, s.ports, s.networks, s.aliases ?? {}, s.env, s.args, s.endpointMode, s.hostname ?? '']);
  return key(a) !== key(b);
}

/**
 * `docker service rollback` / `update --rollback`: the previous spec comes
 * back and the one it replaces becomes the previous (a second rollback undoes
 * the first); UpdateStatus says `rollback_completed`. Without a previous
 * spec swarmkit refuses.
 */
export function rollbackService(ctx: LabCtx, cluster: ClusterState, service: SwarmService): DaemonError | undefined {
  const previous = service.previous;
  if (!previous) return daemonError(`rpc error: code = FailedPrecondition desc = service ${service.id} does not have a previous spec`);
  const error = updateService(ctx, cluster, service, previous, taskTemplateChanged(service.spec, previous));
  if (error) return error;
  if (service.updateStatus) service.updateStatus.rollback = true;
  else service.updateStatus = { startedAt: ctx.clock.now(), startedNanos: 0, completedAt: ctx.clock.now(), completedNanos: 0, rollback: true };
  return undefined;
}

export function removeService(ctx: LabCtx, cluster: ClusterState, service: SwarmService): void {
  serviceEvent(ctx, cluster, service, 'remove'); // the store drops it first; its tasks shut down after
  removeTasks(ctx, cluster, service);
  for (const v of service.vips) {
    const cnet = cluster.networks[v.networkId];
    if (cnet) releaseSerial(cnet, v.addr.split('/')[0]);
  }
  delete serviceStore(cluster).services[service.id];
  touch(ctx, cluster);
  syncLoadBalancers(ctx, cluster);
}
