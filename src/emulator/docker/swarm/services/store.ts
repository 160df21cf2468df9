/**
 * Reading the service store: lookups the way the daemon resolves a service
 * reference (moby daemon/cluster/helpers.go getService: full ID, then name,
 * then a unique ID prefix), and the tasks of a service.
 */
import type { ClusterState } from '../state';
import type { ServiceStore, SwarmService, SwarmTask } from './types';
import { daemonError, type DaemonError } from '../../errors';

/** libnetwork's fwMarkCtr starts at 256 (service.go). */
export const FIRST_FWMARK = 256;

export function serviceStore(cluster: ClusterState): ServiceStore {
  return (cluster.services ??= { services: {}, tasks: {}, nextFwmark: FIRST_FWMARK });
}

export function allServices(cluster: ClusterState): SwarmService[] {
  return Object.values(cluster.services?.services ?? {});
}

export function findService(cluster: ClusterState, ref: string): SwarmService | DaemonError {
  const all = allServices(cluster);
  const exact = all.find((s) => s.id === ref) ?? all.find((s) => s.spec.name === ref);
  if (exact) return exact;
  const byPrefix = all.filter((s) => ref.length > 0 && s.id.startsWith(ref));
  if (byPrefix.length === 1) return byPrefix[0];
  if (byPrefix.length > 1) return daemonError(`service ${ref} is ambiguous (${byPrefix.length} matches found)`);
  return daemonError(`service ${ref} not found`);
}

export function tasksOf(cluster: ClusterState, serviceId: string): SwarmTask[] {
  return Object.values(cluster.services?.tasks ?? {}).filter((t) => t.serviceId === serviceId);
}

/** Tasks that should run and do: the REPLICAS numerator. */
export function runningTasks(cluster: ClusterState, serviceId: string): SwarmTask[] {
  return tasksOf(cluster, serviceId).filter((t) => t.desired === 'running' && t.state === 'running');
}

/** The service and task of a container, when it is a task's. */
export function taskOfContainer(cluster: ClusterState | undefined, containerId: string): SwarmTask | undefined {
  return Object.values(cluster?.services?.tasks ?? {}).find((t) => t.containerId === containerId);
}

/** `web.1` or, for a global task, `web.<node id>` (the task's name in `service ps`). */
export function taskName(service: SwarmService, task: SwarmTask): string {
  return task.slot > 0 ? `${service.spec.name}.${task.slot}` : `${service.spec.name}.${task.nodeId}`;
}
