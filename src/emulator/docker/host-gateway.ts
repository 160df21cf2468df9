/**
 * `--add-host name:host-gateway`: the daemon writes the host's address on
 * the default bridge (docker0's gateway, unless daemon.json sets
 * host-gateway-ip) into /etc/hosts, while HostConfig.ExtraHosts keeps the
 * words as typed (moby daemon/container_operations.go, HostGatewayName).
 */
import type { LabCtx } from '../world/ctx';

export const HOST_GATEWAY = 'host-gateway';

/** `name:host-gateway` → `name:172.17.0.1`; other entries unchanged. */
export function resolveHostGateway(ctx: LabCtx, machine: string, entry: string): string {
  const at = entry.indexOf(':');
  if (at < 0 || entry.slice(at + 1) !== HOST_GATEWAY) return entry;
  const bridge = Object.values(ctx.docker(machine).networks).find((n) => n.predefined && n.name === 'bridge');
  const gateway = bridge?.ipam.config?.[0]?.gateway;
  return gateway ? `${entry.slice(0, at)}:${gateway}` : entry;
}
