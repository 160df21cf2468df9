/**
 * Where a task may run (swarmkit manager/scheduler): nodes that are Ready
 * and whose availability is `active` (a drained or paused node takes no new
 * task), filtered by the service's placement constraints
 * (manager/constraint/constraint.go: `node.hostname`, `node.id`,
 * `node.role`, `node.labels.<k>` with `==` or `!=`), then spread: the node
 * running the fewest tasks of this service, then the fewest tasks overall,
 * then node order (hostname) — swarmkit breaks the last tie arbitrarily, the
 * lab by name so that runs are reproducible.
 */
import type { LabCtx } from '../../../world/ctx';
import type { ClusterState, SwarmNode } from '../state';
import type { SwarmService } from './types';
import { liveNodes } from '../store';
import { nodeReady } from '../nodes';

export interface Constraint {
  key: string;
  op: '==' | '!=';
  value: string;
}

/** swarmkit manager/constraint: the operators in the order Parse tries them, and its key and value patterns. */
const OPERATORS = ['==', '!='] as const;
const KEY = /^[a-z_][a-z0-9\-_.]+$/i;
const VALUE = /^[a-z0-9:\-_\s.*()?+[\]\\^$|/]+$/i;

/**
 * constraint.Parse: the first operator found splits the expression; the
 * key and the value must match swarmkit's patterns. An unknown key is not an
 * error (the scheduler matches no node with it: the task stays pending).
 */
export function parseConstraint(text: string): Constraint | string {
  for (const op of OPERATORS) {
    const at = text.indexOf(op);
    if (at < 0) continue;
    const key = text.slice(0, at).trim();
    const value = text.slice(at + op.length).trim();
    if (!KEY.test(key)) return `key '${key}' is invalid`;
    if (!VALUE.test(value)) return `value '${value}' is invalid`;
    return { key: key.toLowerCase(), op, value };
  }
  return `constraint expected one operator from ${OPERATORS.join(', ')}`;
}

/** constraint.NodeMatches: the node's value for a key (undefined: no node matches an unknown key). */
function nodeValue(node: SwarmNode, key: string): string | undefined {
  if (key === 'node.id') return node.id;
  if (key === 'node.hostname') return node.hostname;
  if (key === 'node.role') return node.role;
  if (key === 'node.platform.os') return 'linux';
  if (key === 'node.platform.arch') return 'x86_64';
  if (key.startsWith('node.labels.')) return node.labels[key.slice('node.labels.'.length)];
  return undefined;
}

export function satisfies(node: SwarmNode, constraints: string[]): boolean {
  return constraints.every((text) => {
    const c = parseConstraint(text);
    if (typeof c === 'string') return false;
    const v = nodeValue(node, c.key);
    // An unknown key matches no node, whatever the operator (NodeMatches' default case).
    if (v === undefined && !c.key.startsWith('node.labels.') && !c.key.startsWith('engine.labels.')) return false;
    // Values compare case-insensitively (strings.EqualFold); a missing label is "not equal".
    const equal = v !== undefined && v.toLowerCase() === c.value.toLowerCase();
    return c.op === '==' ? equal : !equal;
  });
}

/** Nodes that can take a new task of the service. */
export function eligibleNodes(ctx: LabCtx, cluster: ClusterState, service: SwarmService, ready = (n: SwarmNode) => nodeReady(ctx, cluster, n)): SwarmNode[] {
  return liveNodes(cluster)
    .filter((n) => n.availability === 'active' && ready(n) && satisfies(n, service.spec.constraints))
    .sort((a, b) => a.hostname.localeCompare(b.hostname));
}

/** Can a task already on `node` stay there? Drain moves tasks away; pause does not. */
export function mayKeep(ctx: LabCtx, cluster: ClusterState, service: SwarmService, node: SwarmNode | undefined): boolean {
  if (!node || node.left || node.availability === 'drain') return false;
  return ctx.docker(node.hostname).running && satisfies(node, service.spec.constraints);
}

/** How many tasks that should run each node has: of this service, and in all. */
export interface NodeLoad {
  mine: Map<string, number>;
  all: Map<string, number>;
}

/** One pass over the tasks (a reconcile pass keeps it and counts what it places). */
export function nodeLoad(cluster: ClusterState, service: SwarmService): NodeLoad {
  const load: NodeLoad = { mine: new Map(), all: new Map() };
  for (const t of Object.values(cluster.services?.tasks ?? {})) {
    if (t.desired === 'running' && t.nodeId) addLoad(load, t.nodeId, t.serviceId === service.id);
  }
  return load;
}

export function addLoad(load: NodeLoad, nodeId: string, mine: boolean, by = 1): void {
  load.all.set(nodeId, (load.all.get(nodeId) ?? 0) + by);
  if (mine) load.mine.set(nodeId, (load.mine.get(nodeId) ?? 0) + by);
}

/** The scheduler's pick for one new task among `candidates`: fewest tasks of the service, then fewest in all, then node order. */
export function pickNode(load: NodeLoad, candidates: SwarmNode[]): SwarmNode | undefined {
  let best: SwarmNode | undefined;
  let bestKey: [number, number] = [Infinity, Infinity];
  for (const node of candidates) {
    const key: [number, number] = [load.mine.get(node.id) ?? 0, load.all.get(node.id) ?? 0];
    if (key[0] < bestKey[0] || (key[0] === bestKey[0] && key[1] < bestKey[1])) {
      best = node;
      bestKey = key;
    }
  }
  return best;
}

/** Host-mode ports a service publishes on a fixed port (port 0 is picked per node and never collides). */
function fixedHostPorts(service: SwarmService): string[] {
  return service.spec.ports.filter((p) => p.publishMode === 'host' && p.publishedPort > 0).map((p) => `${p.protocol}/${p.publishedPort}`);
}

/**
 * HostPortFilter: a node where a task that should run already publishes one
 * of the service's host-mode ports cannot take another (two services, or two
 * tasks of one, may share a host port only on different nodes).
 */
export function hostPortFree(cluster: ClusterState, service: SwarmService, node: SwarmNode): boolean {
  const wanted = fixedHostPorts(service);
  if (!wanted.length) return true;
  for (const t of Object.values(cluster.services?.tasks ?? {})) {
    if (t.nodeId !== node.id || t.desired !== 'running' || t.state === 'pending') continue;
    const other = cluster.services?.services[t.serviceId];
    if (other && fixedHostPorts(other).some((p) => wanted.includes(p))) return false;
  }
  return true;
}

/** One step of the scheduler's pipeline and its Explain text (swarmkit manager/scheduler/filter.go). */
interface Filter {
  pass: (node: SwarmNode) => boolean;
  explain: (n: number) => string;
}

const plural = (n: number) => `${n} node${n === 1 ? '' : 's'}`;

/**
 * The ERROR column of a task no node can take (scheduler noSuitableNode,
 * Pipeline.Explain): the nodes run through the filters in order, each filter
 * counting the nodes it turned away; the reasons are listed from the most
 * failures to the fewest. `only` narrows the nodes to one (a global task).
 */
export function noSuitableNode(ctx: LabCtx, cluster: ClusterState, service: SwarmService, only?: string): string {
  const filters: Filter[] = [
    { pass: (n) => !n.left && n.availability === 'active' && nodeReady(ctx, cluster, n), explain: (n) => `${plural(n)} not available for new tasks` },
    { pass: (n) => satisfies(n, service.spec.constraints), explain: (n) => `scheduling constraints not satisfied on ${plural(n)}` },
    { pass: (n) => hostPortFree(cluster, service, n), explain: (n) => `host-mode port already in use on ${plural(n)}` },
  ];
  const failures = filters.map(() => 0);
  for (const node of Object.values(cluster.nodes).filter((n) => !only || n.id === only)) {
    const failed = filters.findIndex((f) => !f.pass(node));
    if (failed >= 0) failures[failed]++;
  }
  const reasons = filters.map((f, i) => ({ text: f.explain(failures[i]), count: failures[i] })).filter((r) => r.count > 0);
  reasons.sort((a, b) => b.count - a.count);
  return reasons.length ? `no suitable node (${reasons.map((r) => r.text).join('; ')})` : 'no suitable node';
}
