/**
 * What `ip -d` shows of a device (netfmt/ip-details.ts prints it): the
 * kernel's promiscuity count and MTU bounds, the driver's attributes as
 * iproute2 6.1's print_opt() functions print them (ip/iplink_bridge.c,
 * iplink_bridge_slave.c, iplink_vxlan.c, iplink_macvlan.c, iplink_vlan.c,
 * iplink_ipvlan.c), and the queue/offload sizes of kernel 6.1.
 *
 * The values are Docker's and the kernel's defaults: Docker creates its
 * bridges without STP or VLAN filtering, its vxlan devices with `proxy
 * l2miss l3miss` and learning (libnetwork overlay createVxlan), TTL 0.
 * Left out, as this lab does not model them: a bridge port's newer
 * attributes (mcast_eht_hosts_*, mab: iproute2 ≥6.2), per-VLAN and
 * multicast state beyond the defaults, macvlan source lists, the ipvlan
 * double space iproute2 prints before `mode` (not checked), vxlan `local`
 * and `dev` (Docker sets neither).
 */
import type { LabCtx } from '../../world/ctx';
import type { DeviceState } from '../../net/state';
import type { DetailField, LinkDetails, LinkInfoView } from '../netfmt/types';
import type { ViewLookups } from './view-lookups';
import { mtuBounds } from '../../net/mtu-bounds';

/** `8000.2:42:ac:11:0:1`: bridge priority 0x8000 then the MAC, each byte as %x (iproute2 br_dump_bridge_id). */
function bridgeId(mac: string): string {
  return `8000.${mac.split(':').map((b) => parseInt(b, 16).toString(16)).join(':')}`;
}

/** A timer as bridge_print_opt prints it: "%7.2f" after its name. */
function timer(name: string, json: string, seconds: number): DetailField {
  return [json, `${name} ${seconds.toFixed(2).padStart(7)}`, Number(seconds.toFixed(2))];
}

const num = (name: string, value: number, json = name): DetailField => [json, `${name} ${value}`, value];
const onOff = (name: string, on: boolean, json = name): DetailField => [json, `${name} ${on ? 'on' : 'off'}`, on];

function bridgeInfo(dev: DeviceState, nowMs: number): LinkInfoView {
  const id = bridgeId(dev.mac);
  // The FDB garbage collector runs every 300 s (the ageing time); where it is in its cycle, from the lab clock.
  const gc = 300 - ((nowMs / 1000) % 300);
  return {
    kind: 'bridge',
    data: [
      num('forward_delay', 1500), num('hello_time', 200), num('max_age', 2000), num('ageing_time', 30000), num('stp_state', 0),
      num('priority', 32768), num('vlan_filtering', 0), ['vlan_protocol', 'vlan_protocol 802.1Q', '802.1Q'],
      ['bridge_id', `bridge_id ${id}`, id], ['root_id', `designated_root ${id}`, id], num('root_port', 0), num('root_path_cost', 0),
      num('topology_change', 0), num('topology_change_detected', 0), timer('hello_timer', 'hello_timer', 0), timer('tcn_timer', 'tcn_timer', 0),
      timer('topology_change_timer', 'topology_change_timer', 0), timer('gc_timer', 'gc_timer', gc), num('vlan_default_pvid', 1),
      num('vlan_stats_enabled', 0), num('vlan_stats_per_port', 0), num('group_fwd_mask', 0),
      ['group_addr', 'group_address 01:80:c2:00:00:00', '01:80:c2:00:00:00'], num('mcast_snooping', 1), num('no_linklocal_learn', 0),
      num('mcast_vlan_snooping', 0), num('mcast_router', 1), num('mcast_query_use_ifaddr', 0), num('mcast_querier', 0),
      num('mcast_hash_elasticity', 16), num('mcast_hash_max', 4096), num('mcast_last_member_count', 2, 'mcast_last_member_cnt'),
      num('mcast_startup_query_count', 2, 'mcast_startup_query_cnt'), num('mcast_last_member_interval', 100, 'mcast_last_member_intvl'),
      num('mcast_membership_interval', 26000, 'mcast_membership_intvl'), num('mcast_querier_interval', 25500, 'mcast_querier_intvl'),
      num('mcast_query_interval', 12500, 'mcast_query_intvl'), num('mcast_query_response_interval', 1000, 'mcast_query_response_intvl'),
      num('mcast_startup_query_interval', 3125, 'mcast_startup_query_intvl'), num('mcast_stats_enabled', 0), num('mcast_igmp_version', 2),
      num('mcast_mld_version', 1), num('nf_call_iptables', 0), num('nf_call_ip6tables', 0), num('nf_call_arptables', 0),
    ],
  };
}

/*
 * A bridge port's attributes that are the same on every port: made once and
 * shared (read only), as `ip -d link` on a big host prints them a thousand times.
 */
const PORT_FLAGS: readonly DetailField[] = [
  num('priority', 32), num('cost', 2), onOff('hairpin', false), onOff('guard', false), onOff('root_block', false), onOff('fastleave', false),
  onOff('learning', true), onOff('flood', true),
];
const PORT_COST: readonly DetailField[] = [num('designated_cost', 0)];
const PORT_TAIL: readonly DetailField[] = [
  timer('hold_timer', 'hold_timer', 0), timer('message_age_timer', 'message_age_timer', 0),
  timer('forward_delay_timer', 'forward_delay_timer', 0), num('topology_change_ack', 0), num('config_pending', 0), onOff('proxy_arp', false),
  onOff('proxy_arp_wifi', false), num('mcast_router', 1, 'multicast_router'), onOff('mcast_fast_leave', false), onOff('mcast_flood', true),
  onOff('bcast_flood', true), onOff('mcast_to_unicast', false), onOff('neigh_suppress', false), num('group_fwd_mask', 0),
  ['group_fwd_mask_str', 'group_fwd_mask_str 0x0', '0x0'], onOff('vlan_tunnel', false), onOff('isolated', false), onOff('locked', false),
];

/** A bridge port: numbered in the order of the bridge's ports (br_add_if hands out the lowest free number). */
function bridgeSlave(look: ViewLookups, dev: DeviceState, bridge: DeviceState, forwarding: boolean): LinkInfoView {
  const no = look.portNumber(bridge, dev);
  const id = bridgeId(bridge.mac);
  const hex = (n: number) => `0x${n.toString(16)}`;
  return {
    kind: 'bridge',
    data: [
      ['state', `state ${forwarding ? 'forwarding' : 'disabled'}`, forwarding ? 'forwarding' : 'disabled'], ...PORT_FLAGS,
      ['id', `port_id ${hex(0x8000 + no)}`, hex(0x8000 + no)], ['no', `port_no ${hex(no)}`, hex(no)],
      num('designated_port', 0x8000 + no), ...PORT_COST, ['designated_bridge', `designated_bridge ${id}`, id],
      ['designated_root', `designated_root ${id}`, id], ...PORT_TAIL,
    ],
  };
}

function vxlanInfo(dev: DeviceState): LinkInfoView {
  const v = dev.vxlan;
  const flag = (name: string): DetailField => [name, name, true];
  const data: DetailField[] = [num('id', v?.vni ?? 0), ['port_range', 'srcport 0 0', { low: 0, high: 0 }], ['port', `dstport ${v?.port ?? 4789}`, v?.port ?? 4789]];
  if (v?.proxy !== false) data.push(flag('proxy'));
  data.push(flag('l2miss'), flag('l3miss'), ['ttl', 'ttl auto', 0], num('ageing', 300));
  data.push(['udp_csum', 'noudpcsum', false], ['udp_zero_csum6_tx', 'noudp6zerocsumtx', false], ['udp_zero_csum6_rx', 'noudp6zerocsumrx', false]);
  return { kind: 'vxlan', data };
}

function driverInfo(dev: DeviceState, nowMs: number): LinkInfoView | undefined {
  switch (dev.kind) {
    case 'veth':
    case 'dummy':
      return { kind: dev.kind }; // no print_opt: only the kind
    case 'bridge':
      return bridgeInfo(dev, nowMs);
    case 'vxlan':
      return vxlanInfo(dev);
    case 'macvlan':
      return { kind: 'macvlan', data: [['mode', `mode ${dev.mode ?? 'bridge'}`, dev.mode ?? 'bridge'], num('bcqueuelen', 1000), num('usedbcqueuelen', 1000)] };
    case 'ipvlan':
      return { kind: 'ipvlan', data: [['mode', `mode ${dev.mode === 'l3' ? 'l3' : 'l2'}`, dev.mode === 'l3' ? 'l3' : 'l2'], ['flags', 'bridge', 'bridge']] };
    case 'vlan':
      return { kind: 'vlan', data: [['protocol', 'protocol 802.1Q', '802.1Q'], num('id', dev.vlanId ?? 0), ['flags', '<REORDER_HDR>', ['REORDER_HDR']]] };
    default:
      return undefined; // lo and a NIC carry no IFLA_LINKINFO
  }
}

/** Devices that ask for GSO_MAX_SIZE (big TCP) report tso_max_size 524280; the others keep the legacy 65536. */
const BIG_TSO = new Set(['loopback', 'veth', 'bridge', 'dummy']);

/** `look`: the listing's tables (view-lookups.ts), so numbering each port does not scan every device. */
export function linkDetails(ctx: LabCtx, dev: DeviceState, carrier: boolean, look: ViewLookups): LinkDetails {
  const [minMtu, maxMtu] = mtuBounds(dev);
  const bridge = dev.master ? ctx.state.net.devices[dev.master] : undefined;
  // A bridge port is put in promiscuous mode by the bridge (br_add_if: dev_set_promiscuity(dev, 1)); `promisc on` adds one.
  const promiscuity = (bridge ? 1 : 0) + (dev.promisc ? 1 : 0);
  return {
    promiscuity, minMtu, maxMtu,
    info: driverInfo(dev, ctx.clock.now()),
    slave: bridge?.kind === 'bridge' ? bridgeSlave(look, dev, bridge, carrier) : undefined,
    addrGenMode: 'eui64',
    numTxQueues: 1, numRxQueues: 1, gsoMaxSize: 65536, gsoMaxSegs: 65535,
    tsoMaxSize: BIG_TSO.has(dev.kind) ? 524280 : 65536, tsoMaxSegs: 65535, groMaxSize: 65536,
    // The e1000 in PCI slot 3 that `ethtool -i` reports (bus-info).
    parent: dev.kind === 'ether' ? { bus: 'pci', dev: '0000:00:03.0' } : undefined,
  };
}
