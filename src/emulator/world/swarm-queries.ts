/**
 * The swarm as exercise checks see it: the nodes a manager would list in
 * `docker node ls`, and the services with the tasks that run for them
 * (`docker service ls` / `service ps`). Read-only: readiness is probed on a
 * copy of the lab, like every other query.
 */
import type { ServiceSummary, SwarmNodeSummary } from '../api';
import type { LabCtx } from './ctx';
import type { ClusterState } from '../docker/swarm/state';
import type { SwarmService } from '../docker/swarm/services/types';
import { allServices, runningTasks, tasksOf } from '../docker/swarm/services/store';
import { nodeReady } from '../docker/swarm/nodes';

function clusters(ctx: LabCtx): ClusterState[] {
  return Object.values(ctx.state.swarm?.clusters ?? {});
}

/** A host whose join timed out: it has no node ID yet, and no role until a manager accepts it. */
function pendingJoins(ctx: LabCtx): SwarmNodeSummary[] {
  return ctx.dockerHosts()
    .filter((h) => ctx.docker(h).swarm?.localState === 'pending')
    .map((h) => ({ id: '', hostname: h, role: 'worker' as const, status: 'pending' as const, availability: 'active' as const, leader: false }));
}

/**
 * Every node of every swarm of the lab; nodes that left stay listed as
 * `down`, as `docker node ls` shows them; hosts still trying to join come
 * last as `pending`.
 */
export function swarmNodeSummaries(ctx: LabCtx): SwarmNodeSummary[] {
  return [...listedNodes(ctx), ...pendingJoins(ctx)];
}

function listedNodes(ctx: LabCtx): SwarmNodeSummary[] {
  return clusters(ctx).flatMap((cluster) =>
    Object.values(cluster.nodes).map((n) => ({
      id: n.id,
      hostname: n.hostname,
      role: n.role,
      status: nodeReady(ctx, cluster, n) ? ('ready' as const) : ('down' as const),
      availability: n.availability,
      leader: n.leader,
    })),
  );
}

function summarize(cluster: ClusterState, s: SwarmService): ServiceSummary {
  const running = runningTasks(cluster, s.id);
  const netName = (id: string) => cluster.networks[id]?.name ?? id;
  return {
    id: s.id,
    name: s.spec.name,
    mode: s.spec.mode,
    replicas: s.spec.mode === 'replicated' ? s.spec.replicas : undefined,
    running: running.length,
    desired: tasksOf(cluster, s.id).filter((t) => t.desired === 'running').length,
    hosts: running.map((t) => t.hostname),
    endpointMode: s.spec.endpointMode,
    networks: s.spec.networks.map(netName),
    ports: s.spec.ports.map((p) => ({ published: p.publishedPort, target: p.targetPort, protocol: p.protocol, mode: p.publishMode })),
  };
}

export function serviceSummaries(ctx: LabCtx): ServiceSummary[] {
  return clusters(ctx).flatMap((cluster) => allServices(cluster).map((s) => summarize(cluster, s)));
}
