/**
 * Rules for one published port and the docker-proxy that goes with it
 * (moby 28.x libnetwork/drivers/bridge/internal/iptabler/port.go:
 * setPerPortIptables, setPerPortNAT, setPerPortForwarding,
 * filterPortMappedOnLoopback). For `-p 8080:80` on bridge1 with the
 * userland proxy (the default):
 *
 *   filter: -I DOCKER -d 192.0.2.2/32 ! -i bridge1 -o bridge1 -p tcp -m tcp --dport 80 -j ACCEPT
 *   nat:    -A DOCKER ! -i bridge1 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 192.0.2.2:80
 *
 * `-p 127.0.0.1:8080:80` adds `-d 127.0.0.1/32` to the DNAT and a raw rule
 * dropping packets for 127.0.0.1:8080 that did not arrive on lo. Without
 * the proxy the DNAT has no `! -i` and a hairpin MASQUERADE is added.
 *
 * How the host itself reaches a published port: nat OUTPUT jumps to DOCKER
 * only for `! -d 127.0.0.0/8` when the proxy is on, so `curl 127.0.0.1:8080`
 * on the host is not NATed — it connects to docker-proxy, which listens on
 * the host port and opens its own connection to the container. Containers
 * reaching the host's address on a published port hit the "skip DNAT"
 * RETURN for their bridge and are served by docker-proxy too. A connection
 * from the host to its own non-loopback address (or from another machine)
 * is DNATed straight to the container. The returned `proxy` describes the
 * listener the packet path must create; it is absent without the proxy.
 */
import type { NetfilterState } from '../../netfilter/types';
import { findChain } from '../../netfilter/state';
import { Fw, type DockerFirewallOptions, type FirewallResult } from './fw';
import { DOCKER_CHAIN } from './daemon';

export interface PortMappingSpec {
  /** Host address of the binding; 0.0.0.0 (the default) means every address. */
  hostIp?: string;
  hostPort: number;
  proto: 'tcp' | 'udp';
  containerIp: string;
  containerPort: number;
  /** The network's Linux bridge (docker0, br-…). */
  bridgeName: string;
}

/** A docker-proxy process: `/usr/bin/docker-proxy -proto tcp -host-ip 0.0.0.0 -host-port 8080 -container-ip … -container-port 80`. */
export interface ProxyListener {
  hostIp: string;
  hostPort: number;
  proto: 'tcp' | 'udp';
  containerIp: string;
  containerPort: number;
}

export interface PortMappingResult extends FirewallResult {
  proxy?: ProxyListener;
}

const isLoopback = (ip: string) => ip.startsWith('127.');

function dnatArgs(pm: PortMappingSpec, hairpin: boolean): string[] {
  const hostIp = pm.hostIp && pm.hostIp !== '0.0.0.0' ? pm.hostIp : '0/0';
  const args = ['-p', pm.proto, '-d', hostIp, '--dport', String(pm.hostPort), '-j', 'DNAT', '--to-destination', `${pm.containerIp}:${pm.containerPort}`];
  if (!hairpin) args.push('!', '-i', pm.bridgeName);
  return args;
}

function program(fw: Fw, pm: PortMappingSpec, opts: DockerFirewallOptions, enable: boolean): void {
  const hairpin = opts.userlandProxy === false;
  const hostIp = pm.hostIp ?? '0.0.0.0';
  if (isLoopback(hostIp)) {
    const drop = ['-p', pm.proto, '-d', hostIp, '--dport', String(pm.hostPort), '!', '-i', 'lo', '-j', 'DROP'];
    fw.program('raw', 'PREROUTING', drop, enable, 'append');
  }
  fw.program('nat', DOCKER_CHAIN, dnatArgs(pm, hairpin), enable, 'append');
  const hairpinMasq = ['-p', pm.proto, '-s', pm.containerIp, '-d', pm.containerIp, '--dport', String(pm.containerPort), '-j', 'MASQUERADE'];
  fw.program('nat', 'POSTROUTING', hairpinMasq, enable && hairpin, 'append');
  const accept = ['!', '-i', pm.bridgeName, '-o', pm.bridgeName, '-p', pm.proto, '-d', pm.containerIp, '--dport', String(pm.containerPort), '-j', 'ACCEPT'];
  fw.program('filter', DOCKER_CHAIN, accept, enable, 'insert');
}

export function addPortMapping(nf: NetfilterState, pm: PortMappingSpec, opts: DockerFirewallOptions = {}): PortMappingResult {
  const fw = new Fw(nf);
  program(fw, pm, opts, true);
  if (opts.userlandProxy === false) return fw.result;
  const proxy = { hostIp: pm.hostIp ?? '0.0.0.0', hostPort: pm.hostPort, proto: pm.proto, containerIp: pm.containerIp, containerPort: pm.containerPort };
  return { ...fw.result, proxy };
}

export type PortRemovalSpec = Omit<PortMappingSpec, 'containerIp' | 'containerPort'> & Partial<Pick<PortMappingSpec, 'containerIp' | 'containerPort'>>;

/** The container side of a mapping, read back from its DNAT rule when the caller does not know it. */
function completeSpec(nf: NetfilterState, pm: PortRemovalSpec): PortMappingSpec | undefined {
  if (pm.containerIp !== undefined && pm.containerPort !== undefined) return pm as PortMappingSpec;
  const hostIp = pm.hostIp && pm.hostIp !== '0.0.0.0' ? pm.hostIp : undefined;
  const chain = findChain(nf.tables.nat, DOCKER_CHAIN);
  for (const r of chain?.rules ?? []) {
    if (r.target?.kind !== 'DNAT' || r.proto?.num !== (pm.proto === 'tcp' ? 6 : 17)) continue;
    const port = r.matches.find((m) => m.kind === pm.proto);
    const dport = port && (port.kind === 'tcp' || port.kind === 'udp') ? port.dport : undefined;
    if (dport?.from !== pm.hostPort || (r.dst?.addr ?? undefined) !== hostIp) continue;
    const { minIp, minPort } = r.target.range;
    if (minIp && minPort !== undefined) return { ...pm, containerIp: minIp, containerPort: minPort };
  }
  return undefined;
}

export function removePortMapping(nf: NetfilterState, pm: PortRemovalSpec, opts: DockerFirewallOptions = {}): FirewallResult {
  const fw = new Fw(nf);
  const full = completeSpec(nf, pm);
  if (full) program(fw, full, opts, false);
  return fw.result;
}
