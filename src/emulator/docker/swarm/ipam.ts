/**
 * The managers' IPAM for swarm networks (swarmkit cnmallocator over
 * libnetwork's default IPAM, global address space):
 *
 * - subnets come from the global default pool 10.0.0.0/8 in /24s
 *   (`--default-addr-pool`, `--default-addr-pool-mask-length` at init), the
 *   first one no other swarm network overlaps — host routes do not matter
 *   here, unlike local networks (REFERENCE 3.2);
 * - VXLAN IDs start at 4096 and are handed out serially (ovmanager.go);
 * - addresses are serial: the allocator goes on after the last address it
 *   gave and only comes back to freed ones after wrapping (REFERENCE 3.3).
 */
import type { ClusterNetwork, ClusterState } from './state';
import { candidateSubnets } from '../ipam';
import { broadcastOf, cidrContains, cidrOverlaps, formatCidr, formatIp, parseCidr, parseIp, type Cidr } from '../../net/ipv4';
import type { AllocError } from '../ipam';

export const VXLAN_ID_START = 4096;
export const DEFAULT_GLOBAL_POOL = '10.0.0.0/8';
export const DEFAULT_SUBNET_SIZE = 24;

export function usedSubnets(cluster: ClusterState): Cidr[] {
  return Object.values(cluster.networks)
    .map((n) => parseCidr(n.subnet))
    .filter((c): c is Cidr => !!c);
}

export function allocateGlobalSubnet(cluster: ClusterState): string | undefined {
  const busy = usedSubnets(cluster);
  const pools = cluster.addrPools.map((base) => ({ base, size: cluster.subnetSize }));
  for (const c of candidateSubnets(pools)) if (!busy.some((b) => cidrOverlaps(b, c))) return formatCidr(c);
  return undefined;
}

export function subnetOverlaps(cluster: ClusterState, subnet: string): boolean {
  const want = parseCidr(subnet);
  return !!want && usedSubnets(cluster).some((b) => cidrOverlaps(b, want));
}

export function nextVni(cluster: ClusterState): number {
  const used = new Set(Object.values(cluster.networks).map((n) => n.vni));
  let vni = VXLAN_ID_START;
  while (used.has(vni)) vni++;
  return vni;
}

/** The next free address after the last one handed out (wrapping), or the requested one. */
export function allocateSerial(net: ClusterNetwork, owner: string, requested?: string): string | { error: AllocError } {
  const subnet = parseCidr(net.subnet)!;
  if (requested) return allocateRequested(net, subnet, owner, requested);
  const range = net.ipRange ? parseCidr(net.ipRange)! : subnet;
  const first = range.base;
  const size = broadcastOf(range) - first + 1;
  const last = net.lastAllocated ? parseIp(net.lastAllocated) : undefined;
  const start = last !== undefined && cidrContains(range, last) ? last + 1 - first : 0;
  for (let i = 0; i < size; i++) {
    const ip = first + ((start + i) % size);
    if (ip === subnet.base || ip === broadcastOf(subnet)) continue;
    const text = formatIp(ip);
    if (net.allocated[text]) continue;
    net.allocated[text] = owner;
    net.lastAllocated = text;
    return text;
  }
  return { error: 'no available addresses on this pool' };
}

function allocateRequested(net: ClusterNetwork, subnet: Cidr, owner: string, requested: string): string | { error: AllocError } {
  const ip = parseIp(requested);
  if (ip === undefined || !cidrContains(subnet, ip) || ip === subnet.base || ip === broadcastOf(subnet)) return { error: 'requested address is out of range' };
  if (net.allocated[requested]) return { error: 'Address already in use' };
  net.allocated[requested] = owner;
  return requested;
}

export function releaseSerial(net: ClusterNetwork, ip: string): void {
  delete net.allocated[ip];
}
