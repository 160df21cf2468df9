/**
 * Containers that share another's network namespace (`--network
 * container:<id>`), by the container they joined. Rewriting a container's
 * /etc/hosts copies it to them, and stopping it stops them: asking every
 * container of a 1,000-container host each time cost more than the rewrite.
 *
 * The index is derived, never in a snapshot: records are made only in
 * createContainer and dropped only in removeContainerRecord, which report
 * here, and a network mode never changes. It is trusted only under the
 * context that built it (a failed line's rollback and a restore make a new
 * LabCtx): the first lookup under a new one rebuilds it from the records.
 */
import type { LabCtx } from '../world/ctx';
import type { ContainerState, DockerState } from './state';
import { peek } from '../core/raw-view';

interface JoinerIndex {
  ctx: LabCtx;
  /** Joined container id to the ids of the containers that joined it, in creation order. */
  byTarget: Map<string, Set<string>>;
}

/** Keyed by the raw containers map of one daemon. */
const indexes = new WeakMap<object, JoinerIndex>();

const PREFIX = 'container:';

function note(index: JoinerIndex, c: ContainerState): void {
  const mode = c.host.networkMode;
  if (!mode.startsWith(PREFIX)) return;
  const target = mode.slice(PREFIX.length);
  const ids = index.byTarget.get(target);
  if (ids) ids.add(c.id);
  else index.byTarget.set(target, new Set([c.id]));
}

/** A container record was stored (docker.containers[c.id] = c). */
export function joinerCreated(docker: DockerState, c: ContainerState): void {
  const index = indexes.get(peek(docker.containers));
  if (index) note(index, c);
}

/** A container record is being deleted. */
export function joinerRemoved(docker: DockerState, c: ContainerState): void {
  const mode = c.host.networkMode;
  if (mode.startsWith(PREFIX)) indexes.get(peek(docker.containers))?.byTarget.get(mode.slice(PREFIX.length))?.delete(c.id);
}

/** The containers with `--network container:<id>`, read through `docker.containers`, in record order. */
export function joinersOf(ctx: LabCtx, docker: DockerState, id: string): ContainerState[] {
  const raw = peek(docker.containers);
  let index = indexes.get(raw);
  if (index?.ctx !== ctx) {
    index = { ctx, byTarget: new Map() };
    for (const key of Object.keys(raw)) note(index, raw[key]);
    indexes.set(raw, index);
  }
  const out: ContainerState[] = [];
  for (const joiner of index.byTarget.get(id) ?? []) {
    if (raw[joiner]?.host.networkMode === `${PREFIX}${id}`) out.push(docker.containers[joiner]);
  }
  return out;
}
