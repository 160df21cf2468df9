/**
 * Where `docker inspect NAME` gets a network's document. The network
 * inspect builder (docker/inspect-network.ts) belongs to the network
 * commands and had not landed when this was written, so a network found by
 * name gives a clear message instead of a document.
 * TODO(lead): return `networkInspect(ctx, machine, net)` here.
 */
import type { LabCtx } from '../../../world/ctx';
import type { NetworkState } from '../../../docker/state';

export type NetworkDoc = { ok: true; doc: unknown } | { ok: false; error: string };

export function networkDocument(_ctx: LabCtx, _machine: string, net: NetworkState): NetworkDoc {
  return { ok: false, error: `Error: inspecting network ${net.name} is not available in this lab yet` };
}
