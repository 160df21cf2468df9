/**
 * The ipvlan driver (libnetwork drivers/ipvlan): like macvlan, but the
 * containers share the parent's MAC (no MacAddress in inspect) and are told
 * apart by IP. `-o ipvlan_mode=l2` (default) puts them on the parent's wire
 * with ARP and a gateway route; `l3` (and l3s, modelled as l3) routes through
 * the parent: no gateway is allocated, each container gets `default dev eth0`,
 * and the LAN needs a route to the subnet via the host. Unlike macvlan in
 * Docker 28, two ipvlan networks cannot share a parent.
 */
import type { LabCtx } from '../../world/ctx';
import type { EndpointState, NetworkState } from '../state';
import { daemonError, type DaemonError } from '../errors';
import { createIpvlan } from '../../net/ipvlan';
import { uppersOf } from '../../net/stacked';
import { dummyName, ensureParentLink, hasNoParent, lanNetworks, parentForJoin, parentName, releaseParentLink } from './parent-link';
import { plumbIntoSandbox, unplugFromSandbox } from './sandbox-iface';

const MODES = ['l2', 'l3', 'l3s'];
const FLAGS = ['bridge', 'private', 'vepa'];

/** l2 or l3 (l3s behaves as l3 here). */
export function ipvlanModeOf(options: Record<string, string>): 'l2' | 'l3' {
  const m = options.ipvlan_mode || 'l2';
  return m === 'l2' ? 'l2' : 'l3';
}

function checkOptions(net: NetworkState): DaemonError | undefined {
  const mode = net.options.ipvlan_mode ?? '';
  if (mode && !MODES.includes(mode)) return daemonError(`requested ipvlan mode '${mode}' is not valid, 'l2' mode is the ipvlan driver default`);
  const flag = net.options.ipvlan_flag ?? '';
  if (flag && !FLAGS.includes(flag)) return daemonError(`requested ipvlan flag '${flag}' is not valid, 'bridge' is the ipvlan driver default`);
  if (net.options.parent === 'lo') return daemonError('loopback interface is not a valid ipvlan parent link');
  return undefined;
}

export function createIpvlanNetwork(ctx: LabCtx, machine: string, net: NetworkState): DaemonError | undefined {
  const bad = checkOptions(net);
  if (bad) return bad;
  const parent = parentName(net);
  const other = lanNetworks(ctx.docker(machine), 'ipvlan').find((n) => n.id !== net.id && parentName(n) === parent);
  if (other) return daemonError(`network ${dummyName('ipvlan', other.id)} is already using parent interface ${parent}`);
  const link = ensureParentLink(ctx, machine, net);
  if ('daemonError' in link) return link;
  net.createdParentLink = link.created;
  return undefined;
}

export function deleteIpvlanNetwork(ctx: LabCtx, machine: string, net: NetworkState): void {
  releaseParentLink(ctx, machine, net);
}

export function joinIpvlan(ctx: LabCtx, machine: string, net: NetworkState, ep: EndpointState, sandboxNsId: string, isGateway: boolean): DaemonError | undefined {
  const lower = parentForJoin(ctx, machine, net);
  if ('daemonError' in lower) return lower;
  if (uppersOf(ctx.state.net, lower).some((u) => u.kind === 'macvlan')) return daemonError('failed to create the ipvlan port: device or resource busy');
  const mode = ipvlanModeOf(net.options);
  const dev = createIpvlan(ctx.state.net, ctx.rootNs(machine), lower, 'veth' + ctx.rng.hex(7), mode);
  const internal = net.internal || hasNoParent(net);
  let route: { dst: string; via?: string; scope?: 'link' } | undefined;
  // l3: a connected default route on every endpoint (AddStaticRoute, types.CONNECTED); l2: the gateway.
  if (!internal && mode === 'l3') route = { dst: 'default', scope: 'link' };
  else if (!internal && isGateway && ep.gateway) route = { dst: 'default', via: ep.gateway };
  plumbIntoSandbox(ctx, dev, ep, sandboxNsId, route);
  return undefined;
}

export function leaveIpvlan(ctx: LabCtx, ep: EndpointState, sandboxNsId: string): void {
  unplugFromSandbox(ctx, ep, sandboxNsId);
}
