/**
 * The rules a bridge network adds and removes (moby 28.x
 * libnetwork/drivers/bridge/internal/iptabler/network.go: setupIPTables,
 * setupNonInternalNetworkRules, setIcc, setDefaultForwardRule,
 * setupInternalNetworkRules, and setINC for the isolation chains). For
 * `-o com.docker.network.bridge.name=bridge1 --subnet 192.0.2.0/24` that is
 * (iptablesdoc usernet-portmap.md, 28.x):
 *
 *   -A DOCKER ! -i bridge1 -o bridge1 -j DROP
 *   -A DOCKER-BRIDGE -o bridge1 -j DOCKER
 *   -A DOCKER-CT -o bridge1 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
 *   -A DOCKER-FORWARD -i bridge1 -j ACCEPT
 *   -A DOCKER-ISOLATION-STAGE-1 -i bridge1 ! -o bridge1 -j DOCKER-ISOLATION-STAGE-2
 *   -I DOCKER-ISOLATION-STAGE-2 -o bridge1 -j DROP
 *   nat: -I POSTROUTING -s 192.0.2.0/24 ! -o bridge1 -j MASQUERADE
 *        -I DOCKER -i bridge1 -j RETURN        (only with the userland proxy)
 *
 * Appended rules keep creation order (docker0 first); inserted ones come
 * out newest first, which is why `-S` shows bridge1's MASQUERADE above
 * docker0's. An --internal network gets only its two DROP rules in
 * DOCKER-ISOLATION-STAGE-1 and the ICC rule; no NAT, no DOCKER rules.
 */
import type { NetfilterState } from '../../netfilter/types';
import { Fw, type DockerFirewallOptions, type FirewallResult } from './fw';
import { DOCKER_BRIDGE, DOCKER_CHAIN, DOCKER_CT, DOCKER_FORWARD, ISOLATION_1, ISOLATION_2 } from './daemon';

export interface BridgeNetworkSpec {
  /** The Linux bridge: docker0, br-<12 hex of the network id>, or com.docker.network.bridge.name. */
  bridgeName: string;
  /** IPv4 subnet, e.g. 172.17.0.0/16. */
  subnet: string;
  /** com.docker.network.bridge.enable_icc (default true). */
  icc?: boolean;
  /** com.docker.network.bridge.enable_ip_masquerade (default true). */
  masquerade?: boolean;
  /** docker network create --internal. */
  internal?: boolean;
}

/** setIcc(): the ACCEPT is only needed for --internal; with ICC off, a DROP. */
function setIcc(fw: Fw, br: string, icc: boolean, internal: boolean, enable: boolean): void {
  const base = ['-i', br, '-o', br, '-j'];
  fw.program('filter', DOCKER_FORWARD, [...base, 'ACCEPT'], enable && icc && internal, 'append');
  fw.program('filter', DOCKER_FORWARD, [...base, 'DROP'], enable && !icc, 'append');
}

function nonInternal(fw: Fw, net: BridgeNetworkSpec, opts: DockerFirewallOptions, enable: boolean): void {
  const br = net.bridgeName;
  const hairpin = opts.userlandProxy === false;
  const icc = net.icc !== false;
  fw.program('nat', 'POSTROUTING', ['-s', net.subnet, '!', '-o', br, '-j', 'MASQUERADE'], enable && net.masquerade !== false, 'insert');
  fw.program('nat', 'POSTROUTING', ['-m', 'addrtype', '--src-type', 'LOCAL', '-o', br, '-j', 'MASQUERADE'], enable && hairpin, 'insert');
  // "Skip DNAT": packets from the bridge to a published port go to docker-proxy.
  fw.program('nat', DOCKER_CHAIN, ['-i', br, '-j', 'RETURN'], enable && !hairpin, 'insert');
  setIcc(fw, br, icc, false, enable);
  const out = icc ? ['-i', br, '-j', 'ACCEPT'] : ['-i', br, '!', '-o', br, '-j', 'ACCEPT'];
  fw.program('filter', DOCKER_FORWARD, out, enable, 'append');
  fw.program('filter', DOCKER_CHAIN, ['!', '-i', br, '-o', br, '-j', 'DROP'], enable, 'append');
  fw.program('filter', DOCKER_CT, ['-o', br, '-m', 'conntrack', '--ctstate', 'RELATED,ESTABLISHED', '-j', 'ACCEPT'], enable, 'append');
  fw.program('filter', DOCKER_BRIDGE, ['-o', br, '-j', DOCKER_CHAIN], enable, 'append');
}

/** setupInternalNetworkRules(): no traffic in or out of the subnet. */
function internal(fw: Fw, net: BridgeNetworkSpec, enable: boolean): void {
  const br = net.bridgeName;
  fw.program('filter', ISOLATION_1, ['-i', br, '!', '-d', net.subnet, '-j', 'DROP'], enable, 'insert');
  fw.program('filter', ISOLATION_1, ['-o', br, '!', '-s', net.subnet, '-j', 'DROP'], enable, 'insert');
  setIcc(fw, net.bridgeName, net.icc !== false, true, enable);
}

/** setINC(): a packet leaving this bridge for another Docker bridge is dropped in stage 2. */
function isolation(fw: Fw, br: string, enable: boolean): void {
  fw.program('filter', ISOLATION_1, ['-i', br, '!', '-o', br, '-j', ISOLATION_2], enable, 'append');
  fw.program('filter', ISOLATION_2, ['-o', br, '-j', 'DROP'], enable, 'insert');
}

function program(nf: NetfilterState, net: BridgeNetworkSpec, opts: DockerFirewallOptions, enable: boolean): FirewallResult {
  const fw = new Fw(nf);
  if (net.internal) internal(fw, net, enable);
  else {
    nonInternal(fw, net, opts, enable);
    isolation(fw, net.bridgeName, enable);
  }
  return fw.result;
}

export function addBridgeNetwork(nf: NetfilterState, net: BridgeNetworkSpec, opts: DockerFirewallOptions = {}): FirewallResult {
  return program(nf, net, opts, true);
}

export function removeBridgeNetwork(nf: NetfilterState, net: BridgeNetworkSpec, opts: DockerFirewallOptions = {}): FirewallResult {
  return program(nf, net, opts, false);
}
