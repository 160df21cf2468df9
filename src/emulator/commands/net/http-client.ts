/**
 * What curl and wget share: the URL, the name lookup through the process's
 * resolver, and the TCP handshake through the model (net/transport). The
 * waits a real client would sit through happen in virtual time through
 * `ctx.sleep`, so Ctrl-C interrupts them: a resolver that gets no answer
 * (glibc and musl: timeout 5 s, 2 attempts), an address nobody answers ARP
 * for (the kernel reports EHOSTUNREACH after 3 s of ARP probes), and a SYN
 * that is silently dropped (6 SYN retries: the kernel gives up after ~130 s).
 */
import type { CommandContext } from '../types';
import type { LabCtx } from '../../world/ctx';
import type { NsState } from '../../net/state';
import { serveHttp, type HttpRequest, type ServerReply, type TcpConnection } from '../../kernel/http-server';
import { labCtx } from '../docker/engine-access';
import { resolveName } from '../../kernel/resolver';
import { tcpConnect } from '../../net/transport';

export const RESOLVER_TIMEOUT_MS = 10000;
export const ARP_FAILURE_MS = 3000;
export const KERNEL_CONNECT_TIMEOUT_MS = 130000;

export interface Url {
  scheme: 'http' | 'https';
  /** Host as written (an IPv6 literal without its brackets). */
  host: string;
  port: number;
  /** Whether the port was written in the URL. */
  explicitPort: boolean;
  /** Path with query, at least `/`. */
  path: string;
}

export type UrlError = { error: 'scheme'; scheme: string } | { error: 'malformed' };

/** `web`, `web:8080/x`, `http://web/`, `https://example.com`. */
export function parseUrl(raw: string): Url | UrlError {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?(\[[0-9a-fA-F:.]*\]|[^/:?#[\]]*)(?::(\d*))?([/?][^#]*)?(#.*)?$/.exec(raw);
  if (!m) return { error: 'malformed' };
  const scheme = (m[1] ?? 'http').toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return { error: 'scheme', scheme: m[1] };
  const host = m[2].replace(/^\[|\]$/g, '');
  if (!host) return { error: 'malformed' };
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  if (!Number.isInteger(port) || port < 1 || port > 65535) return { error: 'malformed' };
  let path = m[4] ?? '/';
  if (path.startsWith('?')) path = '/' + path;
  return { scheme, host, port, explicitPort: !!m[3], path };
}

export function isUrlError(u: Url | UrlError): u is UrlError {
  return 'error' in u;
}

/** `Host:` header value: the port only when it is not the scheme's default. */
export function hostHeader(u: Url): string {
  const dflt = u.scheme === 'https' ? 443 : 80;
  return u.port === dflt ? u.host : `${u.host}:${u.port}`;
}

export type Attempt =
  | { kind: 'unresolved'; error: 'NXDOMAIN' | 'timeout' | 'SERVFAIL' }
  | { kind: 'connected'; ip: string; conn: TcpConnection; rttMs: number }
  | { kind: 'refused'; ip: string; rttMs: number }
  /** Nobody answered ARP, or a router reported the host unreachable. */
  | { kind: 'unreachable'; ip: string; rttMs: number }
  /** This namespace has no route at all (ENETUNREACH, at once). */
  | { kind: 'no-route'; ip: string; rttMs: number }
  /** The SYN was dropped somewhere: the client waits. */
  | { kind: 'timeout'; ip: string; rttMs: number };

export function processNs(ctx: CommandContext): { lab: LabCtx; ns: NsState } {
  const lab = labCtx(ctx);
  return { lab, ns: lab.ns(ctx.scope.netnsId) };
}

export function connectIp(lab: LabCtx, ns: NsState, ip: string, port: number): Attempt {
  const out = tcpConnect(lab, ns, ip, port);
  switch (out.kind) {
    case 'connected':
      return { kind: 'connected', ip, conn: out, rttMs: out.rttMs };
    case 'refused':
      return { kind: 'refused', ip, rttMs: out.rttMs };
    case 'no-route':
      // A router further on has no route: it answers ICMP net-unreachable, which connect() reports as EHOSTUNREACH.
      return out.drop.ns === ns.id ? { kind: 'no-route', ip, rttMs: 0 } : { kind: 'unreachable', ip, rttMs: out.rttMs };
    case 'unreachable':
      return { kind: 'unreachable', ip, rttMs: out.rttMs };
    default:
      return { kind: 'timeout', ip, rttMs: out.rttMs };
  }
}

/**
 * How long a failed attempt keeps the client waiting before it learns the
 * outcome (0 for an immediate answer: RST or ENETUNREACH).
 */
export function failureDelayMs(a: Attempt): number {
  switch (a.kind) {
    case 'unresolved':
      return a.error === 'timeout' ? RESOLVER_TIMEOUT_MS : 0;
    case 'unreachable':
      return ARP_FAILURE_MS;
    case 'timeout':
      return KERNEL_CONNECT_TIMEOUT_MS;
    default:
      return 0;
  }
}

/** Writes a downloaded file relative to the process's working directory. Returns an errno name on failure. */
export function writeDownload(ctx: CommandContext, file: string, content: string): string | undefined {
  if (file === '/dev/null') return undefined;
  const path = file.startsWith('/') ? file : `${ctx.scope.cwd.replace(/\/$/, '')}/${file}`;
  return ctx.scope.fs.write(path, content);
}

export function fileExists(ctx: CommandContext, file: string): boolean {
  const path = file.startsWith('/') ? file : `${ctx.scope.cwd.replace(/\/$/, '')}/${file}`;
  return ctx.scope.fs.exists(path);
}

export type Fetched =
  | { kind: 'unresolved'; error: 'NXDOMAIN' | 'timeout' | 'SERVFAIL' }
  | { kind: 'failed'; ip: string; attempt: Exclude<Attempt, { kind: 'connected' | 'unresolved' }> }
  | { kind: 'reply'; ip: string; reply: ServerReply };

/** Resolve, connect, send one request: what wget needs for one try (the caller does the waiting). */
export function fetchHttp(ctx: CommandContext, u: Url, req: Omit<HttpRequest, 'path' | 'host' | 'tls'>): Fetched {
  const { lab, ns } = processNs(ctx);
  if (u.host.includes(':')) return { kind: 'failed', ip: u.host, attempt: { kind: 'no-route', ip: u.host, rttMs: 0 } };
  const res = resolveName(lab, ns, ctx.scope.fs, u.host);
  if (!res.ok) return { kind: 'unresolved', error: res.error ?? 'NXDOMAIN' };
  const ip = res.addresses[0];
  const at = connectIp(lab, ns, ip, u.port);
  if (at.kind !== 'connected') return { kind: 'failed', ip, attempt: at as Exclude<Attempt, { kind: 'connected' | 'unresolved' }> };
  return { kind: 'reply', ip, reply: serveHttp(lab, at.conn, { ...req, path: u.path, host: hostHeader(u), tls: u.scheme === 'https' }) };
}
