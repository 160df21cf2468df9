/**
 * The per-container rule of a gateway-mode "nat" network (moby 28.x
 * libnetwork/drivers/bridge/internal/iptabler/endpoint.go,
 * filterDirectAccess): packets addressed straight to a container's IP that
 * did not come in on its bridge are dropped in the raw table, before
 * routing. So another machine that adds a route to 172.17.0.0/16 via this
 * host cannot reach unpublished container ports:
 *
 *   -t raw -A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP
 *
 * Not for --internal networks. (28.0 and 28.1 added it per published port
 * instead, with `-p tcp --dport 80`; later 28.x releases per endpoint.)
 */
import type { NetfilterState } from '../../netfilter/types';
import { Fw, type FirewallResult } from './fw';
import type { BridgeNetworkSpec } from './network';

function program(nf: NetfilterState, net: BridgeNetworkSpec, ip: string, enable: boolean): FirewallResult {
  const fw = new Fw(nf);
  if (!net.internal) fw.program('raw', 'PREROUTING', ['-d', ip, '!', '-i', net.bridgeName, '-j', 'DROP'], enable, 'append');
  return fw.result;
}

export function addEndpoint(nf: NetfilterState, net: BridgeNetworkSpec, containerIp: string): FirewallResult {
  return program(nf, net, containerIp, true);
}

export function removeEndpoint(nf: NetfilterState, net: BridgeNetworkSpec, containerIp: string): FirewallResult {
  return program(nf, net, containerIp, false);
}
