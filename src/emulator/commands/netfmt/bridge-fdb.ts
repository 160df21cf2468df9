/**
 * `bridge fdb show` (iproute2, on the host).
 *
 * iproute2 `bridge/fdb.c` print_fdb(): "%s " MAC, "dev %s " (omitted when
 * the listing is already filtered with `dev X`), "vlan %hu ", "self ",
 * "master %s ", then the state and a newline. A learned (reachable) entry
 * has an empty state, so its line ends in a space. Checked against
 * iproute2 6.1:
 *   `33:33:00:00:00:01 dev docker0 self permanent`
 *   `02:42:85:84:8e:f5 dev docker0 master docker0 permanent`
 *   `02:42:ac:11:00:02 dev veth1 master docker0 `
 * A VXLAN device's own entries carry the remote VTEP and, when that lives
 * in another namespace (Docker's vxlan0 sends from the host's), its
 * link-netnsid: `02:42:0a:00:00:03 dev vxlan0 dst 192.168.1.12 link-netnsid 0 self permanent`
 * (print_fdb: dev, dst, vlan, link-netnsid, flags, master, state).
 */
export interface FdbView {
  mac: string;
  dev: string;
  /** NDA_DST: a VXLAN entry's remote VTEP. */
  dst?: string;
  vlan?: number;
  linkNetnsId?: number;
  /** The entry lives in the device's own table (multicast addresses, `self`). */
  self?: boolean;
  master?: string;
  /** 'permanent' (local / configured), 'static', or '' for a learned entry. */
  state: 'permanent' | 'static' | 'stale' | '';
}

export function bridgeFdb(entries: readonly FdbView[], opts: { omitDev?: boolean } = {}): string {
  return entries
    .map((e) => {
      let s = `${e.mac} `;
      if (!opts.omitDev) s += `dev ${e.dev} `;
      if (e.dst !== undefined) s += `dst ${e.dst} `;
      if (e.vlan !== undefined) s += `vlan ${e.vlan} `;
      if (e.linkNetnsId !== undefined) s += `link-netnsid ${e.linkNetnsId} `;
      if (e.self) s += 'self ';
      if (e.master) s += `master ${e.master} `;
      return `${s}${e.state}\n`;
    })
    .join('');
}
