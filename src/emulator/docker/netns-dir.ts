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
import { VirtualFs, type FsState } from '../kernel/fs';
import { entriesWhere, peek } from '../core/raw-view';

export const NETNS_DIR = '/var/run/docker/netns';

export function netnsKeys(ctx: LabCtx, machine: string): string[] {
  // Only reads, after every docker command: the raw state, not the undo journal's view of it.
  const docker = peek(ctx.state.machines)[machine]?.docker;
  if (!docker) return [];
  const keys: string[] = [];
  for (const c of Object.values(docker.containers)) {
    if (c.status === 'running' && c.sandboxId && c.netnsId) keys.push(c.sandboxId.slice(0, 12));
  }
  for (const s of Object.values(docker.swarm?.sandboxes ?? {})) {
    keys.push(s.dockerNsName);
    if (s.lbNsId) keys.push(`lb_${s.networkId.slice(0, 9)}`);
  }
  if (docker.swarm?.ingressSboxNsId) keys.push('ingress_sbox');
  return [...new Set(keys)];
}

/**
 * What each directory was last made to hold, per raw files object: the next
 * sync then changes only the difference, instead of scanning every file of
 * the host after every docker command (a 1,000-container lab spent a quarter
 * of its build time here). A restored lab has new files objects, so its
 * first sync scans again. (Were a student to delete one of these files, it
 * stays deleted, as it would with Docker.)
 */
const mirrored = new WeakMap<object, Map<string, Set<string>>>();

/** The keys that have a file in `dir` now, by scanning the files. */
function keysIn(files: Record<string, unknown>, prefix: string): Set<string> {
  return new Set(Object.keys(files).filter((path) => path.startsWith(prefix)).map((path) => path.slice(prefix.length)));
}

/** Makes `dir` in `fsState` hold exactly one (empty) file per key. */
function mirror(fsState: FsState, dir: string, keys: Set<string>): void {
  const fs = new VirtualFs(fsState);
  const prefix = `${dir}/`;
  const files = peek(fsState.files); // read raw; the changes go through `fs`
  const byDir = mirrored.get(files) ?? new Map<string, Set<string>>();
  mirrored.set(files, byDir);
  const present = byDir.get(dir) ?? keysIn(files, prefix);
  byDir.set(dir, new Set(keys));
  for (const key of present) if (!keys.has(key)) fs.remove(`${prefix}${key}`);
  const missing = [...keys].filter((key) => !present.has(key));
  if (!missing.length && (present.size > 0 || fs.isDir(dir))) return;
  const parts = dir.split('/').filter(Boolean);
  for (let i = 1; i <= parts.length; i++) fs.mkdir(`/${parts.slice(0, i).join('/')}`);
  // An nsfs file reads as nothing (cat reports EINVAL on the real one).
  for (const key of missing) fs.write(`${prefix}${key}`, '');
}

/** `-v /var/run/docker/netns:<target>` (or /run/docker/netns): the target, else undefined. */
function netnsBindTarget(bind: string): string | undefined {
  const [src, target] = bind.split(':');
  return (src === NETNS_DIR || src === '/run/docker/netns') && target?.startsWith('/') ? target.replace(/\/$/, '') : undefined;
}

export function syncNetnsDir(ctx: LabCtx): void {
  for (const machine of ctx.dockerHosts()) {
    const fsState = ctx.state.machines[machine]?.fs;
    if (!fsState) continue;
    const want = new Set(netnsKeys(ctx, machine));
    if (want.size || new VirtualFs(fsState).isDir(NETNS_DIR)) mirror(fsState, NETNS_DIR, want);
    const containers = ctx.state.machines[machine]?.docker?.containers ?? {};
    for (const c of entriesWhere(containers, (x) => (x.cli?.binds ?? []).length > 0)) {
      const cfs = ctx.state.containerFs[c.fsId];
      for (const target of (c.cli?.binds ?? []).map(netnsBindTarget)) if (target && cfs) mirror(cfs, target, want);
    }
  }
}
