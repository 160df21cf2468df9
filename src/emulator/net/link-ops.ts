/**
 * rtnetlink's link requests on the model, for `ip link add` / `ip link delete`:
 * each returns the device or the errno (and the extended-ack message, when
 * the kernel sends one) that iproute2 turns into its error line. The checks
 * and their order are the kernel's (rtnl_newlink, vlan_newlink,
 * macvlan_common_newlink, ipvlan_link_new).
 */
import type { DeviceState, NetState, NsState, StackedMode } from './state';
import { deviceByName } from './netns';
import { createDummy } from './links';
import { createVlan } from './vlan';
import { createMacvlan } from './macvlan';
import { createIpvlan } from './ipvlan';
import { deleteWithUppers, uppersOf } from './stacked';

export type Errno = 'EPERM' | 'EEXIST' | 'ENODEV' | 'EBUSY' | 'EINVAL' | 'ERANGE' | 'EOPNOTSUPP' | 'EADDRNOTAVAIL' | 'ESRCH' | 'ENETDOWN' | 'ENETUNREACH';

/** A refused request: the errno and, when the kernel sets one, its extack message. */
export interface NetlinkError {
  errno: Errno;
  extack?: string;
}

export interface LinkAddRequest {
  name: string;
  kind: 'vlan' | 'macvlan' | 'ipvlan' | 'dummy';
  /** The lower device (`link DEV`), already looked up by name. */
  lower?: DeviceState;
  vlanId?: number;
  mode?: StackedMode;
  /** `address MAC`, else the kernel's choice (random for macvlan/dummy, the lower's for vlan/ipvlan). */
  mac?: string;
}

/** Linux keeps a receive handler per device: macvlan and ipvlan ports exclude each other. */
function portConflict(net: NetState, lower: DeviceState, kind: 'macvlan' | 'ipvlan', mode?: StackedMode): NetlinkError | undefined {
  const uppers = uppersOf(net, lower);
  const other = kind === 'macvlan' ? 'ipvlan' : 'macvlan';
  if (uppers.some((u) => u.kind === other) || lower.master) return { errno: 'EBUSY' };
  if (kind === 'macvlan' && uppers.some((u) => u.kind === 'macvlan' && (u.mode === 'passthru' || mode === 'passthru'))) return { errno: 'EINVAL' };
  return undefined;
}

export function addLink(net: NetState, ns: NsState, req: LinkAddRequest, randomMac: () => string): DeviceState | NetlinkError {
  if (deviceByName(net, ns, req.name)) return { errno: 'EEXIST' };
  if (req.kind === 'dummy') return createDummy(net, ns, req.name, req.mac ?? randomMac());
  if (req.kind === 'vlan') return addVlan(net, ns, req);
  let lower = req.lower;
  if (!lower || lower.kind === 'loopback') return { errno: 'EINVAL' };
  // A macvlan of a macvlan is created on the real lower device (macvlan_common_newlink).
  if (req.kind === 'macvlan' && lower.kind === 'macvlan' && lower.parent) lower = net.devices[lower.parent];
  const conflict = portConflict(net, lower, req.kind, req.mode);
  if (conflict) return conflict;
  if (req.kind === 'macvlan') return createMacvlan(net, ns, lower, req.name, req.mac ?? randomMac(), req.mode ?? 'vepa');
  return createIpvlan(net, ns, lower, req.name, req.mode === 'l2' ? 'l2' : 'l3');
}

function addVlan(net: NetState, ns: NsState, req: LinkAddRequest): DeviceState | NetlinkError {
  // vlan_validate accepts 0-4094 (VID 0 carries only a priority); 802.1Q reserves 4095.
  if (req.vlanId !== undefined && req.vlanId >= 4095) return { errno: 'ERANGE', extack: '8021q: Invalid VLAN id' };
  if (req.vlanId === undefined) return { errno: 'EINVAL', extack: '8021q: VLAN id not specified' };
  if (!req.lower) return { errno: 'EINVAL', extack: '8021q: link not specified' };
  if (uppersOf(net, req.lower).some((u) => u.kind === 'vlan' && u.vlanId === req.vlanId)) return { errno: 'EEXIST', extack: 'VLAN device already exists' };
  const dev = createVlan(net, ns, req.lower, req.name, req.vlanId);
  if (req.mac) dev.mac = req.mac;
  return dev;
}

/** `ip link delete`: physical NICs and lo cannot be deleted; anything stacked on the device goes with it. */
export function deleteLink(net: NetState, dev: DeviceState): NetlinkError | undefined {
  if (dev.kind === 'ether' || dev.kind === 'loopback') return { errno: 'EOPNOTSUPP' };
  deleteWithUppers(net, dev);
  return undefined;
}
