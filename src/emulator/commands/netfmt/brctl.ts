/**
 * `brctl show` (bridge-utils, on the host).
 *
 * bridge-utils `brctl/brctl_cmd.c` show_bridge(): "%s\t\t" name, the bridge
 * id (priority 8000 + "." + the MAC without colons), "\t%s\t\t" STP, then the
 * first port; every further port goes on its own line after seven tabs.
 * A bridge with no port ends its line with the two tabs. Bridges and ports
 * come out sorted (scandir + alphasort over /sys/class/net/BR/brif).
 * Checked against bridge-utils 1.7.1 (Debian 12):
 *   `docker0\t\t8000.024285848ef5\tno\t\tveth1\n\t\t\t\t\t\t\tveth2`
 *   `br-empty\t\t8000.0242e006b6be\tno\t\t`
 */
export interface BridgeView {
  name: string;
  /** The bridge's MAC address (the bridge id is derived from it). */
  mac: string;
  stp?: boolean;
  /** Bridge priority, default 0x8000. */
  priority?: number;
  ports: readonly string[];
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `8000.0242e006b6be`. */
export function bridgeId(mac: string, priority = 0x8000): string {
  return `${priority.toString(16).padStart(4, '0')}.${mac.replace(/:/g, '').toLowerCase()}`;
}

export function brctlShow(bridges: readonly BridgeView[]): string {
  let out = 'bridge name\tbridge id\t\tSTP enabled\tinterfaces\n';
  for (const br of [...bridges].sort((a, b) => byteOrder(a.name, b.name))) {
    const ports = [...br.ports].sort(byteOrder);
    out += `${br.name}\t\t${bridgeId(br.mac, br.priority)}\t${br.stp ? 'yes' : 'no'}\t\t`;
    out += ports.join('\n\t\t\t\t\t\t\t') + '\n';
  }
  return out;
}
