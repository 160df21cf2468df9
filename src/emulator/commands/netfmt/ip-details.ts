/**
 * `ip -d link` / `ip -d addr`: what iproute2 6.1 print_linkinfo() adds with
 * show_details, after the link-layer line's `link-netnsid N`:
 *   ` promiscuity 0 minmtu 68 maxmtu 65535 ` on that line, then the driver
 *   (print_linktype: a new line `    veth `, `    bridge forward_delay …`,
 *   `    vxlan id 4097 …`), a bridge port's `    bridge_slave state …`, and
 *   on the last line `addrgenmode eui64 ` (ip link only: print_af_spec),
 *   `numtxqueues 1 numrxqueues 1 gso_max_size 65536 gso_max_segs 65535
 *   tso_max_size 524280 tso_max_segs 65535 gro_max_size 65536 `.
 * Every attribute is printed as "%s " (trailing space). Kernel 6.1 has no
 * IFLA_ALLMULTI (6.4) nor gso/gro_ipv4_max_size (6.3), so neither appears.
 */
import type { DetailField, JsonValue, LinkDetails, LinkInfoView } from './types';

function fieldsText(fields: readonly DetailField[] | undefined): string {
  return (fields ?? []).map(([, text]) => `${text} `).join('');
}

function fieldsJson(fields: readonly DetailField[]): { [key: string]: JsonValue } {
  const o: { [key: string]: JsonValue } = {};
  for (const [key, , value] of fields) o[key] = value;
  return o;
}

/**
 * The text to append to the link-layer line (which has no newline yet). It
 * may span lines; the caller ends it with a newline.
 */
export function linkDetailsText(d: LinkDetails, opts: { link: boolean }): string {
  let s = ` promiscuity ${d.promiscuity} minmtu ${d.minMtu} maxmtu ${d.maxMtu} `;
  if (d.info) s += `\n    ${d.info.kind} ${fieldsText(d.info.data)}`;
  if (d.slave) s += `\n    ${d.slave.kind}_slave ${fieldsText(d.slave.data)}`;
  if (opts.link) s += `addrgenmode ${d.addrGenMode} `;
  s += `numtxqueues ${d.numTxQueues} numrxqueues ${d.numRxQueues} gso_max_size ${d.gsoMaxSize} gso_max_segs ${d.gsoMaxSegs} `;
  s += `tso_max_size ${d.tsoMaxSize} tso_max_segs ${d.tsoMaxSegs} gro_max_size ${d.groMaxSize} `;
  if (d.parent) s += `parentbus ${d.parent.bus} parentdev ${d.parent.dev} `;
  return s;
}

function linkInfoJson(info: LinkInfoView | undefined, slave: LinkInfoView | undefined): { [key: string]: JsonValue } {
  const o: { [key: string]: JsonValue } = {};
  if (info) {
    o.info_kind = info.kind;
    if (info.data) o.info_data = fieldsJson(info.data);
  }
  if (slave) {
    o.info_slave_kind = slave.kind;
    if (slave.data) o.info_slave_data = fieldsJson(slave.data);
  }
  return o;
}

/** The JSON members, in print_linkinfo's order, to merge after `link_netnsid`. */
export function linkDetailsJson(d: LinkDetails, opts: { link: boolean }): { [key: string]: JsonValue } {
  const o: { [key: string]: JsonValue } = { promiscuity: d.promiscuity, min_mtu: d.minMtu, max_mtu: d.maxMtu };
  if (d.info || d.slave) o.linkinfo = linkInfoJson(d.info, d.slave);
  if (opts.link) o.inet6_addr_gen_mode = d.addrGenMode;
  Object.assign(o, {
    num_tx_queues: d.numTxQueues, num_rx_queues: d.numRxQueues, gso_max_size: d.gsoMaxSize, gso_max_segs: d.gsoMaxSegs,
    tso_max_size: d.tsoMaxSize, tso_max_segs: d.tsoMaxSegs, gro_max_size: d.groMaxSize,
  });
  if (d.parent) Object.assign(o, { parentbus: d.parent.bus, parentdev: d.parent.dev });
  return o;
}
