/**
 * `netstat` socket listings (-t -u -l -a -n -p, and the UNIX section of
 * `netstat -an`), BusyBox and net-tools. Routing (`netstat -rn`) is in
 * route-table.ts.
 *
 * BusyBox `networking/netstat.c`:
 *   "Active Internet connections " + "(servers and established)" | "(only
 *   servers)" | "(w/o servers)", then
 *   "\nProto Recv-Q Send-Q %-23s %-23s State       %s\n" (the last %s is
 *   "PID/Program name    " with -p, else empty — so the header ends in spaces);
 *   rows "%s   %6lu %6lu %-23s %-23s %-12s" + "%.20s" PID/program with -p.
 *   The proto is "tcp"/"udp" for IPv6 sockets too; PID/program is
 *   "PID/" + basename(argv0) cut to 19 characters (`1/nginx: master pro`);
 *   "-" when unknown.
 * net-tools `netstat.c`: header "State      " + " %-20s" banner with -p; rows
 *   "%-4s  %6ld %6ld %-*s %-*s %-11s" + " %-20s" with -p; proto tcp6/udp6.
 * Both list tcp, tcp6, udp, udp6 in that order; an unconnected UDP socket
 * counts as a server, its state column is empty. Checked against BusyBox
 * 1.35 (without -p, which Debian's build lacks) and net-tools 2.10.
 */
import { ljust, rjust } from './text';
import type { NetToolsFlavor, SocketView } from './types';

export interface NetstatOptions {
  flavor: NetToolsFlavor;
  tcp: boolean;
  udp: boolean;
  /** -l: servers only. */
  listening?: boolean;
  /** -a: servers and established. */
  all?: boolean;
  /** -p. */
  programs?: boolean;
}

function isV6(ip: string): boolean {
  return ip.includes(':');
}

/** A server socket: TCP LISTEN, or UDP without a peer. */
function isServer(s: SocketView): boolean {
  return s.proto === 'tcp' ? s.state === 'LISTEN' || s.remotePort === undefined : s.remoteIp === undefined;
}

function endpoint(ip: string | undefined, port: number | undefined, v6: boolean): string {
  const host = ip ?? (v6 ? '::' : '0.0.0.0');
  return `${host}:${port ? port : '*'}`;
}

function stateText(s: SocketView): string {
  if (s.proto === 'udp') return s.state === 'ESTABLISHED' ? 'ESTABLISHED' : '';
  return s.state;
}

function program(s: SocketView): string {
  const p = s.processes?.[0];
  if (!p) return '-';
  const argv0 = (p.cmdline ?? p.name).split('\0')[0];
  const base = argv0.slice(argv0.lastIndexOf('/') + 1);
  return `${p.pid}/${base}`.slice(0, 19);
}

function title(opts: NetstatOptions): string {
  if (opts.all) return '(servers and established)';
  return opts.listening ? '(only servers)' : '(w/o servers)';
}

function row(s: SocketView, opts: NetstatOptions): string {
  const v6 = isV6(s.localIp);
  const local = endpoint(s.localIp, s.localPort, v6);
  const remote = endpoint(s.remoteIp, s.remotePort, v6);
  const rq = String(s.recvQ ?? 0);
  const sq = String(s.state === 'LISTEN' ? 0 : (s.sendQ ?? 0));
  if (opts.flavor === 'busybox') {
    const base = `${s.proto}   ${rjust(rq, 6)} ${rjust(sq, 6)} ${ljust(local, 23)} ${ljust(remote, 23)} ${ljust(stateText(s), 12)}`;
    return base + (opts.programs ? program(s) : '') + '\n';
  }
  const proto = v6 ? `${s.proto}6` : s.proto;
  const base = `${ljust(proto, 4)}  ${rjust(rq, 6)} ${rjust(sq, 6)} ${ljust(local, 23)} ${ljust(remote, 23)} ${ljust(stateText(s), 11)}`;
  return base + (opts.programs ? ` ${ljust(program(s), 20)}` : '') + '\n';
}

/** Sockets in the order netstat reads them: /proc/net/tcp, tcp6, udp, udp6. */
function ordered(sockets: readonly SocketView[], opts: NetstatOptions): SocketView[] {
  const keep = (s: SocketView) => opts.all || (opts.listening ? isServer(s) : !isServer(s));
  const group = (proto: 'tcp' | 'udp', v6: boolean) =>
    sockets.filter((s) => s.proto === proto && isV6(s.localIp) === v6 && keep(s));
  const out: SocketView[] = [];
  if (opts.tcp) out.push(...group('tcp', false), ...group('tcp', true));
  if (opts.udp) out.push(...group('udp', false), ...group('udp', true));
  return out;
}

/** The "Active Internet connections" block. */
export function netstatInet(sockets: readonly SocketView[], opts: NetstatOptions): string {
  let s = `Active Internet connections ${title(opts)}\n`;
  if (opts.flavor === 'busybox') {
    s += `Proto Recv-Q Send-Q ${ljust('Local Address', 23)} ${ljust('Foreign Address', 23)} State       ${opts.programs ? 'PID/Program name    ' : ''}\n`;
  } else {
    s += `Proto Recv-Q Send-Q Local Address           Foreign Address         State      ${opts.programs ? ' PID/Program name    ' : ''}\n`;
  }
  return s + ordered(sockets, opts).map((x) => row(x, opts)).join('');
}

export interface UnixSocketView {
  refcnt: number;
  /** `ACC` for a listening socket. */
  flags?: ('ACC' | 'W' | 'N')[];
  type: 'STREAM' | 'DGRAM' | 'SEQPACKET';
  state: 'LISTENING' | 'CONNECTED' | 'CONNECTING' | '';
  inode: number;
  path?: string;
  process?: { pid: number; name: string };
}

/** The "Active UNIX domain sockets" block that `netstat -a`/`-an` adds (no -t/-u). */
export function netstatUnix(sockets: readonly UnixSocketView[], opts: NetstatOptions): string {
  const bb = opts.flavor === 'busybox';
  const banner = opts.programs ? 'PID/Program name    ' : '';
  let s = `Active UNIX domain sockets ${title(opts)}\n`;
  const head = bb ? `I-Node ${banner}` : `I-Node   ${opts.programs ? ljust('PID/Program name', 20) + ' ' : ''}`;
  s += `Proto RefCnt Flags       Type       State         ${head}Path\n`;
  for (const u of sockets) {
    const flags = `[ ${(u.flags ?? []).map((f) => f + ' ').join('')}]`;
    s += `unix  ${ljust(String(u.refcnt), 6)} ${ljust(flags, 11)} ${ljust(u.type, 10)} ${ljust(u.state, 13)} `;
    s += bb ? `${rjust(String(u.inode), 6)} ` : `${ljust(String(u.inode), 8)} `;
    if (opts.programs) s += ljust(u.process ? `${u.process.pid}/${u.process.name}` : '-', 20) + (bb ? '' : ' ');
    s += `${u.path ?? ''}\n`;
  }
  return s;
}
