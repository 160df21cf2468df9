/**
 * Legacy links (--link name:alias): environment variables (daemon/links
 * links.go ToEnv) and /etc/hosts lines (`<ip>\t<alias> <hostname> <name>`).
 * Links work only on the default bridge. Docker 28 still sets the variables;
 * 29 stopped (REFERENCE 3.8).
 */
import type { LabCtx } from '../world/ctx';
import type { ContainerState } from './state';

export interface ParsedLink {
  name: string;
  alias: string;
}

export function parseLinkSpec(spec: string): ParsedLink {
  const [name, alias] = spec.split(':');
  return { name: name.replace(/^\//, ''), alias: alias ?? name.replace(/^\//, '') };
}

/** HostConfig.Links entries: "/db:/web/db". */
export function linkRecord(child: string, parent: string, alias: string): string {
  return `/${child}:/${parent}/${alias}`;
}

function linkedChildren(ctx: LabCtx, machine: string, c: ContainerState): { child: ContainerState; alias: string }[] {
  const docker = ctx.docker(machine);
  return c.host.links.flatMap((rec) => {
    const [childPath, aliasPath] = rec.split(':');
    const child = Object.values(docker.containers).find((x) => `/${x.name}` === childPath);
    return child ? [{ child, alias: aliasPath.split('/').pop()! }] : [];
  });
}

export function linkHostsLines(ctx: LabCtx, machine: string, c: ContainerState): string[] {
  return linkedChildren(ctx, machine, c).flatMap(({ child, alias }) => {
    const ip = child.networks['bridge']?.ip;
    if (!ip) return [];
    const names = [alias, child.hostname, child.name].filter((n, i, all) => all.indexOf(n) === i);
    return [`${ip}\t${names.join(' ')}`];
  });
}

function sortPorts(ports: string[]): string[] {
  // TCP before UDP, then by number (links.go sorts with nat.Sort).
  return [...ports].sort((a, b) => {
    const [pa, ta] = a.split('/');
    const [pb, tb] = b.split('/');
    if (ta !== tb) return ta === 'tcp' ? -1 : 1;
    return Number(pa) - Number(pb);
  });
}

export function linkEnv(ctx: LabCtx, machine: string, c: ContainerState): string[] {
  const env: string[] = [];
  for (const { child, alias } of linkedChildren(ctx, machine, c)) {
    const ip = child.networks['bridge']?.ip;
    if (!ip) continue;
    const prefix = alias.toUpperCase().replace(/-/g, '_');
    const ports = sortPorts(child.exposed);
    if (ports.length) {
      const [p0, t0] = ports[0].split('/');
      env.push(`${prefix}_PORT=${t0}://${ip}:${p0}`);
    }
    for (const port of ports) {
      const [n, proto] = port.split('/');
      const key = `${prefix}_PORT_${n}_${proto.toUpperCase()}`;
      env.push(`${key}=${proto}://${ip}:${n}`, `${key}_ADDR=${ip}`, `${key}_PORT=${n}`, `${key}_PROTO=${proto}`);
    }
    // links.go appends the name after the ports, then the child's environment.
    env.push(`${prefix}_NAME=/${c.name}/${alias}`);
    for (const kv of child.env) {
      const k = kv.slice(0, kv.indexOf('='));
      if (k !== 'HOME' && k !== 'PATH') env.push(`${prefix}_ENV_${kv}`);
    }
  }
  return env;
}
