/**
 * What `docker network inspect` adds for a swarm network on a host, beyond
 * its local containers (for docker/inspect-network.ts):
 *
 * - the host's load-balancer endpoint, keyed `lb-<net>` and named
 *   `<net>-endpoint` (or, for ingress, `ingress-sbox` / `ingress-endpoint`);
 * - `Peers`: the nodes this host sees on the network, itself included, each
 *   by its NetworkDB name (12 hex) and address.
 *
 * Both are empty where the network is not active on the host (a manager
 * lists every swarm network, but has Peers only for those it runs).
 */
import type { LabCtx } from '../../world/ctx';
import type { NetworkState } from '../state';
import { localLoadBalancer } from './host-network';
import { networkPeers } from './netdb';

export interface SwarmNetworkExtras {
  containers: { key: string; Name: string; EndpointID: string; MacAddress: string; IPv4Address: string }[];
  peers: { Name: string; IP: string }[];
}

export function swarmNetworkExtras(ctx: LabCtx, machine: string, net: NetworkState): SwarmNetworkExtras {
  if (net.scope !== 'swarm') return { containers: [], peers: [] };
  const lb = localLoadBalancer(ctx, machine, net.id);
  const containers = lb ? [{ key: lb.key, Name: lb.name, EndpointID: lb.endpointId, MacAddress: lb.mac, IPv4Address: lb.ipv4 }] : [];
  return { containers, peers: networkPeers(ctx, machine, net.id) };
}
