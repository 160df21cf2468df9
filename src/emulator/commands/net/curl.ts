/**
 * `curl` (Debian 12's 7.88.1 on the host and in GNU images; netshoot ships
 * curl 8). The name is resolved by the process's resolver and the
 * connection really crosses the model (tcpConnect); the server's answer comes
 * from kernel/http-server. Failures wait as long as the real client would,
 * in virtual time (Ctrl-C stops the wait, status 130):
 *   (6)  Could not resolve host: web
 *   (7)  Failed to connect to web port 80 after 0 ms: Couldn't connect to server
 *   (28) Failed to connect to 172.18.0.2 port 80 after 130000 ms: Connection timed out
 *        (the kernel gives up after its SYN retries; the text is curl 7.88's for ETIMEDOUT)
 *   (28) Connection timed out after 2001 milliseconds   (-m 2)
 *   (52) Empty reply from server, (1) Received HTTP/0.9 when not allowed (a non-HTTP server)
 * https: the model has no TLS. A public site on 443 answers as if the
 * handshake succeeded (certificates are not modelled); a plain server gets a
 * ClientHello and curl fails with OpenSSL 3's "wrong version number".
 * Not modelled: the progress meter when stdout is a pipe (the shell does not
 * tell commands whether stdout is a terminal), bold header names on a tty,
 * HTTP/2, cookies, uploads beyond -d.
 */
import type { CommandContext, CommandSpec } from '../types';
import { labCtx } from '../docker/engine-access';
import { findImage } from '../../docker/images';
import {
  curlError, curlHeaderBlock, curlVerboseDone, curlVerboseFailure, curlVerboseRequest, curlVerboseResponse,
  type CurlFailure, type CurlStyle, type CurlTarget, type HttpResponseView,
} from '../netfmt/index';
import { parseCurlArgs, type CurlArgs } from './curl-args';
import { connectIp, failureDelayMs, hostHeader, isUrlError, parseUrl, processNs, writeDownload, type Attempt, type Url } from './http-client';
import { followLocation, PROGRESS_HEADER, progressLine, writeOut } from './curl-output';
import { resolveName } from '../../kernel/resolver';
import { serveHttp, type ServerReply } from '../../kernel/http-server';

const MAX_REDIRECTS = 50;

type Waited = 'done' | 'interrupted' | 'max-time' | 'connect-timeout';

interface Transfer {
  ctx: CommandContext;
  a: CurlArgs;
  style: CurlStyle;
  version: string;
  started: number;
  /** What goes to stdout or the -o file. */
  out: string;
  last?: HttpResponseView;
  ip?: string;
  port?: number;
  url: string;
}

function flavor(ctx: CommandContext): { style: CurlStyle; version: string } {
  const id = ctx.scope.containerId;
  const c = id ? labCtx(ctx).state.machines[ctx.scope.host]?.docker?.containers[id] : undefined;
  if (c && findImage(c.image)?.repository === 'nicolaka/netshoot') return { style: '8', version: '8.14.1' };
  return { style: '7', version: '7.88.1' };
}

function elapsed(t: Transfer): number {
  return labCtx(t.ctx).clock.now() - t.started;
}

/** Waits `ms`, cut short by -m (whole transfer) or --connect-timeout (while connecting). */
async function wait(t: Transfer, ms: number, connecting: boolean): Promise<Waited> {
  const maxMs = t.a.maxTimeS !== undefined ? t.a.maxTimeS * 1000 : Infinity;
  const connMs = connecting && t.a.connectTimeoutS !== undefined ? t.a.connectTimeoutS * 1000 : Infinity;
  const limit = Math.min(maxMs, connMs);
  const now = elapsed(t);
  if (now + ms < limit) return (await t.ctx.sleep(ms)) ? 'done' : 'interrupted';
  if (!(await t.ctx.sleep(Math.max(0, limit - now)))) return 'interrupted';
  return maxMs <= connMs ? 'max-time' : 'connect-timeout';
}

function shown(t: Transfer): boolean {
  return !t.a.silent || t.a.showError;
}

/** Prints a failure (verbose trace, then the error line) and returns its exit status. */
function fail(t: Transfer, f: CurlFailure | { code: number; text: string }, target?: CurlTarget): number {
  const line = 'text' in f ? `curl: (${f.code}) ${f.text}\n` : curlError(f, t.style);
  if (t.a.verbose) {
    const trace = 'text' in f ? '' : curlVerboseFailure(f, target, t.style);
    const closing = t.style === '7' ? '* Closing connection 0\n' : '* closing connection #0\n';
    t.ctx.stderr(trace || `* ${line.replace(/^curl: \(\d+\) /, '')}${closing}`);
  }
  if (shown(t)) t.ctx.stderr(line);
  return f.code;
}

function timedOut(t: Transfer, waited: 'max-time' | 'connect-timeout', phase: 'resolve' | 'connect' | 'transfer', target: CurlTarget): number {
  const limitMs = (waited === 'max-time' ? t.a.maxTimeS! : t.a.connectTimeoutS!) * 1000 + 1;
  if (phase === 'resolve') return fail(t, { code: 28, text: `Resolving timed out after ${limitMs} milliseconds` });
  if (phase === 'transfer') return fail(t, { code: 28, phase: 'max-time', elapsedMs: limitMs, received: 0 });
  if (waited === 'connect-timeout') return fail(t, { code: 28, phase: 'connect-timeout', host: target.host, ip: target.ip, port: target.port, elapsedMs: limitMs }, target);
  return fail(t, { code: 28, phase: 'max-time', elapsedMs: limitMs });
}

function request(t: Transfer, u: Url): { method: string; path: string; host: string; userAgent: string; tls: boolean } {
  const method = t.a.method ?? (t.a.head ? 'HEAD' : t.a.data !== undefined ? 'POST' : 'GET');
  const hostHdr = t.a.headers.find((h) => /^host:/i.test(h))?.replace(/^host:\s*/i, '') ?? hostHeader(u);
  return { method, path: u.path, host: hostHdr, userAgent: t.a.userAgent ?? `curl/${t.version}`, tls: u.scheme === 'https' };
}

function verboseRequest(t: Transfer, target: CurlTarget, method: string): string {
  let s = curlVerboseRequest({ ...target, method: 'GET' }, t.style).replace('> GET ', `> ${method} `);
  const extra = t.a.headers.filter((h) => !/^host:/i.test(h)).map((h) => `> ${h}\r\n`).join('');
  if (t.a.userAgent) s = s.replace(/> User-Agent: [^\r]*/, `> User-Agent: ${t.a.userAgent}`);
  return s.replace('> Accept: */*\r\n> \r\n', `> Accept: */*\r\n${extra}> \r\n`);
}

/** One connection attempt's failure, after the wait the real client would sit through. */
async function connectFailure(t: Transfer, at: Exclude<Attempt, { kind: 'connected' | 'unresolved' }>, target: CurlTarget): Promise<number> {
  const waited = await wait(t, failureDelayMs(at), true);
  if (waited === 'interrupted') return 130;
  if (waited !== 'done') return timedOut(t, waited, 'connect', target);
  const ms = at.kind === 'refused' || at.kind === 'no-route' ? at.rttMs : failureDelayMs(at);
  if (at.kind === 'timeout') {
    const text = `Failed to connect to ${target.host} port ${target.port} after ${ms} ms: Connection timed out`;
    if (t.a.verbose) t.ctx.stderr(`* connect to ${at.ip} port ${target.port} failed: Connection timed out\n* ${text}\n* Closing connection 0\n`);
    if (shown(t)) t.ctx.stderr(`curl: (28) ${text}\n`);
    return 28;
  }
  const errno = at.kind === 'refused' ? 'Connection refused' : 'No route to host';
  if (t.a.verbose && at.kind === 'no-route') {
    t.ctx.stderr(`* connect to ${at.ip} port ${target.port} failed: Network is unreachable\n`);
    return fail({ ...t, a: { ...t.a, verbose: false } }, { code: 7, host: target.host, ip: at.ip, port: target.port, elapsedMs: ms });
  }
  return fail(t, { code: 7, host: target.host, ip: at.ip, port: target.port, elapsedMs: ms, errno }, target);
}

/** The server answered something other than HTTP, or nothing. */
async function badReply(t: Transfer, reply: Exclude<ServerReply, { kind: 'http' }>, target: CurlTarget): Promise<number> {
  switch (reply.kind) {
    case 'raw':
      return fail(t, { code: 1, text: 'Received HTTP/0.9 when not allowed' });
    case 'tls-error':
      return fail(t, { code: 35, text: 'error:0A00010B:SSL routines::wrong version number' });
    case 'closed': {
      const waited = await wait(t, reply.afterMs, false);
      if (waited === 'interrupted') return 130;
      if (waited !== 'done') return timedOut(t, waited, 'transfer', target);
      return fail(t, { code: 52 });
    }
    case 'silent': {
      const waited = await wait(t, Number.MAX_SAFE_INTEGER / 2, false);
      return waited === 'interrupted' ? 130 : timedOut(t, 'max-time', 'transfer', target);
    }
  }
}

/** Prints (or collects) one HTTP response; returns the next URL when -L follows a redirect. */
function deliver(t: Transfer, r: HttpResponseView, target: CurlTarget): { next?: string; status?: number } {
  t.last = r;
  if (t.a.verbose) {
    const v10 = r.httpVersion === '1.0' ? '* HTTP 1.0, assume close after body\n' : '';
    t.ctx.stderr(v10 + curlVerboseResponse(r));
  }
  const location = r.headers.find(([k]) => k.toLowerCase() === 'location')?.[1];
  const follow = t.a.location && r.status >= 300 && r.status < 400 && location;
  if (t.a.fail && r.status >= 400) return { status: fail(t, { code: 22, status: r.status }) };
  if (t.a.head || t.a.include) t.out += curlHeaderBlock(r);
  if (!follow && !t.a.head) t.out += r.body;
  if (t.a.verbose) t.ctx.stderr(r.httpVersion === '1.0' ? (t.style === '7' ? '* Closing connection 0\n' : '* shutting down connection #0\n') : curlVerboseDone(target.host));
  if (!follow) return {};
  const next = followLocation(parseUrl(t.url) as Url, location);
  if (t.a.verbose) t.ctx.stderr(`* Issue another request to this URL: '${next}'\n`);
  return { next };
}

async function fetchOnce(t: Transfer, u: Url): Promise<{ next?: string; status?: number }> {
  const { lab, ns } = processNs(t.ctx);
  const name = u.host;
  if (name.includes(':')) {
    // The lab has no IPv6: connect() to an IPv6 literal fails at once (ENETUNREACH).
    const target: CurlTarget = { host: name, ip: name, port: u.port, path: u.path, version: t.version };
    return { status: await connectFailure(t, { kind: 'no-route', ip: name, rttMs: 0 }, target) };
  }
  const res = resolveName(lab, ns, t.ctx.scope.fs, name);
  const target: CurlTarget = { host: name, ip: res.addresses[0] ?? '', port: u.port, path: u.path, version: t.version };
  if (!res.ok) {
    const waited = await wait(t, failureDelayMs({ kind: 'unresolved', error: res.error ?? 'NXDOMAIN' }), true);
    if (waited === 'interrupted') return { status: 130 };
    if (waited !== 'done') return { status: timedOut(t, waited, 'resolve', target) };
    return { status: fail(t, { code: 6, host: name }) };
  }
  const at = connectIp(lab, ns, target.ip, u.port);
  t.ip = target.ip;
  t.port = u.port;
  if (at.kind !== 'connected') return { status: await connectFailure(t, at as Exclude<Attempt, { kind: 'connected' | 'unresolved' }>, target) };
  const req = request(t, u);
  if (t.a.verbose) t.ctx.stderr(verboseRequest(t, target, req.method));
  const reply = serveHttp(lab, at.conn, req);
  if (reply.kind !== 'http') return { status: await badReply(t, reply, target) };
  return deliver(t, reply.response, target);
}

function outputFile(t: Transfer): string | undefined {
  if (t.a.output !== undefined) return t.a.output === '-' ? undefined : t.a.output;
  if (!t.a.remoteName) return undefined;
  const u = parseUrl(t.url);
  return isUrlError(u) ? undefined : u.path.split('?')[0].split('/').pop();
}

async function transfer(ctx: CommandContext, a: CurlArgs, raw: string): Promise<number> {
  const t: Transfer = { ctx, a, ...flavor(ctx), started: labCtx(ctx).clock.now(), out: '', url: raw };
  let status = 0;
  for (let hops = 0; ; hops++) {
    const u = parseUrl(t.url);
    if (isUrlError(u)) {
      status = u.error === 'scheme' ? fail(t, { code: 1, text: `Protocol "${u.scheme}" not supported or disabled in libcurl` }) : fail(t, { code: 3 });
      break;
    }
    if (hops > MAX_REDIRECTS) {
      status = fail(t, { code: 47, text: `Maximum (${MAX_REDIRECTS}) redirects followed` });
      break;
    }
    const r = await fetchOnce(t, u);
    if (r.status !== undefined) {
      status = r.status;
      break;
    }
    if (!r.next) break;
    t.url = r.next;
  }
  if (status === 130) return 130;
  return finish(t, status);
}

function finish(t: Transfer, status: number): number {
  const file = outputFile(t);
  if (t.a.remoteName && t.a.output === undefined && !file) {
    t.ctx.stderr('curl: Remote file name has no length!\n' + "curl: try 'curl --help' or 'curl --manual' for more information\n");
    return 23;
  }
  if (file !== undefined && status === 0) {
    if (!t.a.silent) t.ctx.stderr(PROGRESS_HEADER + progressLine(t.out.length, Math.max(1, elapsed(t))));
    const err = writeDownload(t.ctx, file, t.out);
    if (err) {
      t.ctx.stderr(`Warning: Failed to open the file ${file}: ${err === 'EISDIR' ? 'Is a directory' : 'No such file or directory'}\n`);
      if (shown(t)) t.ctx.stderr(`curl: (23) Failure writing output to destination\n`);
      return 23;
    }
  } else if (file === undefined) t.ctx.stdout(t.out);
  if (t.a.writeOut !== undefined) {
    t.ctx.stdout(writeOut(t.a.writeOut, { response: t.last, url: t.url, ip: t.ip, port: t.port, totalMs: Math.max(elapsed(t), 1), sizeDownload: t.last?.body.length ?? 0 }, t.ctx.stderr));
  }
  return status;
}

async function run(ctx: CommandContext): Promise<number> {
  const parsed = parseCurlArgs(ctx.argv.slice(1));
  if (!parsed.ok) {
    ctx.stderr(parsed.stderr);
    return parsed.status;
  }
  let status = 0;
  for (const url of parsed.args.urls) {
    const s = await transfer(ctx, parsed.args, url);
    if (s === 130) return 130;
    if (s) status = s;
  }
  return status;
}

export const curl: CommandSpec = {
  name: 'curl',
  usage: 'curl [options...] <url>',
  summary: 'transfer a URL',
  help: [
    'Usage: curl [options...] <url>',
    ' -d, --data <data>          HTTP POST data',
    ' -f, --fail                 Fail fast with no output on HTTP errors',
    ' -H, --header <header/@file> Pass custom header(s) to server',
    ' -I, --head                 Show document info only',
    ' -i, --include              Include protocol response headers in the output',
    ' -L, --location             Follow redirects',
    ' -m, --max-time <seconds>   Maximum time allowed for transfer',
    ' -o, --output <file>        Write to file instead of stdout',
    ' -O, --remote-name          Write output to a file named as the remote file',
    ' -s, --silent               Silent mode',
    ' -S, --show-error           Show error even when -s is used',
    ' -v, --verbose              Make the operation more talkative',
    ' -w, --write-out <format>   Use output FORMAT after completion',
    ' -X, --request <method>     Specify request method to use',
    '     --connect-timeout <fractional seconds> Maximum time allowed for connection',
    '',
    'This is not the full help, this menu is stripped into categories.',
  ].join('\n'),
  run,
};
