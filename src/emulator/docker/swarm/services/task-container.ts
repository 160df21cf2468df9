/**
 * The agent's side of a task (moby daemon/cluster/executor/container): a
 * container named `<task name>.<task id>` on the task's node, created from
 * the service's image and started on the task's networks — the ingress
 * network first when the service publishes ports through the routing mesh,
 * then the service's own networks in order, and the default bridge when it
 * has none. Its overlay endpoints bring the networks up on that node (the
 * lazy extension of docker/swarm/host-network.ts) and its docker_gwbridge leg
 * follows (gwbridge.ts). `mode=host` ports become the container's own port
 * bindings, published by the node like `docker run -p` does.
 */
import type { LabCtx } from '../../../world/ctx';
import type { ClusterNetwork, ClusterState } from '../state';
import type { PortBindingState } from '../../state';
import type { SwarmService, SwarmTask } from './types';
import { createContainer } from '../../container-create';
import { findImage, parseReference } from '../../images';
import { imagePulled } from '../../events';
import { removeContainer, startContainer, stopContainer } from '../../container-lifecycle';
import { ensureSwarmNetworkRecord } from '../networks';
import { ingressOf } from '../ingress';
import { taskName } from './store';
import { addRedirectRules } from './ingress-rules';
import { expandTaskTemplate } from './task-template';

/** The cluster networks a task joins, in interface order. */
export function taskNetworks(cluster: ClusterState, service: SwarmService): ClusterNetwork[] {
  const out: ClusterNetwork[] = [];
  const ingress = ingressOf(cluster);
  if (ingress && service.spec.ports.some((p) => p.publishMode === 'ingress')) out.push(ingress);
  for (const id of service.spec.networks) if (cluster.networks[id] && !out.includes(cluster.networks[id])) out.push(cluster.networks[id]);
  return out;
}

function hostBindings(service: SwarmService): Record<string, PortBindingState[]> {
  const out: Record<string, PortBindingState[]> = {};
  for (const p of service.spec.ports) {
    if (p.publishMode !== 'host') continue;
    (out[`${p.targetPort}/${p.protocol}`] ??= []).push({ hostIp: '', hostPort: p.publishedPort ? String(p.publishedPort) : '' });
  }
  return out;
}

/** The labels the swarm executor puts on a task's container (daemon/cluster/executor/container/container.go). */
function taskLabels(service: SwarmService, task: SwarmTask): Record<string, string> {
  return {
    'com.docker.swarm.node.id': task.nodeId,
    'com.docker.swarm.service.id': service.id,
    'com.docker.swarm.service.name': service.spec.name,
    'com.docker.swarm.task': '',
    'com.docker.swarm.task.id': task.id,
    'com.docker.swarm.task.name': `${taskName(service, task)}.${task.id}`,
  };
}

/**
 * The agent pulls what the node does not have yet: it shows in `docker
 * images` there, and as a pull event. The nodes pull side by side while the
 * managers wait, so the lab clock is not moved for each one in turn.
 */
function pullForTask(ctx: LabCtx, machine: string, image: string): void {
  const { repository, tag } = parseReference(image);
  const spec = findImage(image);
  const docker = ctx.docker(machine);
  if (!spec || docker.images[`${repository}:${tag}`]) return;
  docker.images[`${repository}:${tag}`] = spec.id;
  imagePulled(ctx, machine, `${repository}:${tag}`);
}

/** Creates and starts the task's container; returns the error the task fails with, if any. */
export function runTaskContainer(ctx: LabCtx, cluster: ClusterState, service: SwarmService, task: SwarmTask): string | undefined {
  const machine = task.hostname;
  pullForTask(ctx, machine, task.image);
  const nets = taskNetworks(cluster, service);
  for (const n of nets) ensureSwarmNetworkRecord(ctx, machine, n.id);
  const created = createContainer(ctx, machine, {
    image: task.image, name: `${taskName(service, task)}.${task.id}`, cmd: service.spec.args,
    env: service.spec.env.map((e) => expandTaskTemplate(e, service, task)),
    hostname: service.spec.hostname ? expandTaskTemplate(service.spec.hostname, service, task) : undefined,
    networkMode: nets[0]?.name ?? 'bridge', aliases: [], dns: [], dnsSearch: [], dnsOptions: [], extraHosts: [], links: [],
    exposed: [], portBindings: hostBindings(service), publishAll: false, tty: false, openStdin: false, autoRemove: false,
  });
  if ('daemonError' in created) return created.daemonError;
  const c = created.container;
  c.cli = { attachStdin: false, attachStdout: false, attachStderr: false, stdinOnce: false, workingDir: '', user: '', labels: taskLabels(service, task), restartPolicy: 'no', capAdd: [], privileged: false, entrypointSet: false };
  for (const n of nets.slice(1)) c.networks[n.name] = { aliases: [], networkId: n.id };
  task.containerId = c.id;
  const failed = startContainer(ctx, machine, c);
  if (failed) return failed.daemonError;
  addRedirectRules(ctx, cluster, service, machine, c);
  return undefined;
}

/** Stops the task's container; `remove` also deletes it (scale down, service rm), else it stays as history. */
export function stopTaskContainer(ctx: LabCtx, task: SwarmTask, remove: boolean): void {
  const docker = ctx.state.machines[task.hostname]?.docker;
  const c = task.containerId ? docker?.containers[task.containerId] : undefined;
  if (!docker || !c) return;
  if (c.status === 'running') stopContainer(ctx, task.hostname, c);
  if (remove) removeContainer(ctx, task.hostname, c, true);
}

/**
 * What `docker swarm leave` does to the node's task containers (moby
 * daemon/cluster/swarm.go Leave: listContainerForNode, then ContainerRm
 * --force): every container labelled with the node's ID goes, running or
 * not — history included.
 */
export function removeNodeTaskContainers(ctx: LabCtx, machine: string, nodeId: string): void {
  for (const c of Object.values(ctx.docker(machine).containers)) {
    if (c.cli?.labels['com.docker.swarm.node.id'] !== nodeId) continue;
    if (c.status === 'running') stopContainer(ctx, machine, c);
    removeContainer(ctx, machine, c, true);
  }
}
