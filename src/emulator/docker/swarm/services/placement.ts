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
export function eligibleNodes(ctx: LabCtx, cluster: ClusterState, service: SwarmService): SwarmNode[] {
  return liveNodes(cluster)
    .filter((n) => n.availability === 'active' && nodeReady(ctx, cluster, n) && satisfies(n, service.spec.constraints))
    .sort((a, b) => a.hostname.localeCompare(b.hostname));
}

/** Can a task already on `node` stay there? Drain moves tasks away; pause does not. */
export function mayKeep(ctx: LabCtx, cluster: ClusterState, service: SwarmService, node: SwarmNode | undefined): boolean {
  if (!node || node.left || node.availability === 'drain') return false;
  return ctx.docker(node.hostname).running && satisfies(node, service.spec.constraints);
}

/** The scheduler's pick for one new task among `candidates`: one pass over the tasks, then the spread order. */
export function pickNode(cluster: ClusterState, service: SwarmService, candidates: SwarmNode[]): SwarmNode | undefined {
  const mine = new Map<string, number>();
  const all = new Map<string, number>();
  for (const t of Object.values(cluster.services?.tasks ?? {})) {
    if (t.desired !== 'running') continue;
    all.set(t.nodeId, (all.get(t.nodeId) ?? 0) + 1);
    if (t.serviceId === service.id) mine.set(t.nodeId, (mine.get(t.nodeId) ?? 0) + 1);
  }
  let best: SwarmNode | undefined;
  let bestKey: [number, number] = [Infinity, Infinity];
  for (const node of candidates) {
    const key: [number, number] = [mine.get(node.id) ?? 0, all.get(node.id) ?? 0];
    if (key[0] < bestKey[0] || (key[0] === bestKey[0] && key[1] < bestKey[1])) {
      best = node;
      bestKey = key;
    }
  }
  return best;
}

/** The ERROR column of a task no node can take (swarmkit scheduler noSuitableNode). */
export function noSuitableNode(ctx: LabCtx, cluster: ClusterState, service: SwarmService): string {
  const nodes = liveNodes(cluster);
  const ready = nodes.filter((n) => n.availability === 'active' && nodeReady(ctx, cluster, n));
  if (ready.length && !ready.some((n) => satisfies(n, service.spec.constraints))) {
    return `no suitable node (scheduling constraints not satisfied on ${nodes.length} node${nodes.length === 1 ? '' : 's'})`;
  }
  return 'no suitable node';
}
