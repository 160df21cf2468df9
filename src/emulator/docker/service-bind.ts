/**
 * A server that cannot bind its port. Docker does not reserve ports for a
 * `--network host` container (nor for anything inside a container's own
 * namespace), so its server meets the kernel's EADDRINUSE (98) when another
 * process already listens there, logs why, and exits 1. The texts are the
 * servers' own (httpd AH00072, nginx's bind() failure, redis, postgres).
 */
import type { LabCtx } from '../world/ctx';
import type { ContainerState } from './state';
import { findImage, type ImageService } from './images';

function failureLines(repository: string, port: number): string[] {
  switch (repository) {
    case 'httpd':
      return [
        `(98)Address in use: AH00072: make_sock: could not bind to address [::]:${port}`,
        `(98)Address in use: AH00072: make_sock: could not bind to address 0.0.0.0:${port}`,
        'no listening sockets available, shutting down',
        'AH00015: Unable to open logs',
      ];
    case 'nginx':
      return [`nginx: [emerg] bind() to 0.0.0.0:${port} failed (98: Address in use)`, 'nginx: [emerg] still could not bind()'];
    case 'redis':
      return [
        `1:M # Warning: Could not create server TCP listening socket *:${port}: bind: Address already in use`,
        `1:M # Failed listening on port ${port} (tcp), aborting.`,
      ];
    default:
      return [`could not bind 0.0.0.0:${port}: Address already in use`];
  }
}

function taken(ctx: LabCtx, c: ContainerState, s: ImageService): boolean {
  const ns = c.netnsId ? ctx.state.net.namespaces[c.netnsId] : undefined;
  if (!ns) return false;
  return ns.sockets.some((o) => o.pid !== c.pid && o.proto === s.proto && o.port === s.port && (o.ip === '0.0.0.0' || o.ip === '::'));
}

/** The lines the server logs (on stderr) when one of its ports is taken; undefined when it binds. */
export function serviceBindFailure(ctx: LabCtx, c: ContainerState): string[] | undefined {
  const image = findImage(c.image);
  const clash = image?.services.find((s) => taken(ctx, c, s));
  return image && clash ? failureLines(image.repository, clash.port) : undefined;
}
