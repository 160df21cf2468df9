/**
 * Plain-words explanations shared by the check kinds. They describe what the
 * lab's state shows ("web is on the default bridge, where names do not
 * resolve") so a failing check tells the student WHY, not just THAT.
 */
import type { ContainerSummary } from '../../emulator/api';
import type { Vantage } from '../types';
import type { LabView } from './types';

/** Docker's default network: its embedded DNS does not serve it (only user-defined networks get name resolution). */
export const DEFAULT_BRIDGE = 'bridge';

export function vantageName(v: Vantage): string {
  if ('container' in v) return v.container;
  if ('host' in v) return v.host;
  return 'the laptop';
}

/** "web", "node1" or "the laptop" as the place a file or name is seen from: "in web", "on node1", "on the laptop". */
export function vantagePlace(v: Vantage): string {
  return 'container' in v ? `in ${v.container}` : `on ${vantageName(v)}`;
}

/** "a", "a and b", "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function isIPv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

/** "there is no container called web" / "web is not running (…)" / undefined when it runs. */
export function containerProblem(lab: LabView, name: string): string | undefined {
  const c = lab.query.container(name);
  if (!c) return `there is no container called ${name}`;
  if (!c.running) return notRunning(c);
  return undefined;
}

/** The query API reports running or not; it cannot tell "created" from "exited", so both are named. */
export function notRunning(c: ContainerSummary): string {
  return `${c.name} is not running (it was never started, was stopped or has exited)`;
}

/** Names of the networks a container has an endpoint on. */
export function networksOf(c: ContainerSummary): string[] {
  return c.endpoints.map((e) => e.network);
}

/** How a container is attached, as a phrase after its name: "is only on bridge", "uses the host's network". */
export function attachmentPhrase(c: ContainerSummary): string {
  const mode = c.networkMode;
  if (mode === 'host') return "uses the host's network (--network host)";
  if (mode === 'none') return 'has no network (--network none)';
  if (mode.startsWith('container:')) return `shares the network of another container (--network ${mode})`;
  const nets = networksOf(c);
  if (nets.length === 0) return 'is on no network';
  if (nets.length === 1) return `is only on ${nets[0]}`;
  return `is on ${listWords(nets)}`;
}

/**
 * The container a name points at: a container of that name, else one with
 * that network alias (`--network-alias`), as Docker's embedded DNS answers both.
 */
export function containerByNameOrAlias(lab: LabView, name: string): ContainerSummary | undefined {
  const direct = lab.query.container(name);
  if (direct) return direct;
  return lab.query.containers().find((c) => c.endpoints.some((e) => e.aliases.includes(name)));
}

/** Networks both containers are on. */
export function sharedNetworks(a: ContainerSummary, b: ContainerSummary): string[] {
  const bNets = new Set(networksOf(b));
  return networksOf(a).filter((n) => bNets.has(n));
}
