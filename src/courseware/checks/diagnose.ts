/**
 * Why a connection or a name look-up fails, read from the lab's state alone.
 * The emulator's probe gives the low-level reason ("bad address 'db'");
 * these give the one a student can act on ("db is on appnet but web is only
 * on bridge"). Undefined when the state shows nothing wrong, so the probe's
 * own reason is then the explanation.
 */
import type { ContainerSummary } from '../../emulator/api';
import type { Vantage } from '../types';
import type { LabView } from './types';
import {
  DEFAULT_BRIDGE, attachmentPhrase, containerByNameOrAlias, containerProblem, isIPv4, listWords,
  networksOf, notRunning, sharedNetworks, vantagePlace,
} from './explain';

export interface ReachTarget {
  to: string;
  port?: number;
  proto: 'tcp' | 'udp' | 'icmp';
}

function containerByIp(lab: LabView, ip: string): ContainerSummary | undefined {
  return lab.query.containers().find((c) => c.endpoints.some((e) => e.ip.split('/')[0] === ip));
}

/** Why two containers cannot talk, from how they are attached. */
function betweenContainers(from: ContainerSummary, to: ContainerSummary, byName: boolean): string | undefined {
  if (from.networkMode === 'none') return `${from.name} has no network (--network none)`;
  if (to.networkMode === 'none') return `${to.name} has no network (--network none)`;
  if (from.networkMode === 'host' || to.networkMode === 'host') return undefined;
  const shared = sharedNetworks(from, to);
  const fromNets = networksOf(from);
  const toNets = networksOf(to);
  if (shared.length === 0 && fromNets.length > 0 && toNets.length > 0) {
    return `${to.name} is on ${listWords(toNets)} but ${from.name} ${attachmentPhrase(from)}`;
  }
  // Docker's embedded DNS (127.0.0.11) answers only on user-defined networks;
  // on the default bridge a container's name does not resolve (docs: "Containers
  // on the default bridge network can only access each other by IP addresses").
  if (byName && shared.length > 0 && shared.every((n) => n === DEFAULT_BRIDGE)) {
    return `${from.name} and ${to.name} are on the default bridge, where names do not resolve`;
  }
  return undefined;
}

/** A container only on `--internal` networks has no route out of them. */
function onlyInternal(lab: LabView, from: ContainerSummary): string | undefined {
  const nets = networksOf(from);
  if (nets.length === 0) return undefined;
  const internal = new Set(lab.query.networks(from.host).filter((n) => n.internal).map((n) => n.name));
  if (!nets.every((n) => internal.has(n))) return undefined;
  return `${from.name} is only on internal networks (${listWords(nets)}), which have no route outside them`;
}

/** node1…node9 as the LAN resolves them: the addresses on which published ports answer. */
function dockerHostAddresses(lab: LabView): string[] {
  const found: string[] = [];
  for (let i = 1; i <= 9; i++) {
    const ip = lab.query.resolve({ laptop: true }, `node${i}`);
    if (!ip) break;
    found.push(ip);
  }
  return found;
}

/** RFC 1918 space: where a missing container is the likely reason, unlike an internet address. */
function isPrivate(ip: string): boolean {
  const [a, b] = ip.split('.').map(Number);
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

/** From a host or the laptop to `node1:8080`: something must publish that port. */
function publishedPortMissing(lab: LabView, target: ReachTarget): string | undefined {
  if (target.port === undefined || target.proto === 'icmp') return undefined;
  const key = `/${target.proto}`;
  const publishes = lab.query.containers().some((c) =>
    c.running && Object.entries(c.ports).some(([p, binds]) =>
      p.endsWith(key) && binds.some((b) => b.hostPort === String(target.port))));
  return publishes ? undefined : `no running container publishes host port ${target.port}/${target.proto}`;
}

/**
 * From a host or the laptop to an address no container has: a Docker host's
 * own address needs a published port; any other LAN address (a macvlan or
 * ipvlan container's, say) needs a container that has it.
 */
function nothingAtTarget(lab: LabView, target: ReachTarget): string | undefined {
  const ip = isIPv4(target.to) ? target.to : lab.query.resolve({ laptop: true }, target.to);
  if (!ip) return undefined;
  if (dockerHostAddresses(lab).includes(ip)) return publishedPortMissing(lab, target);
  return isPrivate(ip) ? `no running container has the address ${ip}` : undefined;
}

/** Explains a failed connection from `from` to `target`, or undefined when the state shows no reason. */
export function diagnoseReach(lab: LabView, from: Vantage, target: ReachTarget): string | undefined {
  const byName = !isIPv4(target.to);
  const fromC = 'container' in from ? lab.query.container(from.container) : undefined;
  if ('container' in from) {
    const problem = containerProblem(lab, from.container);
    if (problem) return problem;
  }
  const toC = byName ? containerByNameOrAlias(lab, target.to) : containerByIp(lab, target.to);
  if (toC && !toC.running) return notRunning(toC);
  if (fromC && toC) return betweenContainers(fromC, toC, byName);
  // A dotted name (example.com) is the outside world's: whether a DNS server answered is the probe's to say.
  if (byName && !toC && !target.to.includes('.') && lab.query.resolve(from, target.to) === undefined) {
    return `the name ${target.to} does not resolve ${vantagePlace(from)}: no container, network alias or host has that name`;
  }
  if (fromC) return onlyInternal(lab, fromC);
  return toC ? undefined : nothingAtTarget(lab, target);
}

/** Explains why `name` does not resolve from `from`, or undefined. */
export function diagnoseName(lab: LabView, from: Vantage, name: string): string | undefined {
  if ('container' in from) {
    const problem = containerProblem(lab, from.container);
    if (problem) return problem;
  }
  const toC = containerByNameOrAlias(lab, name);
  if (!toC) return `there is no container or network alias called ${name}`;
  const fromC = 'container' in from ? lab.query.container(from.container) : undefined;
  if (!fromC) {
    return `container names resolve only inside containers on a user-defined network, not ${vantagePlace(from)}`;
  }
  if (!toC.running) return notRunning(toC);
  return betweenContainers(fromC, toC, true);
}

