/**
 * Docker's default IPAM. Local networks take the first free pool of
 * libnetwork's list (ipamutils/utils.go): 172.17.0.0/16 (docker0), then
 * 172.18.0.0/16 … 172.31.0.0/16 (172.20/14, 172.24/14, 172.28/14 split in
 * /16s), then 192.168.0.0/16 in /20s — 31 pools. A pool that overlaps an
 * existing network or a route of the host is skipped, as the allocator does.
 * Addresses inside a subnet: the first free one (non-serial for local
 * networks), skipping the network address, broadcast, gateway and aux ones.
 */
import { broadcastOf, cidrContains, cidrOverlaps, formatCidr, formatIp, parseCidr, parseIp, type Cidr } from '../net/ipv4';
import type { NetworkState } from './state';
import { peek } from '../core/raw-view';

export interface PoolSpec {
  base: string;
  size: number;
}

export const DEFAULT_LOCAL_POOLS: PoolSpec[] = [
  { base: '172.17.0.0/16', size: 16 },
  { base: '172.18.0.0/16', size: 16 },
  { base: '172.19.0.0/16', size: 16 },
  { base: '172.20.0.0/14', size: 16 },
  { base: '172.24.0.0/14', size: 16 },
  { base: '172.28.0.0/14', size: 16 },
  { base: '192.168.0.0/16', size: 20 },
];

/** Every candidate subnet of the pools, in allocation order. */
export function* candidateSubnets(pools: PoolSpec[]): Generator<Cidr> {
  for (const pool of pools) {
    const base = parseCidr(pool.base);
    if (!base || pool.size < base.prefix) continue;
    const count = 2 ** (pool.size - base.prefix);
    const step = 2 ** (32 - pool.size);
    for (let i = 0; i < count; i++) yield { base: (base.base + i * step) >>> 0, prefix: pool.size };
  }
}

/** Picks the first pool subnet that overlaps neither an existing network nor a host route. */
export function allocateSubnet(pools: PoolSpec[], taken: string[], hostRoutes: string[]): string | undefined {
  const busy = [...taken, ...hostRoutes].map((s) => parseCidr(s)).filter((c): c is Cidr => !!c);
  for (const c of candidateSubnets(pools)) {
    if (!busy.some((b) => cidrOverlaps(b, c))) return formatCidr(c);
  }
  return undefined;
}

export function subnetsInUse(networks: NetworkState[]): string[] {
  return networks.flatMap((n) => (n.ipam.config ?? []).map((c) => c.subnet));
}

/** The first host address of a subnet: Docker's default gateway. */
export function firstHost(subnet: string): string {
  const c = parseCidr(subnet)!;
  return formatIp(c.base + 1);
}

export type AllocError = 'no available addresses on this pool' | 'requested address is out of range' | 'Address already in use';

/** Allocates an address in the network's first IPv4 config (first free, non-serial). */
export function allocateAddress(net: NetworkState, owner: string, requested?: string): string | { error: AllocError } {
  const cfg = net.ipam.config?.[0];
  if (!cfg) return { error: 'no available addresses on this pool' };
  const subnet = parseCidr(cfg.subnet)!;
  if (requested) return allocateRequested(net, subnet, owner, requested);
  const range = cfg.ipRange ? parseCidr(cfg.ipRange)! : subnet;
  const last = broadcastOf(range);
  const broadcast = broadcastOf(subnet);
  // Tested on the raw map (a network of hundreds of endpoints is read past them all); the write is journaled.
  const taken = peek(net.allocated);
  for (let ip = range.base; ip <= last; ip++) {
    if (ip === subnet.base || ip === broadcast) continue;
    const text = formatIp(ip);
    if (taken[text]) continue;
    net.allocated[text] = owner;
    return text;
  }
  return { error: 'no available addresses on this pool' };
}

function allocateRequested(net: NetworkState, subnet: Cidr, owner: string, requested: string): string | { error: AllocError } {
  const ip = parseIp(requested);
  if (ip === undefined || !cidrContains(subnet, ip) || ip === subnet.base || ip === broadcastOf(subnet)) {
    return { error: 'requested address is out of range' };
  }
  if (net.allocated[requested]) return { error: 'Address already in use' };
  net.allocated[requested] = owner;
  return requested;
}

export function releaseAddress(net: NetworkState, ip: string): void {
  delete net.allocated[ip];
}
