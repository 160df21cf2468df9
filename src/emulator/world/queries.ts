/**
 * Read-only queries for exercise checks and tests. Reachability is probed on
 * a copy of the lab so that checks never change what the student sees (no
 * ARP entries learnt, no counters moved, no rng consumed).
 */
import type { ContainerSummary, LabQueries, NetworkSummary, ReachResult, ServiceSummary, SwarmNodeSummary, Vantage } from '../api';
import type { LabCtx } from './ctx';
import type { ContainerState, DockerState } from '../docker/state';
import { readFileAt } from './files';
import { findContainerAnywhere } from './find';
import { resolveVantage } from './vantage';
import { resolveName } from '../kernel/resolver';
import { probeReach } from './reach';
import { containerProcessEnv } from '../docker/process-env';
import { serviceSummaries, swarmNodeSummaries } from './swarm-queries';

export class LabQueriesImpl implements LabQueries {
  constructor(private current: () => LabCtx) {}

  private hostsOf(host?: string): string[] {
    const ctx = this.current();
    return host ? [host] : ctx.dockerHosts();
  }

  networks(host?: string): NetworkSummary[] {
    const ctx = this.current();
    return this.hostsOf(host).flatMap((h) => {
      const d = ctx.docker(h);
      return Object.values(d.networks).map((n) => ({
        id: n.id,
        name: n.name,
        driver: n.driver,
        scope: n.scope,
        subnets: (n.ipam.config ?? []).map((c) => c.subnet),
        gateways: (n.ipam.config ?? []).map((c) => c.gateway ?? ''),
        internal: n.internal,
        options: { ...n.options },
        containers: Object.values(d.endpoints).filter((e) => e.networkId === n.id).map((e) => d.containers[e.containerId]?.name ?? e.name),
      }));
    });
  }

  containers(host?: string): ContainerSummary[] {
    const ctx = this.current();
    return this.hostsOf(host).flatMap((h) => Object.values(ctx.docker(h).containers).map((c) => summarize(ctx, ctx.docker(h), h, c)));
  }

  container(name: string): ContainerSummary | undefined {
    const ctx = this.current();
    const found = findContainerAnywhere(ctx, name);
    return found ? summarize(ctx, ctx.docker(found.machine), found.machine, found.container) : undefined;
  }

  readFile(where: Vantage, path: string): string | undefined {
    return readFileAt(this.current(), where, path);
  }

  resolve(from: Vantage, name: string): string | undefined {
    const ctx = probeCopy(this.current());
    const v = resolveVantage(ctx, from);
    if (typeof v === 'string') return undefined;
    const r = resolveName(ctx, v.ns, v.fs, name);
    return r.ok ? r.addresses[0] : undefined;
  }

  canReach(from: Vantage, target: string, port?: number, proto: 'tcp' | 'udp' | 'icmp' = port ? 'tcp' : 'icmp', bytes?: number): ReachResult {
    return probeReach(probeCopy(this.current()), from, target, port, proto, bytes);
  }

  swarmNodes(): SwarmNodeSummary[] {
    return swarmNodeSummaries(this.current());
  }

  services(): ServiceSummary[] {
    return serviceSummaries(this.current());
  }
}

function probeCopy(ctx: LabCtx): LabCtx {
  return ctx.forProbe();
}

function summarize(ctx: LabCtx, d: DockerState, host: string, c: ContainerState): ContainerSummary {
  const endpoints = Object.values(d.endpoints)
    .filter((e) => e.containerId === c.id)
    .map((e) => ({ network: d.networks[e.networkId]?.name ?? '', ip: e.ip, mac: e.mac, aliases: e.aliases }));
  // The main process's environment: Config.Env plus legacy link variables (what `env` prints inside).
  const env: Record<string, string> = {};
  for (const kv of containerProcessEnv(ctx, host, c, c.tty)) env[kv.slice(0, kv.indexOf('='))] = kv.slice(kv.indexOf('=') + 1);
  const modeName = c.host.networkMode.startsWith('container:') ? `container:${d.containers[c.host.networkMode.slice(10)]?.name ?? c.host.networkMode.slice(10)}` : c.host.networkMode;
  return { id: c.id, name: c.name, image: c.image, running: c.status === 'running', host, networkMode: modeName, endpoints, ports: structuredCopy(c.ports), env };
}

function structuredCopy<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
