/**
 * The servers a container's main process runs: listening sockets in the
 * container's namespace (or the host's, with --network host) that answer
 * through kernel/services.
 */
import type { LabCtx } from '../world/ctx';
import type { ContainerState } from './state';
import { findImage } from './images';

export function startServices(ctx: LabCtx, machine: string, c: ContainerState): void {
  const image = findImage(c.image);
  if (!image || !c.netnsId) return;
  const ns = ctx.ns(c.netnsId);
  for (const s of image.services) {
    ns.sockets.push({ proto: s.proto, ip: '0.0.0.0', port: s.port, pid: c.pid, program: s.program, service: s.service });
  }
}

export function stopServices(ctx: LabCtx, machine: string, c: ContainerState): void {
  if (!c.netnsId || !c.pid) return;
  const ns = ctx.state.net.namespaces[c.netnsId];
  if (ns) ns.sockets = ns.sockets.filter((s) => s.pid !== c.pid);
}
