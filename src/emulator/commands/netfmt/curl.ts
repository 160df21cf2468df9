/**
 * curl's error lines, `-v` trace and `-I` / `-i` header blocks for plain
 * HTTP/1.1. Text destined for stderr and stdout is returned separately, in
 * the order a terminal shows it.
 *
 * Checked against curl 7.88.1 (Debian 12), run in a terminal (no progress
 * meter when stdout is a tty):
 *   *   Trying 172.17.0.3:80...
 *   * Connected to web (172.17.0.3) port 80 (#0)
 *   > GET / HTTP/1.1\r          (request and response lines keep their CRLF)
 *   > Host: web\r
 *   > User-Agent: curl/7.88.1\r
 *   > Accept: * /*\r             (without the space)
 *   > \r
 *   < HTTP/1.1 200 OK\r  ...  < \r
 *   (body on stdout)
 *   * Connection #0 to host web left intact
 * Errors (`curl: (N) ...` on stderr, exit status N):
 *   (6)  Could not resolve host: web
 *   (7)  Failed to connect to web port 81 after 0 ms: Couldn't connect to server
 *   (28) Failed to connect to 10.99.0.1 port 80 after 2000 ms: Timeout was reached  (--connect-timeout)
 *   (28) Connection timed out after 2000 milliseconds                            (-m during connect)
 *   (22) The requested URL returned error: 404                                   (-f)
 * With -I/-i on a terminal curl prints header names in bold (ESC[1m..ESC[0m).
 * The curl 8 ("8") style — no "(#0)", the "Host ... was resolved." /
 * "IPv4:" lines, "using HTTP/1.x", "Request completely sent off",
 * "Could not connect to server" — is taken from curl 8.x transcripts and
 * NOT VERIFIED byte for byte.
 */
import { statusLine, type HttpResponseView } from './http-content';

/** '7' = curl 7.88 (debian 12), '8' = curl 8.x (alpine's curl, curlimages/curl). */
export type CurlStyle = '7' | '8';

export interface CurlTarget {
  /** Host as written in the URL (`web`, `172.18.0.2`). */
  host: string;
  /** Address connected to. */
  ip: string;
  port: number;
  /** Request path, default `/`. */
  path?: string;
  method?: 'GET' | 'HEAD';
  /** curl's version for the User-Agent, e.g. `7.88.1`, `8.14.1`. */
  version: string;
}

function isIpLiteral(host: string): boolean {
  return /^\d+\.\d+\.\d+\.\d+$/.test(host) || host.includes(':');
}

function hostHeader(t: CurlTarget): string {
  return t.port === 80 ? t.host : `${t.host}:${t.port}`;
}

function connectLines(t: CurlTarget, style: CurlStyle): string {
  let s = '';
  if (style === '8' && !isIpLiteral(t.host)) {
    s += `* Host ${t.host}:${t.port} was resolved.\n* IPv6: (none)\n* IPv4: ${t.ip}\n`;
  }
  return s + `*   Trying ${t.ip}:${t.port}...\n`;
}

/** `-v` up to and including the blank request line (stderr). */
export function curlVerboseRequest(t: CurlTarget, style: CurlStyle = '7'): string {
  let s = connectLines(t, style);
  s += `* Connected to ${t.host} (${t.ip}) port ${t.port}${style === '7' ? ' (#0)' : ''}\n`;
  if (style === '8') s += '* using HTTP/1.x\n';
  s += `> ${t.method ?? 'GET'} ${t.path ?? '/'} HTTP/1.1\r\n> Host: ${hostHeader(t)}\r\n`;
  s += `> User-Agent: curl/${t.version}\r\n> Accept: */*\r\n> \r\n`;
  if (style === '8') s += '* Request completely sent off\n';
  return s;
}

/** `-v`: the response status and headers as `< ` lines, ending with `< \r\n` (stderr). */
export function curlVerboseResponse(r: HttpResponseView): string {
  return [statusLine(r), ...r.headers.map(([k, v]) => `${k}: ${v}`), ''].map((l) => `< ${l}\r\n`).join('');
}

/** `-v`: the line after the body (stderr). */
export function curlVerboseDone(host: string): string {
  return `* Connection #0 to host ${host} left intact\n`;
}

/** `-I` / `-i`: the header block on stdout, CRLF line ends, names bold when stdout is a terminal. */
export function curlHeaderBlock(r: HttpResponseView, opts: { styled?: boolean } = {}): string {
  const name = (k: string) => (opts.styled ? `\x1b[1m${k}\x1b[0m` : k);
  return [statusLine(r), ...r.headers.map(([k, v]) => `${name(k)}: ${v}`), ''].map((l) => `${l}\r\n`).join('');
}

export type CurlFailure =
  | { code: 6; host: string }
  | { code: 7; host: string; ip: string; port: number; elapsedMs: number; errno?: 'Connection refused' | 'No route to host' }
  | { code: 28; phase: 'connect-timeout'; host: string; ip: string; port: number; elapsedMs: number }
  | { code: 28; phase: 'max-time'; elapsedMs: number; received?: number }
  | { code: 22; status: number }
  | { code: 3 }
  | { code: 52 }
  | { code: 56 };

function message(f: CurlFailure, style: CurlStyle): string {
  switch (f.code) {
    case 6:
      return `Could not resolve host: ${f.host}`;
    case 7:
      return `Failed to connect to ${f.host} port ${f.port} after ${Math.round(f.elapsedMs)} ms: ${style === '7' ? "Couldn't" : 'Could not'} connect to server`;
    case 28:
      if (f.phase === 'connect-timeout') {
        return `Failed to connect to ${f.host} port ${f.port} after ${Math.round(f.elapsedMs)} ms: Timeout was reached`;
      }
      return f.received === undefined
        ? `Connection timed out after ${Math.round(f.elapsedMs)} milliseconds`
        : `Operation timed out after ${Math.round(f.elapsedMs)} milliseconds with ${f.received} bytes received`;
    case 22:
      return `The requested URL returned error: ${f.status}`;
    case 3:
      return 'URL using bad/illegal format or missing URL';
    case 52:
      return 'Empty reply from server';
    case 56:
      return 'Recv failure: Connection reset by peer';
  }
}

/** `curl: (7) Failed to connect to web port 80 after 0 ms: Couldn't connect to server` (stderr). */
export function curlError(f: CurlFailure, style: CurlStyle = '7'): string {
  return `curl: (${f.code}) ${message(f, style)}\n`;
}

/** The `* ` lines `-v` prints before the final error line (stderr). */
export function curlVerboseFailure(f: CurlFailure, t: CurlTarget | undefined, style: CurlStyle = '7'): string {
  const closing = style === '7' ? '* Closing connection 0\n' : '* closing connection #0\n';
  if (f.code === 6) return `* Could not resolve host: ${f.host}\n${closing}`;
  if (f.code === 7 && t) {
    return `${connectLines(t, style)}* connect to ${f.ip} port ${f.port} failed: ${f.errno ?? 'Connection refused'}\n* ${message(f, style)}\n${closing}`;
  }
  if (f.code === 28 && f.phase === 'connect-timeout' && t) {
    return `${connectLines(t, style)}* ipv4 connect timeout after ${Math.round(f.elapsedMs)}ms, move on!\n* ${message(f, style)}\n${closing}`;
  }
  return '';
}
