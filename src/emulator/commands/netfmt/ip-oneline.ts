/**
 * `ip -o` / `ip -oneline`: one record per line, for grep and awk.
 *
 * Copied behaviour (iproute2 `ip/ipaddress.c`, `_SL_` is "\\" in oneline
 * mode; BusyBox `libiproute/ipaddress.c` does the same):
 * - `ip -o link`: the link/ether line follows the header after a backslash,
 *   keeping its 4-space indent:
 *   `1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 ... qlen 1000\    link/loopback ...`.
 * - `ip -o addr`: no link header at all; each address is its own record,
 *   prefixed with the index and the bare name (no `@ifN`):
 *   `1: lo    inet 127.0.0.1/8 scope host lo\       valid_lft forever preferred_lft forever`.
 */
import { addrLines, ipLink, type IpAddrOptions, type IpLinkOptions } from './ip-addr';
import type { LinkView } from './types';

/** Joins each record's indented continuation lines to it with a backslash. */
function joinContinuations(text: string): string {
  return text.replace(/\n(?= )/g, '\\');
}

/** With -s/-d the counters and details join the record the same way (`_SL_`). */
export function ipLinkOneline(links: readonly LinkView[], opts: IpLinkOptions): string {
  return joinContinuations(ipLink(links, opts));
}

export function ipAddrOneline(links: readonly LinkView[], opts: IpAddrOptions): string {
  let out = '';
  for (const link of links) {
    const addrs = link.addrs.filter((a) => opts.family === undefined || a.family === opts.family);
    // The kernel dumps IPv4 addresses before IPv6 ones.
    addrs.sort((a, b) => a.family - b.family);
    for (const a of addrs) out += `${link.ifindex}: ${link.name}${joinContinuations(addrLines(a, link.name))}\n`;
  }
  return out;
}
