/**
 * The daemon's event stream (`docker events`): what happened to containers
 * and networks, kept per host like dockerd's ring buffer (daemon/events:
 * the last 256 events are replayed for --since/--until).
 *
 * Attributes are those moby attaches (daemon/events.go LogContainerEvent,
 * LogNetworkEvent): containers carry `image` and `name` (plus the image's
 * labels, which the offline catalog does not model), `die` adds `exitCode`
 * and `execDuration`, `kill` adds `signal`; network events carry `name` and
 * `type` (the driver), `connect`/`disconnect` add `container` (its full ID).
 * NOT FOUND in the reference: the exact order of events inside one command;
 * the order here is moby's code path (create, network connect, start; kill,
 * die, network disconnect, stop/destroy).
 */
import type { LabCtx } from '../world/ctx';
import type { ContainerState, DockerState, NetworkState } from './state';
import { stableHex } from './image-store';
import type { ClusterState } from './swarm/state';
import type { ServiceSpec, SwarmService } from './swarm/services/types';
import { peek } from '../core/raw-view';

export interface EngineEvent {
  /** Virtual time in ms, and a sub-millisecond part in ns (Docker prints TimeNano). */
  t: number;
  nanos: number;
  type: 'container' | 'network' | 'image' | 'service';
  /** `swarm` for the cluster's events (services), seen on every manager; else `local`. */
  scope?: 'local' | 'swarm';
  action: string;
  /** Actor ID: the container's or network's full ID. */
  id: string;
  attributes: Record<string, string>;
}

/** moby daemon/events: eventsLimit = 256. */
export const EVENTS_LIMIT = 256;

/**
 * The list events are recorded into. It may hold up to TRIM_SLACK more than
 * the daemon keeps: trimming copies the list (and the undo journal then
 * checks every copied event), so it is done once per TRIM_SLACK events.
 */
export function eventsOf(docker: DockerState): EngineEvent[] {
  docker.events ??= [];
  return docker.events;
}

const TRIM_SLACK = 64;

/** What the daemon keeps (and `docker events --since` can replay): the last EVENTS_LIMIT. */
export function bufferedEvents(docker: DockerState): EngineEvent[] {
  const all = eventsOf(docker);
  return all.length > EVENTS_LIMIT ? all.slice(-EVENTS_LIMIT) : all;
}

function record(ctx: LabCtx, machine: string, e: Omit<EngineEvent, 't' | 'nanos'>): void {
  const events = eventsOf(ctx.docker(machine));
  // A fixed spread, not the lab's rng: recording events must not change the IDs and MACs a seed gives.
  // Events of one millisecond get increasing sub-millisecond parts, so their printed times stay in order.
  const t = ctx.clock.now();
  let sameMs = 0;
  for (let i = events.length - 1; i >= 0 && events[i].t === t; i--) sameMs++;
  events.push({ ...e, t, nanos: 104729 + ((sameMs * 7919) % 890000) });
  // One write of a shorter list, not a splice that moves every element (each move is journaled).
  if (events.length > EVENTS_LIMIT + TRIM_SLACK) ctx.docker(machine).events = peek(events).slice(-EVENTS_LIMIT);
}

/** The image as the user named it (`nginx`, `redis:7`), as moby reports `image=`. */
function imageName(c: ContainerState): string {
  return c.image;
}

export function containerEvent(ctx: LabCtx, machine: string, c: ContainerState, action: string, extra: Record<string, string> = {}): void {
  // moby adds the container's labels (Config.Labels) to every container event.
  const labels = c.cli?.labels ?? {};
  record(ctx, machine, { type: 'container', action, id: c.id, attributes: { ...labels, image: imageName(c), name: c.name, ...extra } });
}

/** `die`: the exit code and how long the process ran, in whole seconds. */
export function containerDied(ctx: LabCtx, machine: string, c: ContainerState, exitCode: number): void {
  const ran = Math.max(0, Math.floor((ctx.clock.now() - c.startedAt) / 1000));
  containerEvent(ctx, machine, c, 'die', { execDuration: String(ran), exitCode: String(exitCode) });
}

export function networkEvent(ctx: LabCtx, machine: string, net: NetworkState, action: string, containerId?: string): void {
  const attributes: Record<string, string> = { name: net.name, type: net.driver };
  if (containerId) attributes.container = containerId;
  record(ctx, machine, { type: 'network', action, id: net.id, attributes });
}

/**
 * `docker rmi`: `untag`, then `delete`, both naming the image by its ID
 * (moby image_delete.go: LogImageEvent(imgID, imgID, …)).
 */
export function imageRemoved(ctx: LabCtx, machine: string, imageId: string): void {
  const id = `sha256:${imageId}`;
  for (const action of ['untag', 'delete']) record(ctx, machine, { type: 'image', action, id, attributes: { name: id } });
}

/** `image pull`: the actor is the reference pulled (`nginx:latest`), its name attribute the repository (moby LogImageEvent). */
export function imagePulled(ctx: LabCtx, machine: string, reference: string): void {
  const repository = reference.slice(0, reference.lastIndexOf(':'));
  record(ctx, machine, { type: 'image', action: 'pull', id: reference, attributes: { name: repository } });
}

/**
 * `docker exec` (moby daemon/exec.go): `exec_create: <cmd> <args>` and
 * `exec_start: <cmd> <args>` (the command joined as moby joins it, so a
 * command without arguments keeps a trailing space), each with the exec's
 * ID; `exec_die` adds the exit code. The ID is derived from the container,
 * the time and the buffer, never the lab's rng.
 */
export function execStarted(ctx: LabCtx, machine: string, c: ContainerState, argv: string[]): string {
  const seq = eventsOf(ctx.docker(machine)).length;
  const execId = stableHex(`exec:${c.id}:${ctx.clock.now()}:${seq}`, 64);
  const cmd = `${argv[0]} ${argv.slice(1).join(' ')}`;
  containerEvent(ctx, machine, c, `exec_create: ${cmd}`, { execID: execId });
  containerEvent(ctx, machine, c, `exec_start: ${cmd}`, { execID: execId });
  return execId;
}

export function execDied(ctx: LabCtx, machine: string, c: ContainerState, execId: string, exitCode: number): void {
  containerEvent(ctx, machine, c, 'exec_die', { execID: execId, exitCode: String(exitCode) });
}

/**
 * A service was created, updated or removed (moby daemon/cluster events,
 * logServiceEvent): scope `swarm`, on every manager's stream; an update
 * names what changed — `image.old`/`image.new`, `replicas.old`/`replicas.new`.
 * (The rolling-update state attributes are not modelled.)
 */
export function serviceEvent(ctx: LabCtx, cluster: ClusterState, service: SwarmService, action: 'create' | 'update' | 'remove', old?: ServiceSpec): void {
  const attributes: Record<string, string> = { name: service.spec.name };
  if (old && old.image !== service.spec.image) Object.assign(attributes, { 'image.old': old.image, 'image.new': service.spec.image });
  if (old && old.mode === 'replicated' && service.spec.mode === 'replicated' && old.replicas !== service.spec.replicas) {
    Object.assign(attributes, { 'replicas.old': String(old.replicas), 'replicas.new': String(service.spec.replicas) });
  }
  const hosts = new Set(ctx.dockerHosts());
  for (const node of Object.values(cluster.nodes)) {
    if (node.role !== 'manager' || node.left || !hosts.has(node.hostname)) continue;
    record(ctx, node.hostname, { type: 'service', action, id: service.id, attributes, scope: 'swarm' });
  }
}
