/**
 * The embedded DNS server's NAT rules inside a container's namespace (moby
 * 28.x libnetwork/resolver_unix.go, setupIPTable). The resolver listens on
 * 127.0.0.11 at a random UDP port and a random TCP port; these rules make
 * 127.0.0.11:53 reach them and make the answers look like they come from
 * port 53. Each rule is inserted, so the tcp rules end up first:
 *
 *   -A OUTPUT -d 127.0.0.11/32 -j DOCKER_OUTPUT
 *   -A POSTROUTING -d 127.0.0.11/32 -j DOCKER_POSTROUTING
 *   -A DOCKER_OUTPUT -d 127.0.0.11/32 -p tcp -m tcp --dport 53 -j DNAT --to-destination 127.0.0.11:<tcp>
 *   -A DOCKER_OUTPUT -d 127.0.0.11/32 -p udp -m udp --dport 53 -j DNAT --to-destination 127.0.0.11:<udp>
 *   -A DOCKER_POSTROUTING -s 127.0.0.11/32 -p tcp -m tcp --sport <tcp> -j SNAT --to-source :53
 *   -A DOCKER_POSTROUTING -s 127.0.0.11/32 -p udp -m udp --sport <udp> -j SNAT --to-source :53
 */
import type { NetfilterState } from '../../netfilter/types';
import { Fw, type FirewallResult } from './fw';

export const DNS_OUTPUT_CHAIN = 'DOCKER_OUTPUT';
export const DNS_POSTROUTING_CHAIN = 'DOCKER_POSTROUTING';
export const RESOLVER_IP = '127.0.0.11';

export interface EmbeddedDnsSpec {
  /** The resolver's UDP and TCP listening ports (random, from the container's ephemeral range). */
  udpPort: number;
  tcpPort: number;
  resolverIp?: string;
}

/** A chain that already has its jump is flushed (the sandbox is being set up again); otherwise created. */
function prepareChain(fw: Fw, hook: 'OUTPUT' | 'POSTROUTING', chain: string, ip: string): void {
  if (fw.exists('nat', hook, ['-d', ip, '-j', chain])) {
    fw.run(['-t', 'nat', '-F', chain]);
    return;
  }
  fw.run(['-t', 'nat', '-N', chain]);
  fw.run(['-t', 'nat', '-I', hook, '-d', ip, '-j', chain]);
}

export function setupEmbeddedDns(nf: NetfilterState, spec: EmbeddedDnsSpec): FirewallResult {
  const fw = new Fw(nf);
  const ip = spec.resolverIp ?? RESOLVER_IP;
  prepareChain(fw, 'OUTPUT', DNS_OUTPUT_CHAIN, ip);
  prepareChain(fw, 'POSTROUTING', DNS_POSTROUTING_CHAIN, ip);
  const rules: string[][] = [
    ['-t', 'nat', '-I', DNS_OUTPUT_CHAIN, '-d', ip, '-p', 'udp', '--dport', '53', '-j', 'DNAT', '--to-destination', `${ip}:${spec.udpPort}`],
    ['-t', 'nat', '-I', DNS_POSTROUTING_CHAIN, '-s', ip, '-p', 'udp', '--sport', String(spec.udpPort), '-j', 'SNAT', '--to-source', ':53'],
    ['-t', 'nat', '-I', DNS_OUTPUT_CHAIN, '-d', ip, '-p', 'tcp', '--dport', '53', '-j', 'DNAT', '--to-destination', `${ip}:${spec.tcpPort}`],
    ['-t', 'nat', '-I', DNS_POSTROUTING_CHAIN, '-s', ip, '-p', 'tcp', '--sport', String(spec.tcpPort), '-j', 'SNAT', '--to-source', ':53'],
  ];
  for (const r of rules) if (!fw.run(r)) break;
  return fw.result;
}
