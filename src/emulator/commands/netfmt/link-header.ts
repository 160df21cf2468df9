/**
 * The pieces of an interface's first line that `ip addr`, `ip link`,
 * `ip -br` and `bridge link` share: the displayed name (`eth0@if28`), the flag
 * list (`<BROADCAST,MULTICAST,UP,LOWER_UP>`), the operational state and the
 * qdisc.
 *
 * Copied behaviour:
 * - iproute2 `ip/ipaddress.c` print_link_flags(): NO-CARRIER first when the
 *   link is up without carrier; then LOOPBACK, BROADCAST, POINTOPOINT,
 *   MULTICAST, NOARP, ALLMULTI, PROMISC, ..., UP, LOWER_UP; then ",M-DOWN".
 * - BusyBox `networking/libiproute/ipaddress.c` print_link_flags() knows only
 *   LOOPBACK, BROADCAST, POINTOPOINT, MULTICAST, NOARP, UP, LOWER_UP and
 *   prints any other bit in hex.
 * - M-DOWN: both print it when the IFLA_LINK device is not a local up device.
 *   iproute2 skips the check when the peer has a link-netnsid; BusyBox does not
 *   know netnsids, so a container's eth0 always shows M-DOWN there
 *   (docker docs, standalone.md: `eth0@if28: <...,UP,LOWER_UP,M-DOWN>`).
 */
import type { IpFlavor, LinkView, OperState } from './types';

const IFF_ALLMULTI = 0x200;
const IFF_PROMISC = 0x100;

export interface HeaderContext {
  flavor: IpFlavor;
  /**
   * The kernel's AF_INET6 link dump (`ip -6 addr`) has no IFLA_LINK_NETNSID,
   * so iproute2 treats the peer as a local index it cannot find: M-DOWN.
   */
  noNetnsId?: boolean;
}

/** `eth0@if28`, `eth0.10@eth0`, or the bare name. */
export function linkDisplayName(link: LinkView): string {
  if (link.parentName !== undefined) return `${link.name}@${link.parentName}`;
  if (link.peerIfindex !== undefined) return `${link.name}@if${link.peerIfindex}`;
  return link.name;
}

function isMDown(link: LinkView, ctx: HeaderContext): boolean {
  if (link.parentName !== undefined) return link.parentDown === true;
  if (link.peerIfindex === undefined) return false;
  if (ctx.flavor === 'busybox') return true;
  return link.linkNetnsId === undefined || ctx.noNetnsId === true;
}

/** The names of the set flags, in the order the flavour prints them. */
function flagNames(link: LinkView, flavor: IpFlavor): { names: string[]; unknownBits: number } {
  const names: string[] = [];
  if (link.up && !link.carrier) names.push('NO-CARRIER');
  if (link.kind === 'loopback') names.push('LOOPBACK');
  // drivers/net/dummy.c dummy_setup() clears IFF_MULTICAST: `<BROADCAST,NOARP>`.
  else if (link.kind === 'dummy') names.push('BROADCAST');
  else names.push('BROADCAST', 'MULTICAST');
  if (link.noarp) names.push('NOARP');
  let unknownBits = 0;
  if (flavor === 'iproute2') {
    if (link.allmulti) names.push('ALLMULTI');
    if (link.promisc) names.push('PROMISC');
  } else {
    unknownBits = (link.allmulti ? IFF_ALLMULTI : 0) | (link.promisc ? IFF_PROMISC : 0);
  }
  if (link.up) names.push('UP');
  if (link.up && link.carrier) names.push('LOWER_UP');
  return { names, unknownBits };
}

/** `<BROADCAST,MULTICAST,UP,LOWER_UP>` (no trailing space). */
export function linkFlags(link: LinkView, ctx: HeaderContext): string {
  const { names, unknownBits } = flagNames(link, ctx.flavor);
  let text = names.join(',');
  if (unknownBits) text += (text ? ',' : '') + unknownBits.toString(16);
  if (isMDown(link, ctx)) text += ',M-DOWN';
  return `<${text}>`;
}

/** IFLA_OPERSTATE as the kernel would report it for this link. */
export function linkOperState(link: LinkView): OperState {
  if (link.operState) return link.operState;
  if (!link.up) return 'DOWN';
  if (link.kind === 'loopback' || link.kind === 'dummy' || link.kind === 'vxlan') return 'UNKNOWN';
  return link.carrier ? 'UP' : 'DOWN';
}

/**
 * The root qdisc: `noop` until the link is first brought up; then `noqueue`
 * for the IFF_NO_QUEUE virtual devices (lo, veth, bridge, vlan, macvlan, ...)
 * and the default qdisc for a real NIC.
 */
export function linkQdisc(link: LinkView): string {
  if (link.qdisc) return link.qdisc;
  if (!link.up) return 'noop';
  return link.kind === 'ether' ? 'pfifo_fast' : 'noqueue';
}

/** `link/ether 02:42:ac:11:00:02 brd ff:ff:ff:ff:ff:ff` (no indent, no netnsid). */
export function linkLayerLine(link: LinkView): string {
  const loop = link.kind === 'loopback';
  const brd = link.brd ?? (loop ? '00:00:00:00:00:00' : 'ff:ff:ff:ff:ff:ff');
  return `link/${loop ? 'loopback' : 'ether'} ${link.mac} brd ${brd}`;
}

export interface HeaderOptions extends HeaderContext {
  /** `ip link` adds `mode DEFAULT` (iproute2 print_linkmode, only when do_link). */
  linkMode?: boolean;
  /** The reduced AF_INET6 link dump: no qdisc, master or group. */
  inet6Dump?: boolean;
}

/** The first line of a link, without its newline: `26: eth0@if27: <...> mtu 1500 ... `. */
export function linkHeaderLine(link: LinkView, opts: HeaderOptions): string {
  const ctx: HeaderContext = { flavor: opts.flavor, noNetnsId: opts.noNetnsId || opts.inet6Dump };
  let s = `${link.ifindex}: ${linkDisplayName(link)}: ${linkFlags(link, ctx)} mtu ${link.mtu} `;
  if (!opts.inet6Dump) {
    s += `qdisc ${linkQdisc(link)} `;
    if (link.master) s += `master ${link.master} `;
  }
  s += `state ${linkOperState(link)} `;
  if (opts.flavor === 'iproute2' && !opts.inet6Dump) {
    if (opts.linkMode) s += 'mode DEFAULT ';
    s += 'group default ';
  }
  if (link.qlen) s += `qlen ${link.qlen}`;
  return s;
}
