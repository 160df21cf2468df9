/**
 * `ss` (iproute2 `misc/ss.c`) for TCP and UDP sockets: -t -u -l -a -n -p.
 *
 * Columns: Netid (only when more than one table is shown, e.g. -tu),
 * State (only when more than one state can match: hidden for a plain `-u`),
 * Recv-Q and Send-Q as "%-6d", `Local Address:` right-aligned with the
 * address and its colon, its Port, the same for the peer, then Process
 * (` users:(("nginx",pid=1,fd=6))` with -p). UDP is listed before TCP.
 * State names: ESTAB, LISTEN, UNCONN, TIME-WAIT, SYN-SENT, ...
 * A wildcard IPv6 socket that also accepts IPv4 prints as `*`, other IPv6
 * addresses in brackets. For a LISTEN socket Send-Q is the backlog (nginx
 * 511, Go's 4096, `nc -l` 1). Without -n, well-known ports print as service
 * names unless they are in the ephemeral range (32768-60999).
 * Checked against iproute2 6.1 (compact output: stdout not a terminal):
 *   State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess
 *   LISTEN 0      511          0.0.0.0:80        0.0.0.0:*    users:(("nginx",pid=1,fd=6))
 */
import { renderColumns, type Column } from './ss-render';
import type { SocketView, TcpState } from './types';

export interface SsOptions {
  tcp: boolean;
  udp: boolean;
  /** -l: LISTEN and UNCONN sockets. */
  listening?: boolean;
  /** -a: every state. */
  all?: boolean;
  /** -n. */
  numeric?: boolean;
  /** -p. */
  processes?: boolean;
  /** The terminal's width when stdout is a terminal; absent for a pipe (compact output). */
  screenWidth?: number;
  /** Service names for non-numeric output, keyed `tcp/80`; defaults to a few /etc/services entries. */
  services?: Readonly<Record<string, string>>;
}

const SERVICES: Readonly<Record<string, string>> = {
  'tcp/22': 'ssh',
  'tcp/25': 'smtp',
  'tcp/53': 'domain',
  'udp/53': 'domain',
  'tcp/80': 'http',
  'tcp/443': 'https',
  'udp/443': 'https',
  'udp/123': 'ntp',
  'tcp/3306': 'mysql',
  'tcp/5432': 'postgresql',
  'tcp/6379': 'redis',
  'tcp/8080': 'http-alt',
};

const STATE_NAMES: Record<TcpState, string> = {
  ESTABLISHED: 'ESTAB',
  SYN_SENT: 'SYN-SENT',
  SYN_RECV: 'SYN-RECV',
  FIN_WAIT1: 'FIN-WAIT-1',
  FIN_WAIT2: 'FIN-WAIT-2',
  TIME_WAIT: 'TIME-WAIT',
  CLOSE: 'UNCONN',
  CLOSE_WAIT: 'CLOSE-WAIT',
  LAST_ACK: 'LAST-ACK',
  LISTEN: 'LISTEN',
  CLOSING: 'CLOSING',
};

/** SS_CONN: every state but LISTEN, CLOSE, TIME-WAIT and SYN-RECV (the default filter). */
const NOT_CONN: readonly TcpState[] = ['LISTEN', 'CLOSE', 'TIME_WAIT', 'SYN_RECV'];

function matches(s: SocketView, o: SsOptions): boolean {
  if (o.all) return true;
  if (o.listening) return s.state === 'LISTEN' || s.state === 'CLOSE';
  if (s.proto === 'udp' && !o.tcp) return s.state === 'ESTABLISHED';
  return !NOT_CONN.includes(s.state);
}

function addr(ip: string | undefined, local: SocketView): string {
  const host = ip ?? (local.localIp.includes(':') ? '::' : '0.0.0.0');
  if (!host.includes(':')) return `${host}:`;
  if (host === '::' && local.dualStack) return '*:';
  return `[${host}]:`;
}

function port(p: number | undefined, proto: 'tcp' | 'udp', o: SsOptions): string {
  if (!p) return '*';
  if (o.numeric || (p >= 32768 && p <= 60999)) return String(p);
  return (o.services ?? SERVICES)[`${proto}/${p}`] ?? String(p);
}

function users(s: SocketView): string {
  const procs = [...(s.processes ?? [])].sort((a, b) => b.pid - a.pid || b.fd - a.fd);
  if (procs.length === 0) return '';
  return ` users:(${procs.map((p) => `("${p.name}",pid=${p.pid},fd=${p.fd})`).join(',')})`;
}

function columns(o: SsOptions): Column[] {
  const singleState = !o.all && !o.listening && !o.tcp;
  return [
    { header: 'Netid', align: 'left', ldelim: '', disabled: !(o.tcp && o.udp) },
    { header: 'State', align: 'left', ldelim: ' ', disabled: singleState },
    { header: 'Recv-Q', align: 'left', ldelim: ' ' },
    { header: 'Send-Q', align: 'left', ldelim: ' ' },
    { header: 'Local Address:', align: 'right', ldelim: ' ' },
    { header: 'Port', align: 'left', ldelim: '' },
    { header: 'Peer Address:', align: 'right', ldelim: ' ' },
    { header: 'Port', align: 'left', ldelim: '' },
    { header: 'Process', align: 'left', ldelim: '' },
    { header: '', align: 'left', ldelim: '' },
  ];
}

function fields(s: SocketView, o: SsOptions): string[] {
  return [
    s.proto,
    STATE_NAMES[s.state],
    String(s.recvQ ?? 0).padEnd(6),
    String(s.sendQ ?? 0).padEnd(6),
    addr(s.localIp, s),
    port(s.localPort, s.proto, o),
    addr(s.remoteIp, s),
    port(s.remotePort, s.proto, o),
    o.processes ? users(s) : '',
    '',
  ];
}

/** The whole `ss` output for these sockets (given in the kernel's order per protocol). */
export function ss(sockets: readonly SocketView[], o: SsOptions): string {
  const shown = [
    ...(o.udp ? sockets.filter((s) => s.proto === 'udp') : []),
    ...(o.tcp ? sockets.filter((s) => s.proto === 'tcp') : []),
  ].filter((s) => matches(s, o));
  return renderColumns(
    columns(o),
    shown.map((s) => fields(s, o)),
    { screenWidth: o.screenWidth, unmeasured: 8 },
  );
}
