/**
 * traefik/whoami's answer to `GET /` (whoami.go whoamiHandler): the
 * container's hostname, every address of every interface in interface order
 * (`IP: 127.0.0.1` first; Docker containers on IPv4-only networks have no
 * IPv6 addresses), the client's address as the server saw it — after
 * whatever NAT the path applied, which is the point of the image in swarm
 * lessons — and the request as Go's Request.Write prints it (CRLF lines:
 * request line, Host, User-Agent, the other headers sorted). Go's server
 * writes its own headers sorted too.
 */
import type { LabCtx } from '../world/ctx';
import type { HttpResponseView } from '../commands/netfmt/index';
import type { ContainerState } from '../docker/state';
import { httpDate } from '../commands/netfmt/index';

export interface WhoamiRequest {
  method: string;
  path: string;
  host: string;
  userAgent: string;
  keepAlive?: boolean;
}

function addresses(ctx: LabCtx, nsId: string): string[] {
  const ns = ctx.state.net.namespaces[nsId];
  if (!ns) return [];
  const devs = ns.devices.map((id) => ctx.state.net.devices[id]).filter((d) => d);
  // net.Interfaces() lists by name order of the kernel's dump, which is by index: lo, then eth0, eth1…
  const ordered = [...devs].sort((a, b) => (a.name === 'lo' ? -1 : b.name === 'lo' ? 1 : a.name.localeCompare(b.name, 'en', { numeric: true })));
  return ordered.flatMap((d) => d.addrs.map((a) => a.ip));
}

/** The path without its query, as Go's ServeMux matches it. */
function routeOf(path: string): string {
  return path.split('?')[0];
}

/**
 * whoami's other routes that need no state: `/bench` answers `1` (benchHandler)
 * and `/health` an empty 200 (healthHandler, while no POST changed it).
 * `/api`, `/data` and `/echo` are not modelled: they answer like `/`.
 */
function plainRoute(ctx: LabCtx, req: WhoamiRequest): HttpResponseView | undefined {
  const route = routeOf(req.path);
  const date: [string, string] = ['Date', httpDate(ctx.clock.now())];
  if (route === '/bench') {
    return { httpVersion: '1.1', status: 200, reason: 'OK', headers: [['Connection', 'keep-alive'], ['Content-Length', '1'], ['Content-Type', 'text/plain'], date], body: '1' };
  }
  if (route === '/health' && req.method !== 'POST') return { httpVersion: '1.1', status: 200, reason: 'OK', headers: [['Content-Length', '0'], date], body: '' };
  return undefined;
}

export function whoamiResponse(ctx: LabCtx, owner: ContainerState | undefined, nsId: string, remote: string, req: WhoamiRequest): HttpResponseView {
  const plain = plainRoute(ctx, req);
  if (plain) return plain;
  const lines = [`Hostname: ${owner?.hostname ?? ''}`, ...addresses(ctx, nsId).map((ip) => `IP: ${ip}`), `RemoteAddr: ${remote}`];
  const headers = [`Host: ${req.host}`, `User-Agent: ${req.userAgent}`, 'Accept: */*'];
  if (req.keepAlive === false) headers.push('Connection: close');
  const body = lines.join('\n') + '\n' + `${req.method} ${req.path} HTTP/1.1\r\n` + headers.map((h) => `${h}\r\n`).join('') + '\r\n';
  return {
    httpVersion: '1.1', status: 200, reason: 'OK',
    headers: [['Content-Length', String(body.length)], ['Content-Type', 'text/plain; charset=utf-8'], ['Date', httpDate(ctx.clock.now())]],
    body,
  };
}
