/**
 * Turning `service create/update` flags into a service spec, with the CLI's
 * and the daemon's complaints (docker/cli cli/command/service/opts.go;
 * moby daemon/cluster/services.go for networks that are not swarm-scoped).
 */
import type { Flags } from '../cli/flags';
import type { FlagSpec } from '../cli/flags';
import type { ClusterState } from '../../../docker/swarm/state';
import type { DockerState } from '../../../docker/state';
import type { ServicePort, UpdatePolicy } from '../../../docker/swarm/services/types';
import { parseGoDuration } from '../../../docker/timestamp-arg';
import { parseServicePublish } from '../../../docker/ports/swarm-port';
import { findClusterNetwork } from '../../../docker/swarm/networks';
import { parseConstraint } from '../../../docker/swarm/services/placement';

export function publishFlag(long: string, short?: string): FlagSpec {
  return {
    long, short, type: 'list', value: 'port', help: 'Publish a port as a node port',
    validate: (v) => {
      const r = parseServicePublish(v);
      return r.ok ? undefined : r.error;
    },
  };
}

export function portsOf(values: string[]): ServicePort[] {
  const out: ServicePort[] = [];
  for (const v of values) {
    const r = parseServicePublish(v);
    if (r.ok) out.push(...r.value.ports.map((p) => ({ ...p })));
  }
  return out;
}

/** `--network foo` or `--network name=foo,alias=bar`: the network's name. */
function networkRef(value: string): string {
  const named = /(?:^|,)(?:name|target)=([^,]+)/.exec(value);
  return named ? named[1] : value;
}

/** The `alias=` parts of `--network name=foo,alias=a,alias=b` (opts.NetworkOpt), by network ID. */
export function networkAliases(cluster: ClusterState, values: string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const v of values) {
    const aliases = [...v.matchAll(/(?:^|,)alias=([^,]+)/g)].map((m) => m[1]);
    const cnet = findClusterNetwork(cluster, networkRef(v));
    if (cnet && aliases.length) out[cnet.id] = [...(out[cnet.id] ?? []), ...aliases];
  }
  return out;
}

/** Network IDs for the spec, or the daemon's error. */
export function resolveNetworks(cluster: ClusterState, docker: DockerState, values: string[]): string[] | string {
  const ids: string[] = [];
  for (const v of values) {
    const ref = networkRef(v);
    const cnet = findClusterNetwork(cluster, ref);
    if (!cnet) {
      const local = Object.values(docker.networks).find((n) => n.name === ref || n.id === ref);
      if (local) return `The network ${local.name} cannot be used with services. Only networks scoped to the swarm can be used, such as those created with the overlay driver.`;
      return `network ${ref} not found`;
    }
    if (cnet.ingress) return `rpc error: code = InvalidArgument desc = Service cannot be explicitly attached to the ingress network "${cnet.name}"`;
    if (!ids.includes(cnet.id)) ids.push(cnet.id);
  }
  return ids;
}

/** The daemon's InvalidArgument for a malformed placement constraint. */
export function constraintError(constraints: string[]): string | undefined {
  for (const c of constraints) {
    const parsed = parseConstraint(c);
    if (typeof parsed === 'string') return `rpc error: code = InvalidArgument desc = ${parsed}`;
  }
  return undefined;
}

/** `--replicas` parses as uint64 (opts.Uint64Opt). */
export function replicasOf(flags: Flags): number | string {
  const raw = flags.string('replicas');
  if (raw === undefined) return 1;
  if (!/^\d+$/.test(raw)) return `invalid argument "${raw}" for "--replicas" flag: strconv.ParseUint: parsing "${raw}": invalid syntax`;
  return Number(raw);
}

/** The daemon's check when it converts the spec (daemon/cluster/convert/service.go): the CLI lower-cases the mode first. */
export function endpointModeError(flags: Flags): string | undefined {
  const em = flags.string('endpoint-mode')?.toLowerCase() ?? 'vip';
  return em === 'vip' || em === 'dnsrr' ? undefined : `invalid resolution mode: "${em}"`;
}

/** time.Duration.String for whole milliseconds: `0s`, `500ms`, `10s`, `1m30s`, `1h0m0s`, `1.5s`. */
export function goDurationString(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = String(Number(((ms % 60_000) / 1000).toFixed(3)));
  if (h) return `${h}h${m}m${s}s`;
  return m ? `${m}m${s}s` : `${s}s`;
}

/**
 * --update-parallelism (uint64, 0: all at once) and --update-delay (a Go
 * duration) over `current`: the policy, or the flag error the CLI prints.
 */
export function updatePolicyOf(flags: Flags, current: UpdatePolicy | undefined): UpdatePolicy | undefined | string {
  if (!flags.has('update-parallelism') && !flags.has('update-delay')) return current;
  const policy: UpdatePolicy = { ...(current ?? { parallelism: 1, delayMs: 0 }) };
  const par = flags.string('update-parallelism');
  if (par !== undefined) {
    if (!/^\d+$/.test(par)) return `invalid argument "${par}" for "--update-parallelism" flag: strconv.ParseUint: parsing "${par}": invalid syntax`;
    policy.parallelism = Number(par);
  }
  const delay = flags.string('update-delay');
  if (delay !== undefined) {
    const ms = parseGoDuration(delay);
    if (ms === undefined) return `invalid argument "${delay}" for "--update-delay" flag: time: invalid duration "${delay}"`;
    policy.delayMs = ms;
  }
  return policy;
}

/** The two update flags create and update share. */
export const UPDATE_POLICY_FLAGS: FlagSpec[] = [
  { long: 'update-delay', type: 'string', value: 'duration', help: 'Delay between updates (ns|us|ms|s|m|h)', defaultText: '0s' },
  { long: 'update-parallelism', type: 'string', value: 'uint', help: 'Maximum number of tasks updated simultaneously (0 to update all at once)', defaultText: '1' },
];
