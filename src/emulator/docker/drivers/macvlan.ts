/**
 * The macvlan driver (libnetwork drivers/macvlan): containers get a macvlan
 * interface on the host's `-o parent` with a random MAC of their own
 * (macvlan_endpoint.go: GenerateRandomMAC), an address from the network's
 * subnet — usually the LAN's — and a default route via the network's gateway,
 * the LAN's router. No bridge, no NAT, no published ports, no iptables rules:
 * the containers sit on the wire like any other machine.
 *
 * Docker 28 lets several macvlan networks share a parent (moby#47318; older
 * engines refused with "network dm-… is already using parent interface eth0");
 * only passthru mode still wants the parent to itself.
 */
import type { LabCtx } from '../../world/ctx';
import type { EndpointState, NetworkState } from '../state';
import type { StackedMode } from '../../net/state';
import { daemonError, type DaemonError } from '../errors';
import { createMacvlan } from '../../net/macvlan';
import { uppersOf } from '../../net/stacked';
import { ensureParentLink, hasNoParent, lanNetworks, parentForJoin, parentName, releaseParentLink } from './parent-link';
import { plumbIntoSandbox, unplugFromSandbox } from './sandbox-iface';

const MODES = ['bridge', 'private', 'passthru', 'vepa'];

function modeOf(net: NetworkState): StackedMode {
  return (net.options.macvlan_mode || 'bridge') as StackedMode;
}

/** parseNetworkOptions(): the checks that need no host interface. */
function checkOptions(net: NetworkState): DaemonError | undefined {
  const mode = net.options.macvlan_mode ?? '';
  if (mode && !MODES.includes(mode)) return daemonError(`requested macvlan mode '${mode}' is not valid, 'bridge' mode is the macvlan driver default`);
  if (net.options.parent === 'lo') return daemonError('loopback interface is not a valid macvlan parent link');
  return undefined;
}

/** createNetwork(): passthru conflicts, then the parent link (shared ownership when another network made it). */
export function createMacvlanNetwork(ctx: LabCtx, machine: string, net: NetworkState): DaemonError | undefined {
  const bad = checkOptions(net);
  if (bad) return bad;
  const parent = parentName(net);
  const sharing = lanNetworks(ctx.docker(machine), 'macvlan').filter((n) => n.id !== net.id && parentName(n) === parent);
  for (const other of sharing) {
    if (modeOf(net) === 'passthru') return daemonError(`cannot use mode passthru, macvlan network ${other.id} is already using parent interface ${parent}`);
    if (modeOf(other) === 'passthru') return daemonError(`macvlan network ${other.id} is already using parent interface ${parent} in mode passthru`);
  }
  const link = ensureParentLink(ctx, machine, net);
  if ('daemonError' in link) return link;
  net.createdParentLink = link.created || sharing.some((n) => n.createdParentLink);
  return undefined;
}

export function deleteMacvlanNetwork(ctx: LabCtx, machine: string, net: NetworkState): void {
  releaseParentLink(ctx, machine, net);
}

/** Join: a macvlan on the parent, moved into the sandbox; the gateway route unless the network is internal. */
export function joinMacvlan(ctx: LabCtx, machine: string, net: NetworkState, ep: EndpointState, sandboxNsId: string, isGateway: boolean): DaemonError | undefined {
  const lower = parentForJoin(ctx, machine, net);
  if ('daemonError' in lower) return lower;
  const model = ctx.state.net;
  const others = uppersOf(model, lower);
  // The kernel keeps a lower device for either macvlan or ipvlan ports (EBUSY), and passthru alone (EINVAL).
  if (others.some((u) => u.kind === 'ipvlan')) return daemonError('failed to create the macvlan port: device or resource busy');
  const mode = modeOf(net);
  if (others.some((u) => u.kind === 'macvlan' && (u.mode === 'passthru' || mode === 'passthru'))) {
    return daemonError('failed to create the macvlan port: invalid argument');
  }
  const dev = createMacvlan(model, ctx.rootNs(machine), lower, 'veth' + ctx.rng.hex(7), ep.mac, mode);
  const routed = isGateway && !!ep.gateway && !net.internal && !hasNoParent(net);
  plumbIntoSandbox(ctx, dev, ep, sandboxNsId, routed ? { dst: 'default', via: ep.gateway } : undefined);
  return undefined;
}

export function leaveMacvlan(ctx: LabCtx, ep: EndpointState, sandboxNsId: string): void {
  unplugFromSandbox(ctx, ep, sandboxNsId);
}
