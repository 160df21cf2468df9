/**
 * `nc -z -v` port probes (all on stderr).
 *
 * BusyBox `networking/nc_bloaty.c` (alpine): on success
 * `fprintf(stderr, "%s (%s) open\n", argv[0], themdotted)` — the host as
 * typed and `IP:PORT`: `web (172.18.0.2:80) open`. A refused connection is
 * printed only at verbosity 2 (`-vv`): "if we're scanning at a "one -v"
 * verbosity level, don't print refusals"; other errors always, through
 * bb_perror_msg("%s (%s)"): `nc: web (172.18.0.2:80): Operation timed out`
 * (musl's wording for ETIMEDOUT). A bad name: `nc: bad address 'x'`.
 * OpenBSD netcat (debian netcat-openbsd 1.219), checked on Debian 12:
 *   Connection to web (172.17.0.3) 80 port [tcp/http] succeeded!
 *   Connection to 172.17.0.3 80 port [tcp/http] succeeded!     (numeric host)
 *   nc: connect to web (172.17.0.3) port 81 (tcp) failed: Connection refused
 *   nc: connect to 172.17.0.9 port 80 (tcp) timed out: Operation now in progress
 *   nc: getaddrinfo for host "nosuch" port 80: Name or service not known
 * An unknown service shows `[tcp/*]`. Exit status 0 when open, else 1.
 */
import type { NcFlavor } from './types';

export interface NcProbe {
  /** Host as typed. */
  host: string;
  ip: string;
  port: number;
  proto?: 'tcp' | 'udp';
  /** /etc/services name of the port (`http`), for OpenBSD's `[tcp/http]`. */
  service?: string;
}

function isNumeric(host: string): boolean {
  return /^\d+\.\d+\.\d+\.\d+$/.test(host) || host.includes(':');
}

function who(p: NcProbe): string {
  return isNumeric(p.host) ? p.host : `${p.host} (${p.ip})`;
}

export function ncOpen(flavor: NcFlavor, p: NcProbe): string {
  if (flavor === 'busybox') return `${p.host} (${p.ip}:${p.port}) open\n`;
  return `Connection to ${who(p)} ${p.port} port [${p.proto ?? 'tcp'}/${p.service ?? '*'}] succeeded!\n`;
}

/**
 * A probe that failed. `reason` is strerror's text; `verbosity` is the number
 * of -v given. Returns '' where the tool stays silent (BusyBox, one -v, refused).
 */
export function ncFailed(
  flavor: NcFlavor,
  p: NcProbe,
  failure: { kind: 'refused' | 'timeout' | 'other'; reason: string },
  verbosity = 1,
): string {
  if (flavor === 'busybox') {
    if (verbosity < 1 || (failure.kind === 'refused' && verbosity < 2)) return '';
    return `nc: ${p.host} (${p.ip}:${p.port}): ${failure.reason}\n`;
  }
  if (verbosity < 1) return '';
  const verb = failure.kind === 'timeout' ? 'timed out' : 'failed';
  const reason = failure.kind === 'timeout' ? 'Operation now in progress' : failure.reason;
  return `nc: connect to ${who(p)} port ${p.port} (${p.proto ?? 'tcp'}) ${verb}: ${reason}\n`;
}

/** A name that does not resolve. */
export function ncBadHost(flavor: NcFlavor, host: string, port: number): string {
  if (flavor === 'busybox') return `nc: bad address '${host}'\n`;
  return `nc: getaddrinfo for host "${host}" port ${port}: Name or service not known\n`;
}
