/**
 * Go's net.JoinHostPort and net.SplitHostPort.
 *
 * Docker CLI 28 prints every host address through JoinHostPort, which is why an
 * IPv6 address gets brackets ("[::]:8080") in `docker ps` and `docker port`.
 * ParsePortSpec uses SplitHostPort(ip + ":") only to strip "[...]" from an
 * IPv6 host IP, and reports its errors ("missing ']' in address").
 */
import { type Result, ok, fail } from './result';

/** net.JoinHostPort: brackets the host when it contains a colon. */
export function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** net.AddrError.Error(): "address <addr>: <why>". */
function addrError(addr: string, why: string): Result<[string, string]> {
  return fail(`address ${addr}: ${why}`);
}

/** net.SplitHostPort, with Go's error texts. */
export function splitHostPort(hostport: string): Result<[string, string]> {
  const missingPort = 'missing port in address';
  const tooManyColons = 'too many colons in address';
  const last = hostport.lastIndexOf(':');
  if (last < 0) return addrError(hostport, missingPort);
  let host: string;
  let j = 0;
  let k = 0;
  if (hostport[0] === '[') {
    const end = hostport.indexOf(']');
    if (end < 0) return addrError(hostport, "missing ']' in address");
    if (end + 1 === hostport.length) return addrError(hostport, missingPort);
    if (end + 1 !== last) return addrError(hostport, hostport[end + 1] === ':' ? tooManyColons : missingPort);
    host = hostport.slice(1, end);
    j = 1;
    k = end + 1;
  } else {
    host = hostport.slice(0, last);
    if (host.includes(':')) return addrError(hostport, tooManyColons);
  }
  if (hostport.slice(j).includes('[')) return addrError(hostport, "unexpected '[' in address");
  if (hostport.slice(k).includes(']')) return addrError(hostport, "unexpected ']' in address");
  return ok([host, hostport.slice(last + 1)]);
}
