/**
 * The servers a container's main process runs: listening sockets in the
 * container's namespace (or the host's, with --network host) that answer
 * through kernel/services.
 */
import type { LabCtx } from '../world/ctx';
import type { ContainerState } from './state';
import { findImage } from './images';
import { serviceBindFailure } from './service-bind';
import { commandServices } from './command-services';
import { runsImageDefault } from './main-process';

/**
 * Opens the image's listening sockets. When a port is already taken in the
 * namespace (a host-network container next to a host service) the server
 * cannot bind: no socket opens, and the CLI's main-process step logs the
 * server's error and ends the container (service-bind.ts).
 */
export function startServices(ctx: LabCtx, machine: string, c: ContainerState): void {
  const image = findImage(c.image);
  if (!image || !c.netnsId || serviceBindFailure(ctx, c)) return;
  const ns = ctx.ns(c.netnsId);
  // The image's servers run only as its default command: `docker run redis redis-server --port 7000` listens on 7000 alone.
  const imageServices = runsImageDefault(c) ? image.services : [];
  for (const s of imageServices) {
    ns.sockets.push({ proto: s.proto, ip: '0.0.0.0', port: s.port, pid: c.pid, program: s.program, service: s.service });
  }
  for (const s of commandServices([...c.entrypoint, ...c.cmd])) {
    ns.sockets.push({ proto: s.proto, ip: s.ip, port: s.port, pid: c.pid, program: s.program, service: s.service });
  }
}

/**
 * What a command-line server prints once listening. Python block-buffers
 * stdout when it is not a terminal, so without -t (or PYTHONUNBUFFERED) its
 * "Serving HTTP on ..." line never reaches `docker logs` while it runs — a
 * well-known surprise; its request log goes to stderr, which is unbuffered.
 */
export function commandBanners(c: ContainerState): string[] {
  const unbuffered = c.tty || c.env.some((e) => /^PYTHONUNBUFFERED=./.test(e));
  return unbuffered ? commandServices([...c.entrypoint, ...c.cmd]).map((s) => s.banner).filter(Boolean) : [];
}

export function stopServices(ctx: LabCtx, machine: string, c: ContainerState): void {
  if (!c.netnsId || !c.pid) return;
  const ns = ctx.state.net.namespaces[c.netnsId];
  if (ns) ns.sockets = ns.sockets.filter((s) => s.pid !== c.pid);
}
