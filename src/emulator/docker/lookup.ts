/**
 * Finding containers and networks the way the daemon does: exact name, then
 * full ID, then a unique ID prefix (daemon/container/view.go, libnetwork
 * network lookup).
 */
import type { ContainerState, DockerState, NetworkState } from './state';
import { daemonError, type DaemonError } from './errors';
import { peek } from '../core/raw-view';

export function findContainer(docker: DockerState, ref: string): ContainerState | DaemonError {
  const name = ref.replace(/^\//, '');
  // Matched on the raw records (no journal view made for each of a thousand containers), returned as read through `docker`.
  const raw = peek(docker.containers);
  const keys = Object.keys(raw);
  const byName = keys.find((k) => raw[k].name === name);
  if (byName !== undefined) return docker.containers[byName];
  const byId = keys.filter((k) => ref.length > 0 && raw[k].id.startsWith(ref));
  if (byId.length === 1) return docker.containers[byId[0]];
  if (byId.length > 1) return daemonError(`multiple IDs found with provided prefix: ${ref}`);
  return daemonError(`No such container: ${ref}`);
}

export function findNetwork(docker: DockerState, ref: string): NetworkState | DaemonError {
  const raw = peek(docker.networks);
  const keys = Object.keys(raw);
  const byName = keys.find((k) => raw[k].name === ref);
  if (byName !== undefined) return docker.networks[byName];
  const byFullId = keys.find((k) => raw[k].id === ref);
  if (byFullId !== undefined) return docker.networks[byFullId];
  const byPrefix = keys.filter((k) => ref.length > 0 && raw[k].id.startsWith(ref));
  if (byPrefix.length === 1) return docker.networks[byPrefix[0]];
  if (byPrefix.length > 1) return daemonError(`network ${ref} is ambiguous (${byPrefix.length} matches found based on ID prefix)`);
  return daemonError(`network ${ref} not found`);
}

export function containerNetworks(docker: DockerState, c: ContainerState): NetworkState[] {
  return Object.values(c.networks)
    .map((n) => docker.networks[n.networkId])
    .filter((n): n is NetworkState => !!n);
}
