/**
 * Docker's firewall programming, called by the engine. TEMPORARY no-ops until
 * docker/iptables lands; replaced in the next commit.
 */
import type { LabCtx } from '../world/ctx';
import type { NetworkState } from './state';
import type { NsState } from '../net/state';

export interface PortRuleSpec {
  hostIp: string;
  hostPort: number;
  proto: string;
  containerIp?: string;
  containerPort?: number;
  containerId: string;
}

export function fwInitDaemon(_ctx: LabCtx, _machine: string): void {}
export function fwAddBridge(_ctx: LabCtx, _machine: string, _net: NetworkState): void {}
export function fwRemoveBridge(_ctx: LabCtx, _machine: string, _net: NetworkState): void {}
export function fwAddPort(_ctx: LabCtx, _machine: string, _p: PortRuleSpec): void {}
export function fwRemovePort(_ctx: LabCtx, _machine: string, _p: PortRuleSpec): void {}
export function fwEmbeddedDns(_ctx: LabCtx, _ns: NsState, _udp: number, _tcp: number): void {}
export function fwGatewayMasquerade(_ctx: LabCtx, _ns: NsState, _wan: string): void {}
