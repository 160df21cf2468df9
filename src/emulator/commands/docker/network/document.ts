/**
 * The one network document every command prints (`docker network inspect`,
 * `docker inspect NET`): the daemon's GET /networks/{id} body. For a swarm
 * network it adds what the daemon fills in from the cluster (moby
 * daemon/network.go buildDetailedNetworkResources): the host's load-balancer
 * endpoint in Containers (`lb-<net>` / `ingress-sbox`) and `Peers`
 * (`[]PeerInfo json:"Peers,omitempty"`, after Labels), and with --verbose
 * `Services` (docker/swarm/services/network-services.ts).
 */
import type { LabCtx } from '../../../world/ctx';
import type { NetworkState } from '../../../docker/state';
import { networkInspect } from '../../../docker/inspect-network';
import { swarmNetworkExtras } from '../../../docker/swarm/inspect-extras';
import { omitEmpty, withGoType } from '../../../docker/format/govalues';
import { networkServices } from '../../../docker/swarm/services/network-services';

export function networkDocument(ctx: LabCtx, machine: string, net: NetworkState, verbose = false): Record<string, unknown> {
  const doc = networkInspect(ctx, machine, net, verbose);
  if (net.scope !== 'swarm') return doc;
  const extras = swarmNetworkExtras(ctx, machine, net);
  const containers = doc.Containers as Map<string, unknown>;
  for (const c of extras.containers) {
    const ep = { Name: c.Name, EndpointID: c.EndpointID, MacAddress: c.MacAddress, IPv4Address: c.IPv4Address, IPv6Address: '' };
    containers.set(c.key, withGoType(ep, 'network.EndpointResource'));
  }
  doc.Peers = omitEmpty(extras.peers.map((p) => withGoType({ Name: p.Name, IP: p.IP }, 'network.PeerInfo')));
  if (verbose) doc.Services = omitEmpty(networkServices(ctx, machine, net.id));
  return doc;
}
