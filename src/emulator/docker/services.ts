/**
 * The servers a container's main process runs: listening sockets in the
 * container's namespace (or the host's, with --network host) that answer
 * through kernel/services.
 */
import type { LabCtx } from '../world/ctx';
import type { ContainerState } from './state';
import { findImage } from './images';

/**
 * Opens the image's listening sockets. When a port is already taken in the
 * namespace (a host-network container next to a host service) the server
 * fails to bind and exits 1, logging what it would (Apache's AH00072,
 * nginx's bind() error); the caller then ends the container.
 */
export function startServices(ctx: LabCtx, machine: string, c: ContainerState): { failed: boolean } {
  const image = findImage(c.image);
  if (!image || !c.netnsId) return { failed: false };
  const ns = ctx.ns(c.netnsId);
  const clash = image.services.find((s) => ns.sockets.some((o) => o.proto === s.proto && o.port === s.port && (o.ip === '0.0.0.0' || o.ip === '::')));
  if (clash) {
    for (const line of bindFailureLog(image.repository, clash.port)) c.logs.push({ t: ctx.clock.now(), stream: 'stderr', line });
    return { failed: true };
  }
  for (const s of image.services) {
    ns.sockets.push({ proto: s.proto, ip: '0.0.0.0', port: s.port, pid: c.pid, program: s.program, service: s.service });
  }
  return { failed: false };
}

function bindFailureLog(repo: string, port: number): string[] {
  if (repo === 'httpd') {
    return [
      `(98)Address in use: AH00072: make_sock: could not bind to address [::]:${port}`,
      `(98)Address in use: AH00072: make_sock: could not bind to address 0.0.0.0:${port}`,
      'no listening sockets available, shutting down',
      'AH00015: Unable to open logs',
    ];
  }
  if (repo === 'nginx') {
    return [`nginx: [emerg] bind() to 0.0.0.0:${port} failed (98: Address in use)`, `nginx: [emerg] still could not bind()`];
  }
  return [`bind: address already in use (port ${port})`];
}

export function stopServices(ctx: LabCtx, machine: string, c: ContainerState): void {
  if (!c.netnsId || !c.pid) return;
  const ns = ctx.state.net.namespaces[c.netnsId];
  if (ns) ns.sockets = ns.sockets.filter((s) => s.pid !== c.pid);
}
