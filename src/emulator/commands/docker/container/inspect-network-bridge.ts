/**
 * Where `docker inspect NAME` gets a network's document. The network
 * inspect builder (docker/inspect-network.ts) belongs to the network
 * commands; until it lands, networks are reported as not found here.
 * TODO(lead): replace the body with `networkInspect(ctx, machine, net)`.
 */
import type { LabCtx } from '../../../world/ctx';
import type { NetworkState } from '../../../docker/state';

export function networkDocument(_ctx: LabCtx, _machine: string, _net: NetworkState): unknown | undefined {
  return undefined;
}
