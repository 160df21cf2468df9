/**
 * `ip addr` / `ip a` / `ip -4 a` / `ip -6 a` / `ip addr show dev X` and
 * `ip link` — full (not brief) forms, iproute2 and BusyBox; iproute2's `-s`
 * and `-d` add counters (ip-stats.ts) and driver details (ip-details.ts).
 *
 * Checked byte for byte against iproute2 6.1 (Debian 12) and BusyBox 1.35 in
 * network namespaces wired like Docker's bridge; the Docker docs transcript
 * (standalone.md) agrees once its stripped trailing spaces are restored.
 * - iproute2 ends the first line with `group default ` (trailing space) when
 *   the link has no qlen, and each IPv6 line with `scope host ` / `scope link `
 *   (IPv6 addresses have no label).
 * - With -4 there is no link/ether line, so iproute2 appends the netnsid to
 *   the first line: `... group default  link-netnsid 0` (two spaces).
 * - With -6 the kernel's AF_INET6 link dump carries no qdisc, master, group or
 *   netnsid: `1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 state UNKNOWN qlen 1000`.
 * - A family filter hides links that have no address of that family.
 * - BusyBox: no `group`, no link-netnsid, M-DOWN on a container's eth0, and
 *   the same trailing spaces (it prints "scope %s " too). Alpine's BusyBox
 *   prints `state X `; Debian's build does not (its glibc headers lack the
 *   IFF_DORMANT macro the code tests) — we copy Alpine's, the one in images.
 */
import { linkHeaderLine, linkLayerLine } from './link-header';
import { linkDetailsText } from './ip-details';
import { linkStatsText } from './ip-stats';
import type { AddrView, IpFlavor, LinkView } from './types';

export interface IpAddrOptions {
  flavor: IpFlavor;
  /** `ip -4` / `ip -6` (or `-f inet` / `-f inet6`). */
  family?: 4 | 6;
  /** `ip -s`: the counters after the addresses (ip-stats.ts). */
  stats?: boolean;
  /** `ip -d`: the driver details after the link-layer line (ip-details.ts), which is then always printed. */
  details?: boolean;
}

/** `ip link`'s options: `-s` puts the counters after the link-layer line, `-d` the details on it. */
export interface IpLinkOptions {
  flavor: IpFlavor;
  stats?: boolean;
  details?: boolean;
}

function detailsOf(link: LinkView, on: boolean | undefined, isLink: boolean): string {
  return on && link.details ? linkDetailsText(link.details, { link: isLink }) : '';
}

function statsOf(link: LinkView, on: boolean | undefined): string {
  return on && link.stats ? linkStatsText(link.stats) : '';
}

function lifetime(v: number | 'forever' | undefined): string {
  return v === undefined || v === 'forever' ? 'forever' : `${v}sec`;
}

/** The two lines of one address, without the final newline. */
export function addrLines(addr: AddrView, linkName: string): string {
  let s = `    ${addr.family === 4 ? 'inet' : 'inet6'} ${addr.address}/${addr.prefix} `;
  if (addr.broadcast) s += `brd ${addr.broadcast} `;
  s += `scope ${addr.scope} `;
  for (const f of addr.flags ?? []) s += `${f} `;
  if (addr.family === 4) s += addr.label ?? linkName;
  s += `\n       valid_lft ${lifetime(addr.validLft)} preferred_lft ${lifetime(addr.preferredLft)}`;
  return s;
}

/** The kernel dumps IPv4 addresses before IPv6 ones, each family in its own order. */
function orderedAddrs(link: LinkView, family?: 4 | 6): AddrView[] {
  const v4 = link.addrs.filter((a) => a.family === 4);
  const v6 = link.addrs.filter((a) => a.family === 6);
  if (family === 4) return v4;
  if (family === 6) return v6;
  return [...v4, ...v6];
}

function netnsSuffix(link: LinkView, flavor: IpFlavor): string {
  return flavor === 'iproute2' && link.linkNetnsId !== undefined ? ` link-netnsid ${link.linkNetnsId}` : '';
}

function oneLink(link: LinkView, opts: IpAddrOptions): string {
  const addrs = orderedAddrs(link, opts.family);
  const out: string[] = [];
  // print_linkinfo prints the link-layer line without a family filter, or with -d.
  if (opts.family === undefined || (opts.details && opts.family === 4)) {
    out.push(linkHeaderLine(link, { flavor: opts.flavor }));
    out.push(`    ${linkLayerLine(link)}${netnsSuffix(link, opts.flavor)}${detailsOf(link, opts.details, false)}`);
  } else if (opts.family === 4) {
    out.push(linkHeaderLine(link, { flavor: opts.flavor }) + netnsSuffix(link, opts.flavor));
  } else {
    out.push(linkHeaderLine(link, { flavor: opts.flavor, inet6Dump: true }));
  }
  for (const a of addrs) out.push(addrLines(a, link.name));
  return out.join('\n') + '\n' + statsOf(link, opts.stats);
}

/** The whole `ip addr` output for these links (pass one link for `ip addr show dev X`). */
export function ipAddr(links: readonly LinkView[], opts: IpAddrOptions): string {
  return links
    .filter((l) => opts.family === undefined || orderedAddrs(l, opts.family).length > 0)
    .map((l) => oneLink(l, opts))
    .join('');
}

/** The whole `ip link` output. */
export function ipLink(links: readonly LinkView[], opts: IpLinkOptions): string {
  return links
    .map((l) => {
      const head = linkHeaderLine(l, { flavor: opts.flavor, linkMode: true });
      return `${head}\n    ${linkLayerLine(l)}${netnsSuffix(l, opts.flavor)}${detailsOf(l, opts.details, true)}\n${statsOf(l, opts.stats)}`;
    })
    .join('');
}

/**
 * `ip addr show dev nope` / `ip link show nope` for an unknown device
 * (stderr, exit status 1). iproute2: `Device "nope" does not exist.`;
 * BusyBox: `ip: can't find device 'nope'`.
 */
export function ipDeviceNotFound(flavor: IpFlavor, name: string): string {
  return flavor === 'iproute2' ? `Device "${name}" does not exist.\n` : `ip: can't find device '${name}'\n`;
}
