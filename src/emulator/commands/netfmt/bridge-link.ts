/**
 * `bridge link` (iproute2, on the host): one line per bridge port.
 *
 * iproute2 `bridge/link.c`: "%d: " ifindex, the name (with `@ifN` for a veth),
 * ": ", the flag list and "mtu %u ", "master %s ", then the port's STP state
 * "state %s ", "priority %u ", "cost %u " — the line ends in a space.
 * Checked against iproute2 6.1:
 *   `3: veth1@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master docker0 state forwarding priority 32 cost 2 `
 * (A veth reports 10 Gb/s, hence the default cost 2.)
 */
import { linkDisplayName, linkFlags } from './link-header';
import type { LinkView } from './types';

export type BridgePortState = 'disabled' | 'listening' | 'learning' | 'forwarding' | 'blocking';

export interface BridgePortView {
  link: LinkView;
  /** Defaults to forwarding when the port is up, disabled when it is down. */
  state?: BridgePortState;
  priority?: number;
  cost?: number;
}

export function bridgeLink(ports: readonly BridgePortView[]): string {
  return ports
    .map(({ link, state, priority, cost }) => {
      const st = state ?? (link.up && link.carrier ? 'forwarding' : 'disabled');
      let s = `${link.ifindex}: ${linkDisplayName(link)}: ${linkFlags(link, { flavor: 'iproute2' })} mtu ${link.mtu} `;
      if (link.master) s += `master ${link.master} `;
      s += `state ${st} priority ${priority ?? 32} cost ${cost ?? 2} `;
      return s + '\n';
    })
    .join('');
}
