/** Plain-words explanations of where and why a packet was lost. */
import type { LabCtx } from './ctx';
import type { Drop } from '../net/journey';
import { ownerOfNs } from './owners';

function place(ctx: LabCtx, nsId: string): string {
  const owner = ownerOfNs(ctx, nsId);
  // Containers on --network host share the host's own namespace: it is the host's firewall or route.
  if (owner.machine && ctx.state.machines[owner.machine]?.rootNs === nsId) return owner.machine;
  if (owner.containers.length) return `container ${owner.containers[0].name}`;
  return owner.machine || 'an unknown namespace';
}

export function describeDrop(ctx: LabCtx, drop: Drop | undefined): string {
  if (!drop) return 'the other side never answered';
  const where = place(ctx, drop.ns);
  switch (drop.kind) {
    case 'no-route':
      return `${where} has no route to that address`;
    case 'host-unreachable':
      // net/stack.ts sets `where` when the address is on a macvlan/ipvlan child of the sender's own NIC.
      if (drop.where) return `nobody answers ARP for it on the link from ${where}: ${drop.where}`;
      return `nobody answers ARP for it on the link from ${where} (the address is not on that network)`;
    case 'filtered':
      return `a firewall rule on ${where} drops it${drop.where ? ` (${drop.where})` : ''}`;
    case 'rejected':
      return `a firewall rule on ${where} rejects it${drop.where ? ` (${drop.where})` : ''}`;
    case 'ttl-exceeded':
      return `it loops until its TTL runs out at ${where}`;
    case 'link-down':
      return `an interface on ${where} is down`;
    case 'not-forwarding':
      return `${where} does not forward packets`;
    case 'too-big':
      return `it is longer than the MTU of ${drop.where ?? 'an interface'} on ${where}, which drops it`;
  }
}
