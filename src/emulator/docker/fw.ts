/**
 * The engine's side of Docker's firewall: turns engine events (daemon start,
 * bridge network created, endpoint joined, port published, resolver started)
 * into the iptables programming of docker/iptables, in the right namespace,
 * and starts the docker-proxy listeners the userland proxy needs.
 */
import type { LabCtx } from '../world/ctx';
import type { NetworkState } from './state';
import type { NsState } from '../net/state';
import { addBridgeNetwork, addEndpoint, addPortMapping, filterForwardDrop, removeBridgeNetwork, removeEndpoint, removePortMapping, setupDaemonChains, setupEmbeddedDns, type BridgeNetworkSpec } from './iptables/index';
import { runIptables } from '../netfilter/iptables';

export interface PortRuleSpec {
  hostIp: string;
  hostPort: number;
  proto: string;
  containerIp?: string;
  containerPort?: number;
  containerId: string;
  bridgeName?: string;
}

function options(ctx: LabCtx, machine: string): { userlandProxy: boolean } {
  return { userlandProxy: ctx.docker(machine).config.userlandProxy };
}

export function bridgeSpec(net: NetworkState): BridgeNetworkSpec {
  return {
    bridgeName: net.bridgeName!,
    subnet: net.ipam.config?.[0]?.subnet ?? '',
    icc: net.options['com.docker.network.bridge.enable_icc'] !== 'false',
    masquerade: net.options['com.docker.network.bridge.enable_ip_masquerade'] !== 'false',
    internal: net.internal,
  };
}

/** A fresh dockerd: its chains, and FORWARD policy DROP because it turned ip_forward on itself. */
export function fwInitDaemon(ctx: LabCtx, machine: string): void {
  const nf = ctx.rootNs(machine).nf;
  setupDaemonChains(nf, options(ctx, machine));
  filterForwardDrop(nf);
}

export function fwAddBridge(ctx: LabCtx, machine: string, net: NetworkState): void {
  addBridgeNetwork(ctx.rootNs(machine).nf, bridgeSpec(net), options(ctx, machine));
}

export function fwRemoveBridge(ctx: LabCtx, machine: string, net: NetworkState): void {
  removeBridgeNetwork(ctx.rootNs(machine).nf, bridgeSpec(net), options(ctx, machine));
}

export function fwAddEndpoint(ctx: LabCtx, machine: string, net: NetworkState, ip: string): void {
  addEndpoint(ctx.rootNs(machine).nf, bridgeSpec(net), ip);
}

export function fwRemoveEndpoint(ctx: LabCtx, machine: string, net: NetworkState, ip: string): void {
  removeEndpoint(ctx.rootNs(machine).nf, bridgeSpec(net), ip);
}

export function fwAddPort(ctx: LabCtx, machine: string, p: PortRuleSpec): void {
  const ns = ctx.rootNs(machine);
  const proto = p.proto === 'udp' ? 'udp' : 'tcp';
  const result = addPortMapping(ns.nf, { hostIp: p.hostIp, hostPort: p.hostPort, proto, containerIp: p.containerIp!, containerPort: p.containerPort!, bridgeName: p.bridgeName! }, options(ctx, machine));
  if (result.proxy) {
    const docker = ctx.docker(machine);
    const pid = docker.nextPid;
    docker.nextPid += 3;
    ns.sockets.push({ proto, ip: result.proxy.hostIp, port: p.hostPort, pid, program: 'docker-proxy', service: { kind: 'docker-proxy', targetIp: p.containerIp!, targetPort: p.containerPort! } });
  }
}

export function fwRemovePort(ctx: LabCtx, machine: string, p: PortRuleSpec): void {
  const ns = ctx.rootNs(machine);
  const proto = p.proto === 'udp' ? 'udp' : 'tcp';
  removePortMapping(ns.nf, { hostIp: p.hostIp, hostPort: p.hostPort, proto, bridgeName: p.bridgeName!, containerIp: p.containerIp, containerPort: p.containerPort }, options(ctx, machine));
  ns.sockets = ns.sockets.filter((s) => !(s.service.kind === 'docker-proxy' && s.proto === proto && s.port === p.hostPort && s.ip === p.hostIp));
}

export function fwEmbeddedDns(_ctx: LabCtx, ns: NsState, udpPort: number, tcpPort: number): void {
  setupEmbeddedDns(ns.nf, { udpPort, tcpPort });
}

/** The home router's NAT towards the internet. */
export function fwGatewayMasquerade(_ctx: LabCtx, ns: NsState, wan: string): void {
  runIptables(['-t', 'nat', '-A', 'POSTROUTING', '-o', wan, '-j', 'MASQUERADE'], ns.nf);
}
