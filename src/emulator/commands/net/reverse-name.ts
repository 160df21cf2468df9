/**
 * The reverse name iputils prints for a reply (`web.mynet`): Docker's
 * embedded DNS answers PTR queries for containers on user-defined networks
 * with `<name>.<network>` (observed convention, REFERENCE 6.6).
 */
import type { LabCtx } from '../../world/ctx';

export function reverseName(ctx: LabCtx, machine: string, ip: string): string | undefined {
  const docker = ctx.state.machines[machine]?.docker;
  if (!docker) return undefined;
  const ep = Object.values(docker.endpoints).find((e) => e.ip === ip);
  if (!ep) return undefined;
  const net = docker.networks[ep.networkId];
  if (!net || net.predefined) return undefined;
  return `${docker.containers[ep.containerId]?.name ?? ep.name}.${net.name}`;
}
