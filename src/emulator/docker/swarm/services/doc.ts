/**
 * A service as the API returns it (moby api/types/swarm Service; field
 * order of the Go structs), for `docker service inspect`. The image is
 * pinned to its digest as the CLI records it (`nginx:latest@sha256:…`);
 * the defaults are swarmkit's: restart on any condition after 5 s, updates
 * and rollbacks one task at a time, stop-first, 5 s monitor, pause on
 * failure; a 10 s stop grace period.
 */
import type { ClusterState } from '../state';
import type { ServicePort, ServiceSpec, SwarmService } from './types';
import { goRfc3339Nano, goTimeString } from '../../inspect-network';
import { goStringer, omitEmpty, withGoType } from '../../format/govalues';
import { findImage } from '../../images';
import { manifestDigest } from '../../image-store';

function time(ms: number, nanos: number): unknown {
  return goStringer(goTimeString(ms, nanos), goRfc3339Nano(ms, nanos), 'time.Time');
}

function pinned(image: string): string {
  const spec = findImage(image);
  return spec ? `${image}@${manifestDigest(spec)}` : image;
}

function ports(list: ServicePort[]): unknown {
  return list.map((p) => ({ Protocol: p.protocol, TargetPort: p.targetPort, PublishedPort: p.publishedPort, PublishMode: p.publishMode }));
}

const UPDATE_DEFAULTS = { Parallelism: 1, FailureAction: 'pause', Monitor: 5_000_000_000, MaxFailureRatio: 0, Order: 'stop-first' };

/** swarm.UpdateConfig in field order; Delay is omitempty. */
function updateConfig(spec: ServiceSpec): Record<string, unknown> {
  const u = spec.update;
  if (!u) return UPDATE_DEFAULTS;
  const d = UPDATE_DEFAULTS;
  return { Parallelism: u.parallelism, Delay: omitEmpty(u.delayMs * 1e6), FailureAction: d.FailureAction, Monitor: d.Monitor, MaxFailureRatio: d.MaxFailureRatio, Order: d.Order };
}

function endpointSpec(spec: ServiceSpec): Record<string, unknown> {
  return { Mode: spec.endpointMode, Ports: omitEmpty(spec.ports.length ? ports(spec.ports) : undefined) };
}

export function serviceSpecDocument(spec: ServiceSpec): Record<string, unknown> {
  return {
    Name: spec.name,
    Labels: new Map<string, string>(),
    TaskTemplate: {
      ContainerSpec: {
        Image: pinned(spec.image), Args: omitEmpty(spec.args.length ? spec.args : undefined), Hostname: omitEmpty(spec.hostname), Env: omitEmpty(spec.env.length ? spec.env : undefined),
        Init: false, StopGracePeriod: 10_000_000_000, DNSConfig: {}, Isolation: 'default',
      },
      Resources: { Limits: {}, Reservations: {} },
      RestartPolicy: { Condition: 'any', Delay: 5_000_000_000, MaxAttempts: 0 },
      Placement: spec.constraints.length ? { Constraints: spec.constraints, Platforms: [{ Architecture: 'amd64', OS: 'linux' }] } : { Platforms: [{ Architecture: 'amd64', OS: 'linux' }] },
      Networks: omitEmpty(spec.networks.length ? spec.networks.map((Target) => ({ Target, Aliases: omitEmpty(spec.aliases?.[Target]) })) : undefined),
      ForceUpdate: 0,
      Runtime: 'container',
    },
    Mode: spec.mode === 'global' ? { Global: {} } : { Replicated: { Replicas: spec.replicas } },
    UpdateConfig: updateConfig(spec),
    RollbackConfig: UPDATE_DEFAULTS,
    EndpointSpec: endpointSpec(spec),
  };
}

export function serviceDocument(_cluster: ClusterState, s: SwarmService): Record<string, unknown> {
  return withGoType({
    ID: s.id,
    Version: { Index: s.version },
    CreatedAt: time(s.createdAt, s.createdNanos),
    UpdatedAt: time(s.updatedAt, s.updatedNanos),
    Spec: serviceSpecDocument(s.spec),
    PreviousSpec: omitEmpty(s.previous ? serviceSpecDocument(s.previous) : undefined),
    Endpoint: endpointDocument(s),
    UpdateStatus: omitEmpty(s.updateStatus && {
      State: updateState(s), StartedAt: time(s.updateStatus.startedAt, s.updateStatus.startedNanos),
      CompletedAt: time(s.updateStatus.completedAt, s.updateStatus.completedNanos), Message: updateMessage(s),
    }),
  }, 'swarm.Service');
}

/** UpdateStatus.State and .Message of the last rolling update or rollback (swarmkit updater). */
export function updateState(s: SwarmService): string {
  return s.updateStatus?.rollback ? 'rollback_completed' : 'completed';
}

export function updateMessage(s: SwarmService): string {
  return s.updateStatus?.rollback ? 'rollback completed' : 'update completed';
}

/** The allocator copies host-mode ports into Endpoint.Ports as they are, and fills in the ingress ones (swarmkit portallocator). */
function endpointDocument(s: SwarmService): Record<string, unknown> {
  return {
    Spec: endpointSpec(s.spec),
    Ports: omitEmpty(s.spec.ports.length ? ports(s.spec.ports) : undefined),
    VirtualIPs: omitEmpty(s.vips.length ? s.vips.map((v) => ({ NetworkID: v.networkId, Addr: v.addr })) : undefined),
  };
}
