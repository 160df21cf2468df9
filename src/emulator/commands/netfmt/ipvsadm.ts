/**
 * `ipvsadm -L -n` (ipvsadm 1.31, ipvsadm.c list_all / print_service_entry):
 *
 *   IP Virtual Server version 1.2.1 (size=4096)
 *   Prot LocalAddress:Port Scheduler Flags
 *     -> RemoteAddress:Port           Forward Weight ActiveConn InActConn
 *   FWM  256 rr
 *     -> 10.0.1.3:0                   Masq    1      0          0
 *
 * A firewall-mark service prints `FWM  <mark>`; each real server is
 * `"  -> %-28s %-7s %-6d %-10u %-10u"` (so the counters keep their padding
 * spaces at the end of the line). Docker's services forward by NAT ("Masq")
 * to port 0, which means "the port the packet came to".
 */

export interface IpvsDestView {
  ip: string;
  port: number;
  weight: number;
  active: number;
  inactive: number;
}

export interface IpvsServiceView {
  fwmark: number;
  scheduler: string;
  dests: IpvsDestView[];
}

/** The kernel's default connection table (CONFIG_IP_VS_TAB_BITS=12). */
const TABLE_SIZE = 4096;

export const IPVSADM_HEADER = [
  `IP Virtual Server version 1.2.1 (size=${TABLE_SIZE})`,
  'Prot LocalAddress:Port Scheduler Flags',
  '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn',
];

function destLine(d: IpvsDestView): string {
  return `  -> ${`${d.ip}:${d.port}`.padEnd(28)} ${'Masq'.padEnd(7)} ${String(d.weight).padEnd(6)} ${String(d.active).padEnd(10)} ${String(d.inactive).padEnd(10)}`;
}

export function ipvsadmList(services: readonly IpvsServiceView[]): string {
  const lines = [...IPVSADM_HEADER];
  for (const s of services) {
    lines.push(`FWM  ${s.fwmark} ${s.scheduler}`);
    for (const d of s.dests) lines.push(destLine(d));
  }
  return lines.join('\n') + '\n';
}
