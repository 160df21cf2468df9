/**
 * /var/run/docker/netns on each host: one file per network namespace Docker
 * made (libnetwork osl: the bind-mounted nsfs files), so `ls
 * /var/run/docker/netns` shows what `nsenter --net=<file>` can enter:
 * a container's sandbox (`<SandboxID[:12]>`, as `docker inspect` gives it in
 * SandboxKey), an overlay network's namespace (`1-<net id[:10]>`), its
 * load balancer (`lb_<net id[:9]>`) and `ingress_sbox`. The files are kept
 * in step with the model after each docker CLI command and daemon restart.
 *
 * A container started with `-v /var/run/docker/netns:/var/run/docker/netns`
 * (the netshoot README's nsenter example) sees the same files at its target
 * path. That bind is the only one the lab honours: volumes are not modelled.
 */
import type { LabCtx } from '../world/ctx';
import type { ContainerState, DockerState } from './state';
import { VirtualFs, type FsState } from '../kernel/fs';
import { peek } from '../core/raw-view';

export const NETNS_DIR = '/var/run/docker/netns';

/** The key of a container's sandbox file, when it has one now (running, in a namespace). */
function containerKey(c: ContainerState): string | undefined {
  return c.status === 'running' && c.sandboxId && c.netnsId ? c.sandboxId.slice(0, 12) : undefined;
}

/** The swarm's namespaces on this host (a handful: one per overlay network, its load balancer, ingress_sbox). */
function swarmKeys(docker: DockerState): string[] {
  const keys: string[] = [];
  for (const s of Object.values(docker.swarm?.sandboxes ?? {})) {
    keys.push(s.dockerNsName);
    if (s.lbNsId) keys.push(`lb_${s.networkId.slice(0, 9)}`);
  }
  if (docker.swarm?.ingressSboxNsId) keys.push('ingress_sbox');
  return keys;
}

/** Every key the directory should hold now, computed from the whole model (the reference the incremental sync must match). */
export function netnsKeys(ctx: LabCtx, machine: string): string[] {
  // Only reads: the raw state, not the undo journal's view of it.
  const docker = peek(ctx.state.machines)[machine]?.docker;
  if (!docker) return [];
  const keys: string[] = [];
  for (const c of Object.values(docker.containers)) {
    const key = containerKey(c);
    if (key) keys.push(key);
  }
  keys.push(...swarmKeys(docker));
  return [...new Set(keys)];
}

/**
 * What the sync keeps beside one host's Docker state (derived, never in a
 * snapshot): the keys the directory was last made to hold, and what changed
 * since. A sync then touches only the sandboxes that were made or removed,
 * instead of reading every container after every docker command (a
 * 1,000-container lab spent a fifth of its build time there).
 *
 * It is trusted only under the context that built it: a failed line's
 * rollback and a restore make a new LabCtx, and the first sync under a new
 * one scans the files and the model in full again (the rollback may have put
 * back files or sandboxes this record no longer knows of). Between full
 * scans, a file a student deleted stays deleted, as it would with Docker.
 */
interface Tracker {
  ctx: LabCtx;
  /** The keys the host directory (and each binding container's) was last made to hold. */
  keys: Set<string>;
  /** The swarm's keys among them. */
  swarm: Set<string>;
  /** Sandbox keys (SandboxID[:12]) made or removed since the last sync, with the container that did it: to be checked against the model. */
  touched: Map<string, string>;
  /** Containers created since the last sync: one may bind the directory. */
  created: Set<string>;
  /** Containers that bind the directory, with their targets. */
  binders: Map<string, string[]>;
}

const trackers = new WeakMap<object, Tracker>();

function trackerOf(docker: DockerState): Tracker | undefined {
  return trackers.get(peek(docker));
}

/** A container's sandbox was made or is being removed (docker/sandbox.ts): its file is checked at the next sync. */
export function sandboxChanged(docker: DockerState, c: ContainerState): void {
  if (c.sandboxId) trackerOf(docker)?.touched.set(c.sandboxId.slice(0, 12), c.id);
}

/** A container was created: the next sync looks at whether it binds the directory. */
export function containerCreated(docker: DockerState, id: string): void {
  trackerOf(docker)?.created.add(id);
}

/** `-v /var/run/docker/netns:<target>` (or /run/docker/netns): the target, else undefined. */
function netnsBindTarget(bind: string): string | undefined {
  const [src, target] = bind.split(':');
  return (src === NETNS_DIR || src === '/run/docker/netns') && target?.startsWith('/') ? target.replace(/\/$/, '') : undefined;
}

function bindTargets(c: ContainerState): string[] {
  const targets: string[] = [];
  for (const bind of c.cli?.binds ?? []) {
    const target = netnsBindTarget(bind);
    if (target) targets.push(target);
  }
  return targets;
}

function mkdirs(fs: VirtualFs, dir: string): void {
  const parts = dir.split('/').filter(Boolean);
  for (let i = 1; i <= parts.length; i++) fs.mkdir(`/${parts.slice(0, i).join('/')}`);
}

/** Makes `dir` hold exactly one (empty) file per key, whatever it held before. */
function mirrorFully(fsState: FsState, dir: string, keys: Set<string>): void {
  const fs = new VirtualFs(fsState);
  const prefix = `${dir}/`;
  const present = new Set<string>();
  for (const path of Object.keys(peek(fsState.files))) if (path.startsWith(prefix)) present.add(path.slice(prefix.length));
  changeKeys(fsState, dir, [...keys].filter((key) => !present.has(key)), [...present].filter((key) => !keys.has(key)));
  if (!fs.isDir(dir)) mkdirs(fs, dir);
}

/** Adds and removes the files of the given keys in `dir` (what VirtualFs.write and remove would do). */
function changeKeys(fsState: FsState, dir: string, added: string[], removed: string[]): void {
  const fs = new VirtualFs(fsState);
  for (const key of removed) fs.remove(`${dir}/${key}`);
  if (!added.length) return;
  mkdirs(fs, dir);
  // Written directly, not with VirtualFs.write: it would list every path of the host (through the
  // journal's view) to check that no file lies below the new one, and none can: a key is a new
  // sandbox's random id. A directory made by that name is still respected.
  const dirs = peek(fsState.dirs);
  // An nsfs file reads as nothing (cat reports EINVAL on the real one).
  for (const key of added) if (!dirs.includes(`${dir}/${key}`)) fsState.files[`${dir}/${key}`] = '';
}

/** The full scan: the directory and every binding container's copy made to match the model. */
function rebuild(ctx: LabCtx, machine: string, docker: DockerState, fsState: FsState): Tracker {
  const keys = new Set(netnsKeys(ctx, machine));
  const swarm = new Set(swarmKeys(peek(docker)));
  const tracker: Tracker = { ctx, keys, swarm, touched: new Map(), created: new Set(), binders: new Map() };
  if (keys.size || new VirtualFs(fsState).isDir(NETNS_DIR)) mirrorFully(fsState, NETNS_DIR, keys);
  const containers = peek(docker.containers);
  for (const id in containers) {
    const targets = bindTargets(containers[id]);
    if (targets.length) tracker.binders.set(id, targets);
  }
  for (const [id, targets] of tracker.binders) mirrorInto(ctx, docker, id, targets, keys);
  return tracker;
}

function mirrorInto(ctx: LabCtx, docker: DockerState, id: string, targets: string[], keys: Set<string>): void {
  const cfs = ctx.state.containerFs[docker.containers[id]?.fsId ?? ''];
  if (cfs) for (const target of targets) mirrorFully(cfs, target, keys);
}

/**
 * Whether some running container has the sandbox of this key: usually the
 * one that just made it; else one pass over the raw containers (another may
 * share it with `--network container:`).
 */
function sandboxKeyWanted(containers: Record<string, ContainerState>, key: string, toucher: string): boolean {
  const c = containers[toucher];
  if (c && containerKey(c) === key) return true;
  // startsWith, not containerKey: no string made per container.
  return Object.values(containers).some((x) => x.status === 'running' && !!x.netnsId && !!x.sandboxId?.startsWith(key));
}

/** The incremental sync: only the sandboxes made or removed, the swarm's few keys, and new binding containers. */
function update(ctx: LabCtx, docker: DockerState, fsState: FsState, tracker: Tracker): void {
  const added: string[] = [];
  const removed: string[] = [];
  const want = (key: string, wanted: boolean): void => {
    if (wanted && !tracker.keys.has(key)) added.push(key);
    if (!wanted && tracker.keys.has(key)) removed.push(key);
  };
  const raw = peek(docker);
  for (const [key, toucher] of tracker.touched) want(key, sandboxKeyWanted(raw.containers, key, toucher));
  tracker.touched.clear();
  // Sandbox keys are 12 hex digits; the swarm's contain `-` or `_`: the two never collide.
  const swarm = new Set(swarmKeys(raw));
  for (const key of swarm) want(key, true);
  for (const key of tracker.swarm) if (!swarm.has(key)) want(key, false);
  tracker.swarm = swarm;
  for (const key of added) tracker.keys.add(key);
  for (const key of removed) tracker.keys.delete(key);
  if (added.length || removed.length) {
    changeKeys(fsState, NETNS_DIR, added, removed);
    for (const [id, targets] of tracker.binders) {
      const cfs = ctx.state.containerFs[raw.containers[id]?.fsId ?? ''];
      if (!cfs) tracker.binders.delete(id); // removed: its files went with it
      else for (const target of targets) changeKeys(cfs, target, added, removed);
    }
  }
  for (const id of tracker.created) {
    const c = raw.containers[id];
    const targets = c ? bindTargets(c) : [];
    if (!targets.length) continue;
    tracker.binders.set(id, targets);
    mirrorInto(ctx, docker, id, targets, tracker.keys);
  }
  tracker.created.clear();
}

export function syncNetnsDir(ctx: LabCtx): void {
  for (const machine of ctx.dockerHosts()) {
    const fsState = ctx.state.machines[machine]?.fs;
    const docker = ctx.state.machines[machine]?.docker;
    if (!fsState || !docker) continue;
    const tracker = trackerOf(docker);
    if (tracker?.ctx === ctx) update(ctx, docker, fsState, tracker);
    else trackers.set(peek(docker), rebuild(ctx, machine, docker, fsState));
  }
}
