/**
 * ethtool 6.x output (the netlink code paths of `ethtool DEV`, `-i`, `-S`),
 * from the kernel drivers the lab's devices stand for:
 *  - veth:   get_link_ksettings reports 10000Mb/s Full, Port "Twisted Pair",
 *            no link modes (drivers/net/veth.c veth_get_link_ksettings);
 *            drvinfo "veth" 1.0; stats: peer_ifindex then per-queue XDP counters.
 *  - bridge: the fastest port's speed and duplex (br_get_link_ksettings),
 *            Unknown! without ports; Port "Other"; drvinfo "bridge" 2.3; no stats.
 *  - ether:  the host's NIC, an emulated Intel e1000 (QEMU's default), 1000baseT
 *            with auto-negotiation; drvinfo reports the kernel's version.
 *  - macvlan / ipvlan / vlan: the parent's settings (they forward the request).
 *  - lo, vxlan, dummy: no link settings, only "Link detected".
 * Field layouts are ethtool's dump_link_caps()/dump_link_usettings() ones;
 * the strings are from transcripts, not from the ethtool source (NOT FOUND in
 * the reference).
 */

export type EthDriver = 'veth' | 'bridge' | 'e1000' | 'macvlan' | 'ipvlan' | '8021q' | 'vxlan' | 'dummy' | 'loopback';

export interface EthLink {
  name: string;
  driver: EthDriver;
  /** Mb/s, undefined when unknown. */
  speed?: number;
  carrier: boolean;
  /** veth: the peer's ifindex. */
  peerIfindex?: number;
  rxPackets: number;
  txPackets: number;
  /** The device's byte counters (what `ip -s` shows too). */
  rxBytes: number;
  txBytes: number;
}

const E1000_MODES = '10baseT/Half 10baseT/Full\n\t                        100baseT/Half 100baseT/Full\n\t                        1000baseT/Full';

function caps(autoneg: boolean, modes: string | undefined, ports: string): string[] {
  return [
    `\tSupported ports: [ ${ports}]`,
    `\tSupported link modes:   ${modes ?? 'Not reported'}`,
    '\tSupported pause frame use: No',
    `\tSupports auto-negotiation: ${autoneg ? 'Yes' : 'No'}`,
    '\tSupported FEC modes: Not reported',
    `\tAdvertised link modes:  ${modes ?? 'Not reported'}`,
    '\tAdvertised pause frame use: No',
    `\tAdvertised auto-negotiation: ${autoneg ? 'Yes' : 'No'}`,
    '\tAdvertised FEC modes: Not reported',
  ];
}

/** `ethtool DEV`. */
export function ethtoolSettings(l: EthLink): string {
  const head = `Settings for ${l.name}:`;
  const link = `\tLink detected: ${l.carrier ? 'yes' : 'no'}`;
  if (l.driver === 'loopback' || l.driver === 'vxlan' || l.driver === 'dummy') return [head, link].join('\n') + '\n';
  const e1000 = l.driver === 'e1000';
  const speed = l.speed === undefined ? 'Unknown!' : `${l.speed}Mb/s`;
  const duplex = l.speed === undefined ? 'Unknown! (255)' : 'Full';
  const lines = [
    head,
    ...caps(e1000, e1000 ? E1000_MODES : undefined, e1000 ? 'TP ' : ' '),
    `\tSpeed: ${speed}`,
    `\tDuplex: ${duplex}`,
    `\tAuto-negotiation: ${e1000 ? 'on' : 'off'}`,
    `\tPort: ${l.driver === 'bridge' ? 'Other' : 'Twisted Pair'}`,
    '\tPHYAD: 0',
    '\tTransceiver: internal',
  ];
  if (l.driver !== 'bridge') lines.push(`\tMDI-X: ${e1000 ? 'off (auto)' : 'Unknown'}`);
  if (e1000) lines.push('\tSupports Wake-on: umbg', '\tWake-on: d', '\tCurrent message level: 0x00000007 (7)', '\t\t\t       drv probe link');
  lines.push(link);
  return lines.join('\n') + '\n';
}

const DRVINFO: Record<EthDriver, { version: string; bus: string; stats: boolean; test: boolean; eeprom: boolean; regs: boolean; fw: string }> = {
  veth: { version: '1.0', bus: '', stats: true, test: false, eeprom: false, regs: false, fw: '' },
  bridge: { version: '2.3', bus: 'N/A', stats: false, test: false, eeprom: false, regs: false, fw: 'N/A' },
  e1000: { version: '6.1.0-37-amd64', bus: '0000:00:03.0', stats: true, test: true, eeprom: true, regs: true, fw: '' },
  macvlan: { version: '0.1', bus: '', stats: false, test: false, eeprom: false, regs: false, fw: '' },
  ipvlan: { version: '0.1', bus: '', stats: false, test: false, eeprom: false, regs: false, fw: '' },
  '8021q': { version: '1.8', bus: '', stats: false, test: false, eeprom: false, regs: false, fw: 'N/A' },
  vxlan: { version: '0.1', bus: '', stats: false, test: false, eeprom: false, regs: false, fw: '' },
  dummy: { version: '1.0', bus: '', stats: false, test: false, eeprom: false, regs: false, fw: '' },
  loopback: { version: '', bus: '', stats: false, test: false, eeprom: false, regs: false, fw: '' },
};

const yn = (b: boolean): string => (b ? 'yes' : 'no');

/** `ethtool -i DEV`; undefined for lo (no driver information). */
export function ethtoolDriver(l: EthLink): string | undefined {
  if (l.driver === 'loopback') return undefined;
  const d = DRVINFO[l.driver];
  return [
    `driver: ${l.driver}`, `version: ${d.version}`, `firmware-version: ${d.fw}`, 'expansion-rom-version: ', `bus-info: ${d.bus}`,
    `supports-statistics: ${yn(d.stats)}`, `supports-test: ${yn(d.test)}`, `supports-eeprom-access: ${yn(d.eeprom)}`,
    `supports-register-dump: ${yn(d.regs)}`, 'supports-priv-flags: no',
  ].join('\n') + '\n';
}

const VETH_QUEUE_STATS = ['rx_queue_0_xdp_packets', 'rx_queue_0_xdp_bytes', 'rx_queue_0_drops', 'rx_queue_0_xdp_redirect', 'rx_queue_0_xdp_drops', 'rx_queue_0_xdp_tx', 'rx_queue_0_xdp_tx_errors', 'tx_queue_0_xdp_xmit', 'tx_queue_0_xdp_xmit_errors'];
const E1000_ZERO_STATS = [
  'rx_errors', 'tx_errors', 'tx_dropped', 'multicast', 'collisions', 'rx_length_errors', 'rx_over_errors', 'rx_crc_errors', 'rx_frame_errors',
  'rx_no_buffer_count', 'rx_missed_errors', 'tx_aborted_errors', 'tx_carrier_errors', 'tx_fifo_errors', 'tx_heartbeat_errors', 'tx_window_errors',
  'tx_abort_late_coll', 'tx_deferred_ok', 'tx_single_coll_ok', 'tx_multi_coll_ok', 'tx_timeout_count', 'tx_restart_queue', 'rx_long_length_errors',
  'rx_short_length_errors', 'rx_align_errors', 'tx_tcp_seg_good', 'tx_tcp_seg_failed', 'rx_flow_control_xon', 'rx_flow_control_xoff',
  'tx_flow_control_xon', 'tx_flow_control_xoff',
];

/** `ethtool -S DEV`; undefined when the driver has no statistics ("no stats available"). */
export function ethtoolStats(l: EthLink): string | undefined {
  const row = (k: string, v: number): string => `     ${k}: ${v}\n`;
  if (l.driver === 'veth') return 'NIC statistics:\n' + row('peer_ifindex', l.peerIfindex ?? 0) + VETH_QUEUE_STATS.map((k) => row(k, 0)).join('');
  if (l.driver !== 'e1000') return undefined;
  const counted: [string, number][] = [
    ['rx_packets', l.rxPackets], ['tx_packets', l.txPackets], ['rx_bytes', l.rxBytes], ['tx_bytes', l.txBytes],
    ['rx_broadcast', 0], ['tx_broadcast', 0], ['rx_multicast', 0], ['tx_multicast', 0],
  ];
  return 'NIC statistics:\n' + counted.map(([k, v]) => row(k, v)).join('') + E1000_ZERO_STATS.map((k) => row(k, 0)).join('') +
    row('rx_long_byte_count', l.rxBytes) + ['rx_csum_offload_good', 'rx_csum_offload_errors', 'alloc_rx_buff_failed', 'tx_smbus', 'rx_smbus', 'dropped_smbus'].map((k) => row(k, 0)).join('');
}

/** ethtool 6.x for a name no device has: one netlink error pair per request it makes, then ENODATA. */
export function ethtoolNoDevice(): string {
  return 'netlink error: no device matches name (offset 24)\nnetlink error: No such device\n'.repeat(4) + 'No data available\n';
}
