/**
 * Finding containers and networks the way the daemon does: exact name, then
 * full ID, then a unique ID prefix (daemon/container/view.go, libnetwork
 * network lookup).
 */
import type { ContainerState, DockerState, NetworkState } from './state';
import { daemonError, type DaemonError } from './errors';

export function findContainer(docker: DockerState, ref: string): ContainerState | DaemonError {
  const name = ref.replace(/^\//, '');
  const all = Object.values(docker.containers);
  const byName = all.find((c) => c.name === name);
  if (byName) return byName;
  const byId = all.filter((c) => ref.length > 0 && c.id.startsWith(ref));
  if (byId.length === 1) return byId[0];
  if (byId.length > 1) return daemonError(`multiple IDs found with provided prefix: ${ref}`);
  return daemonError(`No such container: ${ref}`);
}

export function findNetwork(docker: DockerState, ref: string): NetworkState | DaemonError {
  const all = Object.values(docker.networks);
  const byName = all.find((n) => n.name === ref);
  if (byName) return byName;
  const byFullId = all.find((n) => n.id === ref);
  if (byFullId) return byFullId;
  const byPrefix = all.filter((n) => ref.length > 0 && n.id.startsWith(ref));
  if (byPrefix.length === 1) return byPrefix[0];
  if (byPrefix.length > 1) return daemonError(`network ${ref} is ambiguous (${byPrefix.length} matches found based on ID prefix)`);
  return daemonError(`network ${ref} not found`);
}

export function containerNetworks(docker: DockerState, c: ContainerState): NetworkState[] {
  return Object.values(c.networks)
    .map((n) => docker.networks[n.networkId])
    .filter((n): n is NetworkState => !!n);
}
