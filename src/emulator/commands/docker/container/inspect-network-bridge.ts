/**
 * Where `docker inspect NAME` gets a network's document: the same one
 * `docker network inspect` prints (commands/docker/network/document.ts),
 * so the two can never disagree.
 */
import type { LabCtx } from '../../../world/ctx';
import type { NetworkState } from '../../../docker/state';
import { networkDocument as networkInspectDocument } from '../network/document';

export type NetworkDoc = { ok: true; doc: unknown } | { ok: false; error: string };

export function networkDocument(ctx: LabCtx, machine: string, net: NetworkState): NetworkDoc {
  return { ok: true, doc: networkInspectDocument(ctx, machine, net) };
}
