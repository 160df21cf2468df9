/**
 * The reverse name iputils prints for a reply (`web.mynet`): Docker's
 * embedded DNS answers PTR queries for containers on user-defined networks
 * with `<name>.<network>` (observed convention, REFERENCE 6.6).
 */
import type { LabCtx } from '../../world/ctx';
import type { VirtualFs } from '../../kernel/fs';

/** getnameinfo's first source: a name for the address in /etc/hosts. */
export function hostsFileName(fs: VirtualFs, ip: string): string | undefined {
  const text = fs.read('/etc/hosts');
  if (typeof text !== 'string' || ['ENOENT', 'EISDIR', 'ENOTDIR'].includes(text)) return undefined;
  for (const line of text.split('\n')) {
    const [addr, name] = line.replace(/#.*/, '').trim().split(/\s+/);
    if (addr === ip && name) return name;
  }
  return undefined;
}

export function reverseName(ctx: LabCtx, machine: string, ip: string): string | undefined {
  const docker = ctx.state.machines[machine]?.docker;
  if (!docker) return undefined;
  const ep = Object.values(docker.endpoints).find((e) => e.ip === ip);
  if (!ep) return undefined;
  const net = docker.networks[ep.networkId];
  if (!net || net.predefined) return undefined;
  return `${docker.containers[ep.containerId]?.name ?? ep.name}.${net.name}`;
}
