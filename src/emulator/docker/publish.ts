/**
 * Publishing ports on start (libnetwork portmapper): choose host ports,
 * detect conflicts, program DNAT through fw.ts, and start docker-proxy
 * listeners (the userland proxy is on by default in Docker 28).
 * An empty host IP binds both 0.0.0.0 and :: with the same port, which is
 * why `docker ps` shows `0.0.0.0:8080->80/tcp, [::]:8080->80/tcp`.
 * Ephemeral ports come from 32768–60999 (ip_local_port_range), sequentially.
 */
import type { LabCtx } from '../world/ctx';
import type { ContainerState, DockerState, PortBindingState } from './state';
import { fwAddPort, fwRemovePort } from './fw';
import { endpointsOfContainer } from './endpoint-index';

export const EPHEMERAL_START = 32768;
export const EPHEMERAL_END = 60999;

interface Planned {
  key: string; // 80/tcp
  containerPort: number;
  proto: string;
  hostIp: string;
  hostPort: number;
}

function usedOn(docker: DockerState, ip: string, proto: string, port: number): boolean {
  const wild = ip === '0.0.0.0' || ip === '::';
  for (const [k, ports] of Object.entries(docker.portsInUse)) {
    const [kip, kproto] = k.split('/');
    if (kproto !== proto || !ports[port]) continue;
    if (wild || kip === ip || kip === '0.0.0.0' || kip === '::') return true;
  }
  return false;
}

function nextEphemeral(docker: DockerState, ip: string, proto: string): number | undefined {
  for (let i = 0; i <= EPHEMERAL_END - EPHEMERAL_START; i++) {
    const span = EPHEMERAL_END - EPHEMERAL_START + 1;
    const port = EPHEMERAL_START + ((docker.lastEphemeralPort + 1 - EPHEMERAL_START + i + span) % span);
    if (!usedOn(docker, ip, proto, port)) {
      docker.lastEphemeralPort = port;
      return port;
    }
  }
  return undefined;
}

/** All bindings to make: explicit -p ones, plus every exposed port for -P. */
export function wantedBindings(c: ContainerState): Record<string, PortBindingState[]> {
  const out: Record<string, PortBindingState[]> = {};
  for (const [k, v] of Object.entries(c.host.portBindings)) out[k] = v.length ? v : [{ hostIp: '', hostPort: '' }];
  if (c.host.publishAll) for (const k of c.exposed) out[k] ??= [{ hostIp: '', hostPort: '' }];
  return out;
}

function plan(docker: DockerState, c: ContainerState, epName: string, epId: string): Planned[] | string {
  const planned: Planned[] = [];
  for (const [key, bindings] of Object.entries(wantedBindings(c))) {
    const [port, proto] = key.split('/');
    for (const b of bindings) {
      const ip = b.hostIp || '0.0.0.0';
      const chosen = chooseHostPort(docker, ip, proto, b.hostPort, planned);
      if (typeof chosen === 'string') {
        return `driver failed programming external connectivity on endpoint ${epName} (${epId}): ${chosen}`;
      }
      planned.push({ key, containerPort: Number(port), proto, hostIp: ip, hostPort: chosen });
    }
  }
  return planned;
}

function chooseHostPort(docker: DockerState, ip: string, proto: string, spec: string, planned: Planned[]): number | string {
  const clash = (p: number) => usedOn(docker, ip, proto, p) || planned.some((x) => x.proto === proto && x.hostPort === p);
  if (!spec) {
    const p = nextEphemeral(docker, ip, proto);
    return p ?? 'no available ports';
  }
  const [lo, hi] = spec.split('-').map(Number);
  for (let p = lo; p <= (hi ?? lo); p++) if (!clash(p)) return p;
  return `Bind for ${ip}:${hi ? `${lo}-${hi}` : lo} failed: port is already allocated`;
}

/** Returns an error message (the daemon's) or undefined after programming every binding. */
export function publishPorts(ctx: LabCtx, machine: string, c: ContainerState, containerIp: string, epName: string, epId: string, bridgeName: string): string | undefined {
  const docker = ctx.docker(machine);
  const planned = plan(docker, c, epName, epId);
  if (typeof planned === 'string') return planned;
  c.ports = {};
  for (const k of c.exposed) c.ports[k] = [];
  for (const p of planned) {
    const slot = `${p.hostIp}/${p.proto}`;
    (docker.portsInUse[slot] ??= {})[p.hostPort] = c.id;
    fwAddPort(ctx, machine, { hostIp: p.hostIp, hostPort: p.hostPort, proto: p.proto, containerIp, containerPort: p.containerPort, containerId: c.id, bridgeName });
    const list = (c.ports[p.key] ??= []);
    list.push({ hostIp: p.hostIp, hostPort: String(p.hostPort) });
    if (p.hostIp === '0.0.0.0') list.push({ hostIp: '::', hostPort: String(p.hostPort) });
  }
  return undefined;
}

export function unpublishPorts(ctx: LabCtx, machine: string, c: ContainerState): void {
  const docker = ctx.docker(machine);
  // The endpoint the ports were published on: not an overlay one (an overlay container's are on its docker_gwbridge leg).
  const ep = endpointsOfContainer(ctx, docker, c.id).find((e) => docker.networks[e.networkId]?.driver !== 'overlay');
  const bridgeName = ep ? docker.networks[ep.networkId]?.bridgeName : undefined;
  for (const [slot, ports] of Object.entries(docker.portsInUse)) {
    for (const [port, owner] of Object.entries(ports)) {
      if (owner !== c.id) continue;
      delete ports[Number(port)];
      const [hostIp, proto] = slot.split('/');
      fwRemovePort(ctx, machine, { hostIp, hostPort: Number(port), proto, containerId: c.id, bridgeName });
    }
  }
  c.ports = {};
}
