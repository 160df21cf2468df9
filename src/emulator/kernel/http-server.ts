/**
 * The servers behind TCP sockets, answering an HTTP client (curl, wget) once
 * its connection is established (net/transport tcpConnect). The socket's
 * ServiceRef says who answers:
 *
 * - `http` sites: nginx's welcome page (and its access-log line in the
 *   container's logs, nginx's `combined` format plus `"$http_x_forwarded_for"`
 *   as the official image configures it), Apache httpd's "It works!", the
 *   training/webapp Flask app, and the public sites of the simulated internet.
 * - `docker-proxy` opens a NEW connection from its own namespace (the host)
 *   to the container and relays what that server answers; when it cannot
 *   reach the container it closes the client's connection without a byte
 *   (docker-proxy `tcp_proxy.go`: "Can't forward traffic to backend", then
 *   client.Close()), which curl reports as `(52) Empty reply from server`.
 * - `redis`, `postgres`, `sshd` are not HTTP servers: redis answers the
 *   request line with an error and drops the connection on `Host:`
 *   ("Possible SECURITY ATTACK detected"), postgres closes at once ("invalid
 *   length of startup packet"), sshd sends its banner first.
 * - `listener` (`nc -l`) accepts and never answers.
 *
 * Everything after the handshake is computed here, not sent as packets: the
 * handshake already proved the path, and the model has no TCP segments.
 */
import type { LabCtx } from '../world/ctx';
import type { ConnectOutcome } from '../net/transport';
import { tcpConnect } from '../net/transport';
import { ownerOfNs } from '../world/owners';
import { apacheResponse, nginxErrorPage, nginxResponse, webappResponse, httpDate, type HttpResponseView } from '../commands/netfmt/index';
import { whoamiResponse } from './whoami';
import { internetResponse, internetSiteName, plainHttpOnTlsPort } from './internet-sites';
import type { ContainerState } from '../docker/state';
import { pythonHttpResponse } from './python-http';
import { exchangeOnWire } from './http-wire';
import { nginxDate, nginxTimeLocal, postgresDate, redisDate } from '../docker/log-stamps';

export type TcpConnection = Extract<ConnectOutcome, { kind: 'connected' }>;

export interface HttpRequest {
  method: string;
  /** Request target, e.g. `/` or `/index.html?x=1`. */
  path: string;
  /** The Host header (`web`, `web:8080`). */
  host: string;
  userAgent: string;
  /** False when the client sends `Connection: close` (BusyBox wget). */
  keepAlive?: boolean;
  /** The client opens with a TLS ClientHello (an https:// URL). */
  tls?: boolean;
}

/** What the client reads back. */
export type ServerReply =
  | { kind: 'http'; response: HttpResponseView }
  /** Bytes that are not an HTTP response (a banner, a protocol error); the server then closes. */
  | { kind: 'raw'; data: string }
  /** The server closes without sending anything, after `afterMs` of virtual time. */
  | { kind: 'closed'; afterMs: number }
  /** The server holds the connection open and never answers. */
  | { kind: 'silent' }
  /** A TLS ClientHello reached a plain-text server: the client's TLS library gives up. */
  | { kind: 'tls-error' };

export const SSH_BANNER = 'SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u6';

/** docker-proxy and the kernel give up connecting after SYN retries (tcp_syn_retries = 6). */
const KERNEL_CONNECT_TIMEOUT_MS = 130000;
const MAX_PROXY_DEPTH = 4;

/** The container whose process owns the socket (several containers can share a namespace). */
export function socketOwner(ctx: LabCtx, conn: TcpConnection): ContainerState | undefined {
  const owner = ownerOfNs(ctx, conn.server.id);
  return owner.containers.find((c) => c.pid === conn.socket.pid) ?? owner.containers[0];
}

function log(ctx: LabCtx, conn: TcpConnection, stream: 'stdout' | 'stderr', line: string): void {
  socketOwner(ctx, conn)?.logs.push({ t: ctx.clock.now(), stream, line });
}

function containerEnv(c: ContainerState | undefined, key: string): string | undefined {
  const kv = c?.env.find((e) => e.startsWith(`${key}=`));
  return kv?.slice(key.length + 1);
}

/**
 * nginx's error log (the image links it to stderr) for a file that is not
 * there, written while the request runs, so before its access-log line:
 * `2026/01/12 09:00:09 [error] 29#29: *2 open() "/usr/share/nginx/html/x" failed (2: No such file or directory), client: …`.
 * `*N` is the worker's connection number: one per request here (each client
 * connects anew); 29 is the first worker's PID under the image's entrypoint.
 */
function nginxOpenFailed(ctx: LabCtx, conn: TcpConnection, req: HttpRequest, now: number): void {
  const owner = socketOwner(ctx, conn);
  const served = owner?.logs.filter((l) => l.stream === 'stdout' && / - - \[/.test(l.line)).length ?? 0;
  const when = nginxDate(now);
  const file = `/usr/share/nginx/html${req.path.split('?')[0]}`;
  log(ctx, conn, 'stderr', `${when} [error] 29#29: *${served + 1} open() "${file}" failed (2: No such file or directory), client: ${conn.arrival.pkt.src}, server: localhost, request: "${req.method} ${req.path} HTTP/1.1", host: "${req.host}"`);
}

function serveNginx(ctx: LabCtx, conn: TcpConnection, req: HttpRequest): HttpResponseView {
  const now = ctx.clock.now();
  const version = containerEnv(socketOwner(ctx, conn), 'NGINX_VERSION');
  let r: HttpResponseView;
  if (req.method === 'GET' || req.method === 'HEAD') {
    r = nginxResponse({ path: req.path, dateMs: now, version, keepAlive: req.keepAlive !== false });
  } else {
    // The default server serves static files: other methods get 405 Not Allowed.
    const body = nginxErrorPage(405, version);
    const headers: [string, string][] = [['Server', `nginx/${version ?? '1.27.3'}`], ['Date', httpDate(now)], ['Content-Type', 'text/html'], ['Content-Length', String(body.length)], ['Connection', req.keepAlive === false ? 'close' : 'keep-alive']];
    r = { httpVersion: '1.1', status: 405, reason: 'Not Allowed', headers, body };
  }
  const sent = req.method === 'HEAD' ? 0 : r.body.length;
  if (r.status === 404) nginxOpenFailed(ctx, conn, req, now);
  log(ctx, conn, 'stdout', `${conn.arrival.pkt.src} - - [${nginxTimeLocal(now)}] "${req.method} ${req.path} HTTP/1.1" ${r.status} ${sent} "-" "${req.userAgent}" "-"`);
  return r;
}

/**
 * Apache httpd: the official image's httpd.conf logs to stdout with
 * `CustomLog /proc/self/fd/1 common` (`%h %l %u %t "%r" %>s %b`, where %b is
 * `-` for an empty body, as for HEAD).
 */
function serveApache(ctx: LabCtx, conn: TcpConnection, req: HttpRequest): HttpResponseView {
  const now = ctx.clock.now();
  const r = apacheResponse({ path: req.path, dateMs: now });
  const sent = req.method === 'HEAD' || r.body.length === 0 ? '-' : String(r.body.length);
  log(ctx, conn, 'stdout', `${conn.arrival.pkt.src} - - [${nginxTimeLocal(now)}] "${req.method} ${req.path} HTTP/1.1" ${r.status} ${sent}`);
  return r;
}

/** Werkzeug's request log: `172.17.0.1 - - [12/Jan/2026 09:00:00] "GET / HTTP/1.1" 200 -` (on stderr). */
function serveWebapp(ctx: LabCtx, conn: TcpConnection, req: HttpRequest): HttpResponseView {
  const now = ctx.clock.now();
  const provider = containerEnv(socketOwner(ctx, conn), 'PROVIDER');
  const r = webappResponse({ dateMs: now, provider });
  const stamp = nginxTimeLocal(now).replace(' +0000', '').replace(/:/, ' ');
  log(ctx, conn, 'stderr', `${conn.arrival.pkt.src} - - [${stamp}] "${req.method} ${req.path} HTTP/1.1" ${r.status} -`);
  return r;
}

/** Python's http.server: its request log goes to stderr like Werkzeug's (same date format). */
function servePython(ctx: LabCtx, conn: TcpConnection, req: HttpRequest): HttpResponseView {
  const now = ctx.clock.now();
  const r = pythonHttpResponse({ path: req.path, dateMs: now });
  const stamp = nginxTimeLocal(now).replace(' +0000', '').replace(/:/, ' ');
  log(ctx, conn, 'stderr', `${conn.arrival.pkt.src} - - [${stamp}] "${req.method} ${req.path} HTTP/1.1" ${r.status} -`);
  return r;
}

function serveSite(ctx: LabCtx, conn: TcpConnection, site: string, req: HttpRequest): ServerReply {
  const now = ctx.clock.now();
  const tlsPort = site === 'internet' && conn.arrival.pkt.dport === 443;
  if (req.tls && !tlsPort) return { kind: 'tls-error' };
  let response: HttpResponseView;
  switch (site) {
    case 'internet':
      response = tlsPort && !req.tls ? plainHttpOnTlsPort(now) : internetResponse(internetSiteName(req.host, conn.serverIp), req.path, now, tlsPort);
      break;
    case 'httpd':
      response = serveApache(ctx, conn, req);
      break;
    case 'webapp':
      response = serveWebapp(ctx, conn, req);
      break;
    case 'whoami':
      // traefik/whoami (kernel/whoami.ts): who answered, and the client address it saw.
      response = whoamiResponse(ctx, socketOwner(ctx, conn), conn.server.id, `${conn.arrival.pkt.src}:${conn.arrival.pkt.sport}`, req);
      break;
    case 'python':
      response = servePython(ctx, conn, req);
      break;
    default:
      response = serveNginx(ctx, conn, req);
  }
  if (req.method === 'HEAD') response = { ...response, body: '' };
  return { kind: 'http', response };
}

/** docker-proxy: a new connection from the proxy's namespace to the container, then whatever answers there. */
function serveProxy(ctx: LabCtx, conn: TcpConnection, targetIp: string, targetPort: number, depth: number, serve: (inner: TcpConnection) => ServerReply): ServerReply {
  if (depth >= MAX_PROXY_DEPTH) return { kind: 'closed', afterMs: 0 };
  const inner = tcpConnect(ctx, conn.server, targetIp, targetPort);
  if (inner.kind === 'connected') return serve(inner);
  if (inner.kind === 'timeout') return { kind: 'closed', afterMs: KERNEL_CONNECT_TIMEOUT_MS };
  return { kind: 'closed', afterMs: inner.kind === 'unreachable' ? 3000 : 0 };
}

function redisSecurityLog(ctx: LabCtx, conn: TcpConnection): void {
  const stamp = redisDate(ctx.clock.now(), true);
  log(ctx, conn, 'stdout', `1:M ${stamp} # Possible SECURITY ATTACK detected. It looks like somebody is sending POST or Host: commands to Redis. This is likely due to an attacker attempting to use Cross Protocol Scripting to compromise your Redis instance. Connection from ${conn.arrival.pkt.src}:${conn.arrival.pkt.sport} aborted.`);
}

function postgresLog(ctx: LabCtx, conn: TcpConnection): void {
  log(ctx, conn, 'stderr', `${postgresDate(ctx.clock.now())} [${ctx.rng.int(60, 999)}] LOG:  invalid length of startup packet`);
}

/**
 * The reply an HTTP client gets from whatever listens on the socket it
 * connected to; the request, the reply and the close cross the wire
 * (http-wire.ts), so a capture shows them.
 */
export function serveHttp(ctx: LabCtx, conn: TcpConnection, req: HttpRequest, depth = 0): ServerReply {
  return exchangeOnWire(ctx, conn, req, () => answerHttp(ctx, conn, req, depth));
}

function answerHttp(ctx: LabCtx, conn: TcpConnection, req: HttpRequest, depth: number): ServerReply {
  const svc = conn.socket.service;
  switch (svc.kind) {
    case 'http':
      return serveSite(ctx, conn, svc.site, req);
    case 'docker-proxy':
      return serveProxy(ctx, conn, svc.targetIp, svc.targetPort, depth, (inner) => serveHttp(ctx, inner, req, depth + 1));
    case 'redis':
      redisSecurityLog(ctx, conn);
      if (req.tls) return { kind: 'closed', afterMs: 0 };
      return { kind: 'raw', data: req.method === 'GET' ? "-ERR wrong number of arguments for 'get' command\r\n" : `-ERR unknown command '${req.method}', with args beginning with: '${req.path}' 'HTTP/1.1' \r\n` };
    case 'postgres':
      postgresLog(ctx, conn);
      return { kind: 'closed', afterMs: 0 };
    case 'sshd':
      return req.tls ? { kind: 'tls-error' } : { kind: 'raw', data: `${SSH_BANNER}\r\nInvalid SSH identification string.\r\n` };
    case 'listener':
      return { kind: 'silent' };
    default:
      return { kind: 'closed', afterMs: 0 };
  }
}
