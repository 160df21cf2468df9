/**
 * What a change to a host's firewall sets going in the background of a
 * swarm. A daemon whose join timed out keeps dialling the manager
 * ("The attempt to join the swarm will continue in the background"), so an
 * opened 2377 lets it in within moments; memberlist's periodic push/pull
 * (every 30 s) learns or forgets peers as 7946 opens or closes, and the
 * managers notice a node that stopped reporting. The lab applies all three
 * as soon as the rules change, on every host.
 */
import type { LabCtx } from '../../world/ctx';
import { settlePendingJoin } from './join';
import { resyncAfterFirewallChange } from './netdb';
import { clusterOf } from './store';
import { reconcileAll } from './services/reconcile';

export function afterFirewallChange(ctx: LabCtx): void {
  const hosts = ctx.dockerHosts();
  for (const host of hosts) settlePendingJoin(ctx, host);
  const seen = new Set<string>();
  for (const host of hosts) {
    const cluster = ctx.docker(host).swarm?.clusterId;
    if (!cluster || seen.has(cluster)) continue;
    seen.add(cluster);
    resyncAfterFirewallChange(ctx, host);
    // A node cut off from the leader (2377) goes Down and its tasks are replaced; one let back in settles.
    const state = clusterOf(ctx, host);
    if (state) reconcileAll(ctx, state);
  }
}
