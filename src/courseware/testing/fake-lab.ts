/**
 * A fake Lab for unit tests of checks and the grader: state as plain data,
 * and a tiny model of Docker's rules good enough to make checks fail for the
 * right reason — names resolve only on shared user-defined networks (the
 * embedded DNS), IPs reach across any shared network, a port answers only
 * when the target listens on it. Tests may override `reach`/`resolve`.
 */
import type { ContainerSummary, LabQueries, NetworkSummary, ReachResult, ServiceSummary, SwarmNodeSummary, Vantage } from '../../emulator/api';
import type { LabView } from '../checks/types';

export interface FakeState {
  networks: NetworkSummary[];
  containers: ContainerSummary[];
  /** Files keyed "container:web:/etc/hosts" or "host:node1:/etc/docker/daemon.json". */
  files?: Record<string, string>;
  /** Ports each container listens on, e.g. { web: ['80/tcp'] }. */
  listening?: Record<string, string[]>;
  /** The swarm's nodes and services (none: no swarm). */
  nodes?: SwarmNodeSummary[];
  services?: ServiceSummary[];
  /** Replaces the model's name resolution. */
  resolve?: LabQueries['resolve'];
  /** Replaces the model's reachability. */
  reach?: LabQueries['canReach'];
}

export function network(partial: Partial<NetworkSummary> & { name: string }): NetworkSummary {
  return { id: `id-${partial.name}`, driver: 'bridge', scope: 'local', subnets: [], gateways: [], internal: false, options: {}, containers: [], ...partial };
}

export function container(partial: Partial<ContainerSummary> & { name: string }): ContainerSummary {
  return {
    id: `${partial.name}0000000000000000000000000000000000000000000000000000000000`.slice(0, 64),
    image: 'alpine:latest', running: true, host: 'node1', networkMode: 'bridge', endpoints: [], ports: {}, env: {},
    ...partial,
  };
}

export function endpoint(networkName: string, ip: string, aliases: string[] = []) {
  return { network: networkName, ip, mac: '02:42:ac:11:00:02', aliases };
}

function vantageKey(v: Vantage): string {
  if ('container' in v) return `container:${v.container}`;
  if ('host' in v) return `host:${v.host}`;
  return 'laptop';
}

export function fakeLab(state: FakeState): LabView & { state: FakeState } {
  const byName = (name: string) => state.containers.find((c) => c.name === name);
  const byAlias = (name: string) => byName(name) ?? state.containers.find((c) => c.endpoints.some((e) => e.aliases.includes(name)));

  const resolve = (from: Vantage, name: string): string | undefined => {
    if (state.resolve) return state.resolve(from, name);
    if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return name;
    const src = 'container' in from ? byName(from.container) : undefined;
    const dst = byAlias(name);
    if (!src?.running || !dst?.running) return undefined;
    const shared = dst.endpoints.find((e) => e.network !== 'bridge' && src.endpoints.some((s) => s.network === e.network));
    return shared?.ip;
  };

  const canReach = (from: Vantage, target: string, port?: number, proto: 'tcp' | 'udp' | 'icmp' = port ? 'tcp' : 'icmp', bytes?: number): ReachResult => {
    if (state.reach) return state.reach(from, target, port, proto, bytes);
    const ip = resolve(from, target);
    if (!ip) return { ok: false, reason: `bad address '${target}'` };
    const src = 'container' in from ? byName(from.container) : undefined;
    const dst = state.containers.find((c) => c.endpoints.some((e) => e.ip === ip));
    if (!src || !dst || !src.running || !dst.running) return { ok: false, reason: 'no route to host' };
    const dstNet = dst.endpoints.find((e) => e.ip === ip)?.network;
    if (!src.endpoints.some((e) => e.network === dstNet)) return { ok: false, reason: 'no route to host' };
    if (port !== undefined && proto !== 'icmp' && !(state.listening?.[dst.name] ?? []).includes(`${port}/${proto}`)) {
      return { ok: false, reason: 'connection refused' };
    }
    return { ok: true, reason: '' };
  };

  const query: LabQueries = {
    networks: (host) => state.networks.filter((n) => host === undefined || n.scope !== 'local' || host === 'node1'),
    containers: (host) => state.containers.filter((c) => host === undefined || c.host === host),
    container: byName,
    readFile: (where, path) => state.files?.[`${vantageKey(where)}:${path}`],
    resolve,
    canReach,
    swarmNodes: () => state.nodes ?? [],
    services: () => state.services ?? [],
  };
  return { query, state };
}
