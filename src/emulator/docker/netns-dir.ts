/**
 * /var/run/docker/netns on each host: one file per network namespace Docker
 * made (libnetwork osl: the bind-mounted nsfs files), so `ls
 * /var/run/docker/netns` shows what `nsenter --net=<file>` can enter:
 * a container's sandbox (`<SandboxID[:12]>`, as `docker inspect` gives it in
 * SandboxKey), an overlay network's namespace (`1-<net id[:10]>`), its
 * load balancer (`lb_<net id[:9]>`) and `ingress_sbox`. The files are kept
 * in step with the model after each docker CLI command and daemon restart.
 */
import type { LabCtx } from '../world/ctx';
import { VirtualFs } from '../kernel/fs';
import { peek } from '../core/raw-view';

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

export function syncNetnsDir(ctx: LabCtx): void {
  for (const machine of ctx.dockerHosts()) {
    const fsState = ctx.state.machines[machine]?.fs;
    if (!fsState) continue;
    const fs = new VirtualFs(fsState);
    const want = new Set(netnsKeys(ctx, machine));
    const prefix = `${NETNS_DIR}/`;
    const files = peek(fsState.files); // read raw; the changes go through `fs`
    const stale = Object.keys(files).filter((path) => path.startsWith(prefix) && !want.has(path.slice(prefix.length)));
    for (const path of stale) fs.remove(path);
    if (!want.size) continue;
    const missing = [...want].filter((key) => !(`${prefix}${key}` in files));
    if (!missing.length) continue;
    for (const dir of ['/var/run', '/var/run/docker', NETNS_DIR]) fs.mkdir(dir);
    // An nsfs file reads as nothing (cat reports EINVAL on the real one).
    for (const key of missing) fs.write(`${prefix}${key}`, '');
  }
}
