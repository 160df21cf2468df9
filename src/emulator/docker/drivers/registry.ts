/**
 * The local network drivers by name (libnetwork's driver registry, for the
 * drivers that have endpoints): what creating, removing, joining and leaving
 * a network means for each. networks.ts and endpoints.ts call through here.
 */
import type { LabCtx } from '../../world/ctx';
import type { EndpointState, NetworkState } from '../state';
import type { DaemonError } from '../errors';
import { createBridgeNetwork, deleteBridgeNetwork, joinBridge, leaveBridge } from './bridge';
import { createMacvlanNetwork, deleteMacvlanNetwork, joinMacvlan, leaveMacvlan } from './macvlan';
import { createIpvlanNetwork, deleteIpvlanNetwork, ipvlanModeOf, joinIpvlan, leaveIpvlan } from './ipvlan';

/** Drivers whose containers get an endpoint (host and null have none). */
export function hasEndpoints(net: NetworkState): boolean {
  return net.driver === 'bridge' || net.driver === 'macvlan' || net.driver === 'ipvlan';
}

/**
 * GetSkipGwAlloc(): macvlan/ipvlan networks that are internal (by --internal
 * or for want of a parent) and ipvlan l3 networks get no gateway address
 * from IPAM unless --gateway names one. Bridge networks always get one.
 */
export function skipsGatewayAlloc(driver: string, options: Record<string, string>, internal: boolean): boolean {
  if (driver !== 'macvlan' && driver !== 'ipvlan') return false;
  if (internal || !options.parent) return true;
  return driver === 'ipvlan' && ipvlanModeOf(options) === 'l3';
}

export function createDriverNetwork(ctx: LabCtx, machine: string, net: NetworkState): DaemonError | undefined {
  if (net.driver === 'macvlan') return createMacvlanNetwork(ctx, machine, net);
  if (net.driver === 'ipvlan') return createIpvlanNetwork(ctx, machine, net);
  createBridgeNetwork(ctx, machine, net);
  return undefined;
}

export function deleteDriverNetwork(ctx: LabCtx, machine: string, net: NetworkState): void {
  if (net.driver === 'bridge') deleteBridgeNetwork(ctx, machine, net);
  else if (net.driver === 'macvlan') deleteMacvlanNetwork(ctx, machine, net);
  else if (net.driver === 'ipvlan') deleteIpvlanNetwork(ctx, machine, net);
}

export function joinDriver(ctx: LabCtx, machine: string, net: NetworkState, ep: EndpointState, sandboxNsId: string, isGateway: boolean): DaemonError | undefined {
  if (net.driver === 'macvlan') return joinMacvlan(ctx, machine, net, ep, sandboxNsId, isGateway);
  if (net.driver === 'ipvlan') return joinIpvlan(ctx, machine, net, ep, sandboxNsId, isGateway);
  joinBridge(ctx, machine, net, ep, sandboxNsId, isGateway);
  return undefined;
}

export function leaveDriver(ctx: LabCtx, machine: string, net: NetworkState, ep: EndpointState, sandboxNsId: string): void {
  if (net.driver === 'macvlan') leaveMacvlan(ctx, ep, sandboxNsId);
  else if (net.driver === 'ipvlan') leaveIpvlan(ctx, ep, sandboxNsId);
  else leaveBridge(ctx, machine, net, ep, sandboxNsId);
}
