/**
 * The embedded DNS server (libnetwork resolver_unix.go): it listens on
 * 127.0.0.11 at random high ports inside the container's namespace, and NAT
 * rules in the DOCKER_OUTPUT / DOCKER_POSTROUTING chains map 127.0.0.11:53 to
 * them. Which is why `netstat -tulpn` in a container shows 127.0.0.11:<port>.
 */
import type { LabCtx } from '../world/ctx';
import type { ContainerState } from './state';
import { fwEmbeddedDns } from './fw';

export function ensureEmbeddedDns(ctx: LabCtx, machine: string, c: ContainerState): void {
  if (!c.netnsId) return;
  const ns = ctx.ns(c.netnsId);
  if (ns.sockets.some((s) => s.service.kind === 'dns' && s.service.role === 'embedded')) return;
  const udpPort = ctx.rng.int(32768, 60999);
  const tcpPort = ctx.rng.int(32768, 60999);
  ns.sockets.push({ proto: 'udp', ip: '127.0.0.11', port: udpPort, pid: 0, program: 'dockerd', service: { kind: 'dns', role: 'embedded' } });
  ns.sockets.push({ proto: 'tcp', ip: '127.0.0.11', port: tcpPort, pid: 0, program: 'dockerd', service: { kind: 'dns', role: 'embedded' } });
  fwEmbeddedDns(ctx, ns, udpPort, tcpPort);
}
