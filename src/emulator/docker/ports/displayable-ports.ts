/**
 * The PORTS column of `docker ps`: formatter.DisplayablePorts from docker/cli
 * (cli/command/formatter/container.go, CLI 28+ behaviour).
 *
 * 1. Sort by private port, host IP (netip order: none, then IPv4, then IPv6, by
 *    value), public port, protocol.
 * 2. Exposed-only ports group into consecutive runs per protocol: "9998-9999/udp".
 * 3. Published ports whose public port equals the private one group per IP and
 *    protocol: "1.2.3.4:9998-9999->9998-9999/udp".
 * 4. Other published ports are listed after all groups, in sort order:
 *    "0.0.0.0:8080->80/tcp".
 * IPv6 hosts are bracketed everywhere ("[::]:8080->80/tcp"); CLI ≤26 printed
 * ":::8080->80/tcp" and CLI 27 mixed both.
 */
import type { PortSummary } from './port-summary';
import { type GoAddr, parseAddr, formatAddr, compareAddr } from './go-netip';
import { joinHostPort } from './go-hostport';

interface Row {
  port: PortSummary;
  /** Parsed host IP; undefined when the port is exposed only (netip's invalid Addr). */
  addr?: GoAddr;
  /** How the IP prints: Go's canonical spelling, or the raw text if it does not parse. */
  ipText: string;
}

function toRow(port: PortSummary): Row {
  if (!port.ip) return { port, ipText: '' };
  const addr = parseAddr(port.ip);
  return addr.ok ? { port, addr: addr.value, ipText: formatAddr(addr.value) } : { port, ipText: port.ip };
}

/** netip.Addr.Less, with an unparsable IP (impossible from a real daemon) after all valid ones. */
function compareIp(a: Row, b: Row): number {
  const rank = (r: Row) => (r.addr ? r.addr.bytes.length : r.ipText === '' ? 0 : 99);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (a.addr && b.addr) return compareAddr(a.addr, b.addr);
  return a.ipText < b.ipText ? -1 : a.ipText > b.ipText ? 1 : 0;
}

function comparePorts(a: Row, b: Row): number {
  if (a.port.privatePort !== b.port.privatePort) return a.port.privatePort - b.port.privatePort;
  const byIp = compareIp(a, b);
  if (byIp !== 0) return byIp;
  const pubA = a.port.publicPort ?? 0;
  const pubB = b.port.publicPort ?? 0;
  if (pubA !== pubB) return pubA - pubB;
  return a.port.type < b.port.type ? -1 : a.port.type > b.port.type ? 1 : 0;
}

interface Group {
  ip: string;
  type: string;
  first: number;
  last: number;
}

/** formGroup: "80/tcp", "80-81/tcp" or "1.2.3.4:80-81->80-81/tcp". */
function formGroup(g: Group): string {
  const range = g.first === g.last ? `${g.first}` : `${g.first}-${g.last}`;
  const text = g.ip === '' ? range : `${joinHostPort(g.ip, range)}->${range}`;
  return `${text}/${g.type}`;
}

/** DisplayablePorts: the comma-separated PORTS text for one container. */
export function displayablePorts(ports: readonly PortSummary[]): string {
  const rows = ports.map(toRow).sort(comparePorts);
  const groups = new Map<string, Group>();
  const result: string[] = [];
  const hostMappings: string[] = [];
  for (const { port, ipText } of rows) {
    const current = port.privatePort;
    const publicPort = port.publicPort ?? 0;
    if (ipText !== '' && publicPort !== current) {
      hostMappings.push(`${joinHostPort(ipText, String(publicPort))}->${current}/${port.type}`);
      continue;
    }
    const key = ipText === '' ? port.type : `${ipText}/${port.type}`;
    const group = groups.get(key);
    if (group && current === group.last + 1) {
      group.last = current;
      continue;
    }
    if (group) result.push(formGroup(group));
    // Map.set on an existing key keeps its first position, like Go's groupMapKeys.
    groups.set(key, { ip: ipText, type: port.type, first: current, last: current });
  }
  for (const g of groups.values()) result.push(formGroup(g));
  return [...result, ...hostMappings].join(', ');
}
