/**
 * The MTU bounds each kind of device has (the driver's min_mtu/max_mtu):
 * `ip -d link` prints them (minmtu/maxmtu) and `ip link set DEV mtu N` is
 * held to them (dev_validate_mtu), so both read this one table and cannot
 * disagree.
 *
 * lo and dummy have none (0: no limit); the hosts' NIC is an e1000
 * (ethtool -i), whose jumbo frames stop at 16110 (e1000_main.c:
 * MAX_JUMBO_FRAME_SIZE 0x3F00 less header and FCS); a vlan device has no
 * minimum; the other virtual devices (veth, bridge, vxlan, macvlan, ipvlan)
 * keep ether_setup()'s ETH_MIN_MTU 68 and raise the maximum to ETH_MAX_MTU
 * 65535.
 */
import type { DeviceState } from './state';

/** ETH_MIN_MTU and ETH_MAX_MTU (include/uapi/linux/if_ether.h). */
export const ETH_MIN_MTU = 68;
export const ETH_MAX_MTU = 65535;
/** The e1000's largest MTU. */
export const E1000_MAX_MTU = 16110;

/** [min, max]; a max of 0 means the driver sets no upper bound. */
export function mtuBounds(dev: Pick<DeviceState, 'kind'>): [number, number] {
  if (dev.kind === 'loopback' || dev.kind === 'dummy') return [0, 0];
  if (dev.kind === 'vlan') return [0, ETH_MAX_MTU];
  if (dev.kind === 'ether') return [ETH_MIN_MTU, E1000_MAX_MTU];
  return [ETH_MIN_MTU, ETH_MAX_MTU];
}
