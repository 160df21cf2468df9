/**
 * `ip -br addr` and `ip -br link` (iproute2 only: BusyBox's ip has no -br and
 * answers with its usage text and exit status 1).
 *
 * iproute2 `ip/ipaddress.c` print_linkinfo_brief(): the name as `"%-16s "`,
 * the operational state as `"%-14s "`, then for addr every address as
 * `"%s/%d "`, for link the MAC as `"%s "` and the flag list as `"<...> "`.
 * Every row therefore ends in a space. Checked against iproute2 6.1:
 * `eth0@if3         UP             172.17.0.2/16 `.
 */
import { ljust } from './text';
import { linkDisplayName, linkFlags, linkOperState } from './link-header';
import type { LinkView } from './types';

function head(link: LinkView): string {
  return `${ljust(linkDisplayName(link), 16)} ${ljust(linkOperState(link), 14)} `;
}

/** `ip -br addr` (optionally `-4` / `-6`: only links with such an address, only those addresses). */
export function ipBriefAddr(links: readonly LinkView[], opts: { family?: 4 | 6 } = {}): string {
  let out = '';
  for (const link of links) {
    const v4 = link.addrs.filter((a) => a.family === 4);
    const v6 = link.addrs.filter((a) => a.family === 6);
    const addrs = opts.family === 4 ? v4 : opts.family === 6 ? v6 : [...v4, ...v6];
    if (opts.family !== undefined && addrs.length === 0) continue;
    out += head(link) + addrs.map((a) => `${a.address}/${a.prefix} `).join('') + '\n';
  }
  return out;
}

/** `ip -br link`. */
export function ipBriefLink(links: readonly LinkView[]): string {
  return links
    .map((link) => `${head(link)}${link.mac} ${linkFlags(link, { flavor: 'iproute2' })} \n`)
    .join('');
}
