/**
 * BusyBox `wget` (alpine, busybox): `networking/wget.c` of BusyBox 1.37.
 * Status lines go to stderr (`Connecting to web (172.18.0.2:80)`, `saving
 * to 'index.html'`, the progress bar, `'index.html' saved`), `-q` silences
 * them, `-O -` writes the body to stdout. Errors go through bb_error_msg,
 * with musl's strerror texts (`Operation timed out`, `Host is unreachable`).
 * Redirects (301/302/303/307/308) are followed, printing a new "Connecting
 * to" line. `-T SEC` (default 900) arms an alarm over the whole transfer,
 * connect included: `wget: download timed out`. An existing file is not
 * overwritten without -O: `wget: can't open 'index.html': File exists`.
 */
import type { CommandContext } from '../types';
import {
  strerror, wgetBadAddress, wgetCantConnect, wgetConnecting, wgetDone, wgetFileExists, wgetProgress, wgetSaving,
  wgetServerError, wgetServerResponse, WGET_SPIDER_OK, WGET_TIMED_OUT, type HttpResponseView,
} from '../netfmt/index';
import { failureDelayMs, fetchHttp, fileExists, isUrlError, parseUrl, writeDownload, type Fetched, type Url } from './http-client';
import { followLocation } from './curl-output';
import { labCtx } from '../docker/engine-access';

interface Opts {
  quiet: boolean;
  output?: string;
  prefix?: string;
  timeoutS: number;
  spider: boolean;
  serverResponse: boolean;
  userAgent: string;
  urls: string[];
}

const USAGE =
  'BusyBox v1.37.0 (2025-05-26 20:04:45 UTC) multi-call binary.\n\n' +
  'Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n' +
  '\t[--post-data STR | --post-file FILE] [-Y on/off]\n' +
  '\t[-P DIR] [-U AGENT] [-T SEC] URL...\n\nRetrieve files via HTTP or FTP\n';

function parse(argv: string[]): Opts | string {
  const o: Opts = { quiet: false, timeoutS: 900, spider: false, serverResponse: false, userAgent: 'Wget', urls: [] };
  const values: Record<string, (v: string) => void> = {
    O: (v) => (o.output = v), P: (v) => (o.prefix = v), T: (v) => (o.timeoutS = Number(v) || 900), U: (v) => (o.userAgent = v),
    t: () => {}, Y: () => {}, o: () => {}, header: () => {}, 'post-data': () => {}, 'output-document': (v) => (o.output = v),
  };
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i];
    if (w === '--spider') o.spider = true;
    else if (w === '--quiet') o.quiet = true;
    else if (w.startsWith('--')) {
      const [name, inline] = w.slice(2).split(/=(.*)/s);
      if (!values[name]) return `wget: unrecognized option '${w}'\n${USAGE}`;
      const v = inline ?? argv[++i];
      if (v === undefined) return `wget: option '${w}' requires an argument\n${USAGE}`;
      values[name](v);
    } else if (w.startsWith('-') && w.length > 1) {
      for (let j = 1; j < w.length; j++) {
        const ch = w[j];
        if (ch === 'q') o.quiet = true;
        else if (ch === 'S') o.serverResponse = true;
        else if (ch === 's') o.spider = true;
        else if (ch === 'c') continue;
        else if (values[ch]) {
          const v = j + 1 < w.length ? w.slice(j + 1) : argv[++i];
          if (v === undefined) return `wget: option requires an argument -- '${ch}'\n${USAGE}`;
          values[ch](v);
          break;
        } else return `wget: invalid option -- '${ch}'\n${USAGE}`;
      }
    } else o.urls.push(w);
  }
  return o.urls.length ? o : USAGE;
}

/** Sleeps up to `ms`, cut by the -T alarm; true when the alarm fired first, undefined on Ctrl-C. */
async function waitAlarm(ctx: CommandContext, ms: number, started: number, o: Opts): Promise<boolean | undefined> {
  const left = o.timeoutS * 1000 - (labCtx(ctx).clock.now() - started);
  const alarm = left <= ms;
  return (await ctx.sleep(Math.max(0, Math.min(ms, left)))) ? alarm : undefined;
}

function fileName(u: Url, o: Opts): string {
  if (o.output !== undefined) return o.output;
  const base = u.path.split('?')[0].split('/').pop() || 'index.html';
  return o.prefix ? `${o.prefix.replace(/\/$/, '')}/${base}` : base;
}

function save(ctx: CommandContext, u: Url, r: HttpResponseView, o: Opts): number {
  const target = fileName(u, o);
  const say = (t: string) => (o.quiet ? undefined : ctx.stderr(t));
  if (target !== '-' && o.output === undefined && fileExists(ctx, target)) {
    ctx.stderr(wgetFileExists(target));
    return 1;
  }
  say(wgetSaving(target));
  if (target === '-') ctx.stdout(r.body);
  else if (writeDownload(ctx, target, r.body)) {
    ctx.stderr(`wget: can't open '${target}': No such file or directory\n`);
    return 1;
  }
  say(wgetProgress(target === '-' ? '-' : target.split('/').pop()!, r.body.length));
  say(wgetDone(target));
  return 0;
}

/** The name did not resolve or the connection failed: wait as the client would, then say why. */
async function noConnection(ctx: CommandContext, f: Exclude<Fetched, { kind: 'reply' }>, u: Url, started: number, o: Opts): Promise<number> {
  const delay = f.kind === 'unresolved' ? failureDelayMs({ kind: 'unresolved', error: f.error }) : failureDelayMs(f.attempt);
  const alarm = await waitAlarm(ctx, delay, started, o);
  if (alarm === undefined) return 130;
  if (alarm) ctx.stderr(WGET_TIMED_OUT);
  else if (f.kind === 'unresolved') ctx.stderr(wgetBadAddress(u.host));
  else {
    const errno = { refused: 'ECONNREFUSED', 'no-route': 'ENETUNREACH', unreachable: 'EHOSTUNREACH', timeout: 'ETIMEDOUT' } as const;
    ctx.stderr(wgetCantConnect(f.ip, strerror(errno[f.attempt.kind], 'musl')));
  }
  return 1;
}

async function one(ctx: CommandContext, raw: string, o: Opts): Promise<number> {
  const started = labCtx(ctx).clock.now();
  let url = raw;
  for (let hops = 0; hops < 20; hops++) {
    const u = parseUrl(url);
    if (isUrlError(u)) {
      ctx.stderr(u.error === 'scheme' ? `wget: not an http or ftp url: ${url}\n` : `wget: bad address '${url}'\n`);
      return 1;
    }
    const f = fetchHttp(ctx, u, { method: o.spider ? 'HEAD' : 'GET', userAgent: o.userAgent, keepAlive: false });
    if (f.kind !== 'unresolved' && !o.quiet) ctx.stderr(wgetConnecting(u.explicitPort ? `${u.host}:${u.port}` : u.host, f.ip, u.port));
    if (f.kind !== 'reply') return noConnection(ctx, f, u, started, o);
    const reply = f.reply;
    if (reply.kind !== 'http') return badReply(ctx, reply, started, o);
    const r = reply.response;
    if (o.serverResponse) ctx.stderr(wgetServerResponse(r));
    const location = r.headers.find(([k]) => k.toLowerCase() === 'location')?.[1];
    if ([301, 302, 303, 307, 308].includes(r.status) && location) {
      url = followLocation(u, location);
      continue;
    }
    if (r.status < 200 || r.status > 299) {
      ctx.stderr(wgetServerError(r));
      return 1;
    }
    if (o.spider) {
      if (!o.quiet) ctx.stderr(WGET_SPIDER_OK);
      return 0;
    }
    return save(ctx, u, r, o);
  }
  ctx.stderr('wget: too many redirections\n');
  return 1;
}

async function badReply(ctx: CommandContext, reply: { kind: string; data?: string; afterMs?: number }, started: number, o: Opts): Promise<number> {
  if (reply.kind === 'raw') {
    ctx.stderr(`wget: server returned error: ${(reply.data ?? '').split(/\r?\n/)[0]}\n`);
    return 1;
  }
  if (reply.kind === 'tls-error') {
    ctx.stderr('wget: error getting response: Connection reset by peer\n');
    return 1;
  }
  const alarm = await waitAlarm(ctx, reply.kind === 'closed' ? reply.afterMs ?? 0 : Number.MAX_SAFE_INTEGER / 2, started, o);
  if (alarm === undefined) return 130;
  ctx.stderr(alarm ? WGET_TIMED_OUT : 'wget: error getting response\n');
  return 1;
}

export async function busyboxWget(ctx: CommandContext): Promise<number> {
  const o = parse(ctx.argv.slice(1));
  if (typeof o === 'string') {
    ctx.stderr(o);
    return 1;
  }
  let status = 0;
  for (const url of o.urls) {
    const s = await one(ctx, url, o);
    if (s === 130) return 130;
    status ||= s;
  }
  return status;
}
