/**
 * `docker network connect` / `disconnect` in the daemon (moby
 * daemon/container_operations.go ConnectToNetwork, updateNetworkConfig,
 * validateEndpointSettings, updateNetworkSettings, connectToNetwork,
 * DisconnectFromNetwork, disconnectFromNetwork). A stopped container only has
 * the network recorded in (or removed from) its settings; a running one gets
 * (or loses) a real endpoint.
 *
 * When the endpoint that carried the published ports or the default route
 * goes, libnetwork's sandbox moves both to the next endpoint
 * (Sandbox.updateGateway): the ports are re-published on it and the default
 * route is re-added through its gateway. A running container whose first
 * bridge endpoint comes through connect gets its ports published then.
 */
import type { LabCtx } from '../world/ctx';
import type { ContainerState, EndpointState, NetworkState } from './state';
import { daemonError, type DaemonError } from './errors';
import { endpointsOf, joinNetwork, leaveNetwork } from './endpoints';
import { publishPorts, unpublishPorts } from './publish';
import { refreshContainerFiles } from './sandbox';
import { deviceByName } from '../net/netns';
import { cidrContains, parseCidr, parseIp } from '../net/ipv4';

export interface ConnectOptions {
  aliases?: string[];
  /** --ip, already a valid IP address (the CLI parses it with net.ParseIP). */
  ip?: string;
}

const SHARED = 'container sharing network namespace with another container or host cannot be connected to any other network';
const NONE = 'container cannot be connected to multiple networks with one of the networks in private (none) mode';
const HOST = 'cannot connect container to host network - container must be created in host network mode';

/** State.Running: a paused container still has its sandbox and endpoints. */
function isLive(c: ContainerState): boolean {
  return c.status === 'running' || c.status === 'paused';
}

/** validateEndpointSettings: every problem, joined under one heading. */
function validateEndpoint(net: NetworkState, o: ConnectOptions): DaemonError | undefined {
  const errs: string[] = [];
  if (net.predefined) {
    if (o.ip) errs.push('user-specified IP address is supported on user-defined networks only');
    if (o.aliases?.length) errs.push('network-scoped aliases are only supported for user-defined networks');
  }
  if (o.ip) {
    const why = ipOutsideConfig(net, o.ip);
    if (why) errs.push(why);
  }
  if (!errs.length) return undefined;
  // multierror.Join: one error as it is, several as a "* " list.
  return daemonError(`invalid endpoint settings:\n${errs.length === 1 ? errs[0] : '* ' + errs.join('\n* ')}`);
}

/**
 * validateEndpointIPAddress: a static subnet (given with --subnet, or the
 * default bridge's) must contain the address — its --ip-range when there is
 * one (IpamConf.Contains); without one the address cannot be chosen at all.
 */
function ipOutsideConfig(net: NetworkState, ip: string): string | undefined {
  const addr = parseIp(ip);
  if (addr === undefined || addr === 0) return `invalid IPv4 address: ${ip}`;
  const isStatic = net.userSubnet || (net.predefined && net.driver === 'bridge');
  if (!isStatic) return 'user specified IP address is supported only when connecting to networks with user configured subnets';
  const inside = (net.ipam.config ?? []).some((cfg) => {
    const range = parseCidr(cfg.ipRange ?? cfg.subnet);
    return !!range && cidrContains(range, addr);
  });
  return inside ? undefined : `no configured subnet or ip-range contain the IP address ${ip}`;
}

/** updateNetworkSettings: the checks against the networks the container already has. Returns 'duplicate' when it has this one. */
function checkAgainstCurrent(ctx: LabCtx, machine: string, c: ContainerState, net: NetworkState): DaemonError | 'duplicate' | undefined {
  const docker = ctx.docker(machine);
  if (c.host.networkMode !== 'host' && net.driver === 'host') return daemonError(HOST);
  for (const spec of Object.values(c.networks)) {
    const current = docker.networks[spec.networkId];
    if (!current) continue;
    if (current.name === net.name) return 'duplicate';
    const privateNs = (n: NetworkState) => n.driver !== 'host';
    if (!privateNs(current) || !privateNs(net)) return daemonError(SHARED);
    if (current.name === 'none' || net.name === 'none') return daemonError(NONE);
  }
  return undefined;
}

/**
 * Connects `c` to `net`. Errors are the daemon's, in the order it checks.
 * A container sharing another's namespace is refused even while stopped (the
 * real daemon records the network then and fails later; the lab refuses
 * early so that start never joins a namespace it does not own).
 */
export function connectContainer(ctx: LabCtx, machine: string, c: ContainerState, net: NetworkState, o: ConnectOptions = {}): DaemonError | undefined {
  if (c.host.networkMode.startsWith('container:')) return daemonError(SHARED);
  const invalid = validateEndpoint(net, o);
  if (invalid) return invalid;
  const current = checkAgainstCurrent(ctx, machine, c, net);
  if (current && current !== 'duplicate') return current;
  if (!isLive(c)) {
    // "Avoid duplicate config": connecting a stopped container twice is a no-op.
    if (current !== 'duplicate') c.networks[net.name] = { aliases: o.aliases ?? [], ipv4: o.ip, networkId: net.id };
    return undefined;
  }
  if (current === 'duplicate') return daemonError(`endpoint with name ${c.name} already exists in network ${net.name}`);
  return joinRunning(ctx, machine, c, net, o);
}

function joinRunning(ctx: LabCtx, machine: string, c: ContainerState, net: NetworkState, o: ConnectOptions): DaemonError | undefined {
  if (net.driver !== 'bridge') return daemonError(`driver ${net.driver} is not available in this lab yet`);
  const hadEndpoint = endpointsOf(ctx, machine, c).length > 0;
  c.networks[net.name] = { aliases: o.aliases ?? [], ipv4: o.ip, networkId: net.id };
  ctx.clock.advance(60);
  const ep = joinNetwork(ctx, machine, c, net);
  if ('daemonError' in ep) {
    delete c.networks[net.name];
    return ep;
  }
  if (!hadEndpoint) return publishOn(ctx, machine, c, ep);
  return undefined;
}

function publishOn(ctx: LabCtx, machine: string, c: ContainerState, ep: EndpointState): DaemonError | undefined {
  const net = ctx.docker(machine).networks[ep.networkId];
  const err = publishPorts(ctx, machine, c, ep.ip, c.name, ep.id, net?.bridgeName ?? 'docker0');
  return err ? daemonError(err) : undefined;
}

/**
 * Disconnects `c` from `net` (`net` undefined: the name did not resolve, which
 * only a stopped container or -f gets past). `given` is the name as typed.
 */
export function disconnectContainer(ctx: LabCtx, machine: string, c: ContainerState, net: NetworkState | undefined, given: string, force: boolean): DaemonError | undefined {
  if (!isLive(c) || (!net && force)) {
    const name = net?.name ?? given;
    if (!c.networks[name]) return daemonError(`container ${c.id} is not connected to the network ${name}`);
    delete c.networks[name];
    return undefined;
  }
  if (!net) return daemonError(`network ${given} not found`);
  // NOT FOUND for 28.x: the 29 wording of this refusal (master container_operations.go).
  if (c.host.networkMode === 'host' && net.driver === 'host') {
    return daemonError('cannot disconnect container from host network - container was created in host network mode');
  }
  return leaveRunning(ctx, machine, c, net);
}

function leaveRunning(ctx: LabCtx, machine: string, c: ContainerState, net: NetworkState): DaemonError | undefined {
  const mine = endpointsOf(ctx, machine, c);
  const ep = mine.find((e) => e.networkId === net.id);
  if (!ep) {
    // The null and host drivers keep an endpoint for none/host-mode containers; the model does not.
    if (net.predefined && net.name !== 'bridge' && c.host.networkMode === net.name && c.networks[net.name]) {
      delete c.networks[net.name];
      return undefined;
    }
    return daemonError(`container ${c.id} is not connected to network ${net.name}`);
  }
  const carriedPorts = mine[0]?.id === ep.id;
  if (carriedPorts) unpublishPorts(ctx, machine, c);
  ctx.clock.advance(40);
  leaveNetwork(ctx, machine, c, net);
  delete c.networks[net.name];
  const rest = endpointsOf(ctx, machine, c);
  restoreDefaultRoute(ctx, c, rest, ctx.docker(machine).networks);
  refreshContainerFiles(ctx, machine, c);
  if (carriedPorts && rest.length) return publishOn(ctx, machine, c, rest[0]);
  return undefined;
}

/** Sandbox.updateGateway: the next external endpoint provides the default route. */
function restoreDefaultRoute(ctx: LabCtx, c: ContainerState, rest: EndpointState[], networks: Record<string, NetworkState>): void {
  if (!c.netnsId) return;
  const ns = ctx.ns(c.netnsId);
  if (!ns || ns.routes.some((r) => r.dst === 'default')) return;
  const next = rest.find((e) => e.gateway && networks[e.networkId] && !networks[e.networkId].internal);
  if (!next) return;
  const dev = deviceByName(ctx.state.net, ns, next.ifname);
  if (dev) ns.routes.push({ dst: 'default', via: next.gateway, dev: dev.id });
}

