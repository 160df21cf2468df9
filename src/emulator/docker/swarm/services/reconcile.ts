/**
 * The orchestrators, the scheduler, the updater, the task reaper and the
 * agents in one synchronous pass (swarmkit manager/orchestrator/replicated,
 * global, update, taskreaper; manager/scheduler):
 *
 * - a task on a node that left is kept as history (its container went with
 *   the node); on a node that is Down it is replaced and whatever still runs
 *   there stops once the node is back (settle); on a drained node, or one
 *   that no longer satisfies the constraints, it is shut down and stays as
 *   history;
 * - a task made from an older spec is replaced slot by slot, at the pace of
 *   the service's UpdateConfig;
 * - replicated services keep one running task per slot 1…replicas (slots
 *   above are removed, containers and all, as a scale down does); global
 *   services one per eligible node;
 * - a new task goes to the node `pickNode` chooses, or waits `pending` with
 *   the scheduler's reason when there is none;
 * - a slot keeps its newest five tasks.
 *
 * After every pass the load balancers are re-programmed (lb.ts).
 */
import type { LabCtx } from '../../../world/ctx';
import type { ClusterState, SwarmNode } from '../state';
import type { SwarmService, SwarmTask } from './types';
import { swarmId } from '../ids';
import { leaderOf, membershipOf, touch } from '../store';
import { deferPeerSync } from '../netdb';
import { nodeReady } from '../nodes';
import { findImage, parseReference } from '../../images';
import { addLoad, eligibleNodes, hostPortFree, mayKeep, nodeLoad, noSuitableNode, pickNode, type NodeLoad } from './placement';
import { allServices, serviceStore, tasksOf } from './store';
import { runTaskContainer, stopTaskContainer } from './task-container';
import { syncLoadBalancers } from './lb';
import { outdated, reapHistory, shutdown, UpdateBatches } from './task-history';
import { markEnded } from './task-exit';

function newTask(ctx: LabCtx, cluster: ClusterState, service: SwarmService, slot: number, nodeId: string, hostname: string): SwarmTask {
  const task: SwarmTask = {
    id: swarmId(ctx.rng), serviceId: service.id, slot, nodeId, hostname, desired: 'running', state: 'pending',
    stateAt: ctx.clock.now(), createdAt: ctx.clock.now(), error: '', image: service.spec.image, specIndex: service.specIndex, version: cluster.raftIndex,
  };
  serviceStore(cluster).tasks[task.id] = task;
  return task;
}

/**
 * The nodes that may take new tasks, asked once per pass: readiness is a
 * probe of each node's link to the leader, and placing a task changes no
 * node's readiness.
 */
interface Pass {
  /** Is the node Ready (its daemon up, the leader reachable on 2377)? Asked once per node and pass. */
  ready: (node: SwarmNode) => boolean;
  eligible?: SwarmNode[];
  /** The spread's task counts, counted once per pass and kept up to date as tasks are placed or go. */
  load?: NodeLoad;
}

type Readiness = Map<string, boolean>;

function newPass(ctx: LabCtx, cluster: ClusterState, known: Readiness): Pass {
  return {
    ready: (node) => {
      if (!known.has(node.id)) known.set(node.id, nodeReady(ctx, cluster, node));
      return known.get(node.id)!;
    },
  };
}

function eligible(ctx: LabCtx, cluster: ClusterState, service: SwarmService, pass: Pass): SwarmNode[] {
  return (pass.eligible ??= eligibleNodes(ctx, cluster, service, pass.ready));
}

/** Binds a pending task to a node and starts it there. */
function place(ctx: LabCtx, cluster: ClusterState, service: SwarmService, task: SwarmTask, pass: Pass, nodeFilter?: string): void {
  const candidates = eligible(ctx, cluster, service, pass).filter((n) => (!nodeFilter || n.id === nodeFilter) && hostPortFree(cluster, service, n));
  // Counted fresh for each task until the first placement of the pass, then kept (shutdowns before it change the counts).
  const load = (pass.load ??= nodeLoad(cluster, service));
  const node = pickNode(load, candidates);
  if (!node) {
    task.error = noSuitableNode(ctx, cluster, service, nodeFilter);
    return;
  }
  task.nodeId = node.id;
  task.hostname = node.hostname;
  task.error = '';
  addLoad(load, node.id, true);
  if (!findImage(task.image)) {
    task.state = 'rejected';
    task.error = `No such image: ${task.image}`;
    return;
  }
  ctx.clock.advance(120);
  const failed = runTaskContainer(ctx, cluster, service, task);
  task.stateAt = ctx.clock.now();
  if (failed) {
    task.state = 'rejected';
    task.error = failed;
    return;
  }
  task.state = 'running';
}

function live(cluster: ClusterState, service: SwarmService): SwarmTask[] {
  return tasksOf(cluster, service.id).filter((t) => t.desired === 'running');
}

/**
 * Tasks that may not stay where they are are shut down. A node that left
 * removed its task containers as it went (daemon/cluster Leave); a node that
 * is Down (its daemon stopped, or 2377 to the leader blocked) is simply not
 * heard from: its tasks are replaced, and whatever still runs there goes on
 * until the node is back (settle). Either way the managers keep the task as
 * history in the state it last reported (`\_ web.3 … Shutdown  Running 2
 * minutes ago`).
 */
function evict(ctx: LabCtx, cluster: ClusterState, service: SwarmService, pass: Pass): void {
  for (const task of live(cluster, service)) {
    if (task.state === 'pending') continue;
    const node = cluster.nodes[task.nodeId];
    if (node?.left || (node && !pass.ready(node))) {
      task.desired = 'shutdown';
      if (node?.left) stopTaskContainer(ctx, task, true);
      continue;
    }
    // Its container ended while the node's agent was not there to say so (the daemon restarted).
    const c = task.containerId ? ctx.state.machines[task.hostname]?.docker?.containers[task.containerId] : undefined;
    if (task.state === 'running' && c?.status !== 'running') {
      markEnded(ctx, task, c?.exitCode ?? 137);
      continue;
    }
    if (!node || !mayKeep(ctx, cluster, service, node) || task.state === 'rejected') shutdown(ctx, task, !node, cluster);
  }
}

/** A node that is back hears that its replaced tasks should stop (the agent's assignments), and stops them. */
function settle(ctx: LabCtx, cluster: ClusterState, service: SwarmService, pass: Pass): void {
  for (const task of tasksOf(cluster, service.id)) {
    const node = cluster.nodes[task.nodeId];
    if (task.desired !== 'shutdown' || task.state !== 'running' || !node || node.left || !pass.ready(node)) continue;
    shutdown(ctx, task, false, cluster);
  }
}

function reconcileReplicated(ctx: LabCtx, cluster: ClusterState, service: SwarmService, pass: Pass): void {
  for (const task of live(cluster, service)) if (task.slot > service.spec.replicas) shutdown(ctx, task, true, cluster);
  const bySlot = new Map(live(cluster, service).map((t) => [t.slot, t]));
  const batch = new UpdateBatches(ctx, service);
  for (let slot = 1; slot <= service.spec.replicas; slot++) {
    const was = bySlot.get(slot);
    const replacing = !!was && was.specIndex !== service.specIndex && was.state !== 'pending';
    if (replacing) batch.next();
    const current = outdated(ctx, cluster, service, was);
    if (replacing && pass.load) addLoad(pass.load, was.nodeId, true, -1); // the old task is gone from its node
    if (current?.state === 'running') continue;
    const task = current ?? newTask(ctx, cluster, service, slot, '', '');
    place(ctx, cluster, service, task, pass);
  }
}

/** One task per eligible node; a waiting task keeps its ID and tries again, one for a node no longer eligible goes. */
function reconcileGlobal(ctx: LabCtx, cluster: ClusterState, service: SwarmService, pass: Pass): void {
  const nodes = eligible(ctx, cluster, service, pass);
  for (const task of live(cluster, service)) {
    if (task.state === 'pending' && !nodes.some((n) => n.id === task.nodeId)) delete serviceStore(cluster).tasks[task.id];
  }
  for (const node of nodes) {
    const was = live(cluster, service).find((t) => t.nodeId === node.id);
    const current = outdated(ctx, cluster, service, was);
    if (was && current !== was && pass.load) addLoad(pass.load, was.nodeId, true, -1);
    if (current?.state === 'running') continue;
    place(ctx, cluster, service, current ?? newTask(ctx, cluster, service, 0, node.id, node.hostname), pass, node.id);
  }
}

/** Clusters a pass is running on (not state: the bookkeeping of one synchronous call). */
const passing = new WeakSet<ClusterState>();

/** Is a pass under way? A task that fails during one is replaced by the next. */
export function inPass(cluster: ClusterState): boolean {
  return passing.has(cluster);
}

/** The orchestrator runs on the leader: with no leader up (its daemon stopped), nothing is rescheduled. */
function orchestrating(ctx: LabCtx, cluster: ClusterState): boolean {
  const leader = leaderOf(cluster);
  return !!leader && ctx.docker(leader.hostname).running && membershipOf(ctx, leader.hostname)?.clusterId === cluster.id;
}

/** One converging pass for a service; the overlay peers are programmed once at its end (deferPeerSync). */
export function reconcileService(ctx: LabCtx, cluster: ClusterState, service: SwarmService, readiness: Readiness = new Map()): void {
  if (passing.has(cluster) || !orchestrating(ctx, cluster)) return;
  passing.add(cluster);
  try {
    converge(ctx, cluster, service, readiness);
  } finally {
    passing.delete(cluster);
  }
}

function converge(ctx: LabCtx, cluster: ClusterState, service: SwarmService, readiness: Readiness): void {
  deferPeerSync(ctx, cluster, () => {
    const pass = newPass(ctx, cluster, readiness);
    settle(ctx, cluster, service, pass);
    evict(ctx, cluster, service, pass);
    if (service.spec.mode === 'global') reconcileGlobal(ctx, cluster, service, pass);
    else reconcileReplicated(ctx, cluster, service, pass);
    reapHistory(ctx, cluster, service);
    touch(ctx, cluster);
  });
}

/** After a node event (drain, leave, join, role change, a daemon stopping or starting, a firewall change): every service converges again. */
export function reconcileAll(ctx: LabCtx, cluster: ClusterState): void {
  if (!cluster.services) return;
  const readiness: Readiness = new Map();
  for (const service of allServices(cluster)) reconcileService(ctx, cluster, service, readiness);
  syncLoadBalancers(ctx, cluster);
}

/** `nginx` → `nginx:latest`, as the CLI pins the image it records in the spec (without the digest offline). */
export function normalizeImage(ref: string): string {
  const { repository, tag } = parseReference(ref);
  return `${repository}:${tag}`;
}

/** Removes every task of a service (service rm): containers go too. */
export function removeTasks(ctx: LabCtx, cluster: ClusterState, service: SwarmService): void {
  deferPeerSync(ctx, cluster, () => {
    for (const task of tasksOf(cluster, service.id)) shutdown(ctx, task, true, cluster);
  });
  for (const task of tasksOf(cluster, service.id)) delete serviceStore(cluster).tasks[task.id];
}
