/**
 * Endpoint records and the index of them by container. Starting a container
 * looks up its endpoints several times (is it already on this network? does
 * it need a gateway? which one publishes its ports?); scanning all of a
 * 1,000-container host's endpoints for each cost more than the rest of
 * `docker run`.
 *
 * The index is derived, never in a snapshot. Endpoints are added and removed
 * only through addEndpointRecord / removeEndpointRecord, which keep it in
 * step. It is trusted only under the context that built it: a failed line's
 * rollback (which puts records back behind its back) and a restore make a
 * new LabCtx, and the first lookup under a new one rebuilds it from the
 * records. Lookups give the endpoints in the order the records hold them, as
 * a scan of the map would.
 */
import type { LabCtx } from '../world/ctx';
import type { DockerState, EndpointState } from './state';
import { peek } from '../core/raw-view';

interface EndpointIndex {
  ctx: LabCtx;
  /** Container id (or an anonymous owner such as `ingress-sbox`) to its endpoint ids, in insertion order. */
  byContainer: Map<string, Set<string>>;
}

/** Keyed by the raw endpoints map of one daemon. */
const indexes = new WeakMap<object, EndpointIndex>();

function build(ctx: LabCtx, raw: Record<string, EndpointState>): EndpointIndex {
  const index: EndpointIndex = { ctx, byContainer: new Map() };
  for (const id of Object.keys(raw)) note(index, raw[id]);
  indexes.set(raw, index);
  return index;
}

function note(index: EndpointIndex, ep: EndpointState): void {
  const ids = index.byContainer.get(ep.containerId);
  if (ids) ids.add(ep.id);
  else index.byContainer.set(ep.containerId, new Set([ep.id]));
}

/** Stores an endpoint record on the daemon (docker.endpoints[ep.id] = ep) and indexes it. */
export function addEndpointRecord(docker: DockerState, ep: EndpointState): void {
  const raw = peek(docker.endpoints);
  const old = raw[ep.id];
  docker.endpoints[ep.id] = ep;
  const index = indexes.get(raw);
  if (!index || old?.containerId === ep.containerId) return; // a replaced record keeps its place
  if (old) index.byContainer.get(old.containerId)?.delete(ep.id);
  note(index, ep);
}

/** Deletes an endpoint record from the daemon and from the index. */
export function removeEndpointRecord(docker: DockerState, id: string): void {
  const raw = peek(docker.endpoints);
  const old = raw[id];
  delete docker.endpoints[id];
  if (old) indexes.get(raw)?.byContainer.get(old.containerId)?.delete(id);
}

/**
 * The endpoints of one container (or anonymous owner), read through
 * `docker.endpoints` (so writes to them are journaled), in record order.
 */
export function endpointsOfContainer(ctx: LabCtx, docker: DockerState, containerId: string): EndpointState[] {
  const raw = peek(docker.endpoints);
  const known = indexes.get(raw);
  const index = known?.ctx === ctx ? known : build(ctx, raw);
  const out: EndpointState[] = [];
  for (const id of index.byContainer.get(containerId) ?? []) {
    if (raw[id]?.containerId === containerId) out.push(docker.endpoints[id]);
  }
  return out;
}
