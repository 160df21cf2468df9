/**
 * GNU Wget 1.21.3 (Debian 12: the host, the laptop, GNU images), in a UTF-8
 * locale (curly quotes). Everything but the body goes to stderr:
 *   --2026-01-12 09:00:00--  http://web/
 *   Resolving web (web)... 172.18.0.2
 *   Connecting to web (web)|172.18.0.2|:80... connected.
 *   HTTP request sent, awaiting response... 200 OK
 *   Length: 615 [text/html]
 *   Saving to: ‘index.html’
 *   (bar)
 *   2026-01-12 09:00:00 (58.7 MB/s) - ‘index.html’ saved [615/615]
 * Refused connections fail at once (exit 4); timeouts, unreachable hosts and
 * empty replies are retried (`Retrying.`, up to -t 20 tries, waiting 1 s,
 * 2 s … 10 s between them, `Giving up.` at the end) as wget's
 * retryable_socket_connect_error() decides. HTTP errors exit 8 with
 * `ERROR 404: Not Found.`; an existing file is kept and the new one saved as
 * `index.html.1`. The bar is drawn in its finished state for an 80-column
 * terminal (layout copied from transcripts, NOT checked against progress.c).
 */
import type { CommandContext } from '../types';
import type { HttpResponseView } from '../netfmt/index';
import { failureDelayMs, fetchHttp, fileExists, isUrlError, parseUrl, writeDownload, type Url } from './http-client';
import { followLocation } from './curl-output';
import { labCtx } from '../docker/engine-access';
import type { ServerReply } from '../../kernel/http-server';

interface Opts {
  quiet: boolean;
  output?: string;
  timeoutS: number;
  tries: number;
  spider: boolean;
  serverResponse: boolean;
  urls: string[];
}

const TRY_HELP = "wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n";

function parse(argv: string[]): Opts | string {
  const o: Opts = { quiet: false, timeoutS: 900, tries: 20, spider: false, serverResponse: false, urls: [] };
  const longValues: Record<string, (v: string) => void> = {
    'output-document': (v) => (o.output = v), timeout: (v) => (o.timeoutS = Number(v) || 900), tries: (v) => (o.tries = Number(v) || 20),
    'user-agent': () => {}, header: () => {}, 'directory-prefix': () => {},
  };
  const shortValues: Record<string, string> = { O: 'output-document', T: 'timeout', t: 'tries', U: 'user-agent', P: 'directory-prefix' };
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i];
    if (w === '--spider') o.spider = true;
    else if (w === '--quiet') o.quiet = true;
    else if (w === '--server-response') o.serverResponse = true;
    else if (w.startsWith('--')) {
      const [name, inline] = w.slice(2).split(/=(.*)/s);
      if (!longValues[name]) return `wget: unrecognized option '${w}'\nUsage: wget [OPTION]... [URL]...\n\nTry \`wget --help' for more options.\n`;
      const v = inline ?? argv[++i];
      if (v === undefined) return `wget: option '${w}' requires an argument\n`;
      longValues[name](v);
    } else if (w.startsWith('-') && w.length > 1) {
      for (let j = 1; j < w.length; j++) {
        const ch = w[j];
        if (ch === 'q') o.quiet = true;
        else if (ch === 'S') o.serverResponse = true;
        else if (ch === 'c' || ch === 'v' || ch === '4') continue;
        else if (shortValues[ch]) {
          const v = j + 1 < w.length ? w.slice(j + 1) : argv[++i];
          if (v === undefined) return `wget: option requires an argument -- '${ch}'\n`;
          longValues[shortValues[ch]](v);
          break;
        } else return `wget: invalid option -- '${ch}'\nUsage: wget [OPTION]... [URL]...\n\nTry \`wget --help' for more options.\n`;
      }
    } else o.urls.push(w);
  }
  return o.urls.length ? o : TRY_HELP;
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

function stamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

function urlText(u: Url): string {
  const dflt = u.scheme === 'https' ? 443 : 80;
  const host = u.host.includes(':') ? `[${u.host}]` : u.host;
  return `${u.scheme}://${host}${u.port === dflt ? '' : `:${u.port}`}${u.path}`;
}

function isIp(host: string): boolean {
  return /^\d+\.\d+\.\d+\.\d+$/.test(host) || host.includes(':');
}

function human(n: number): string {
  if (n < 1024) return String(n);
  const units = ['K', 'M', 'G'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 2 : v < 100 ? 1 : 0)}${units[i]}`;
}

function rate(bytes: number, ms: number): string {
  let r = bytes / Math.max(ms / 1000, 0.00001);
  const units = ['B/s', 'KB/s', 'MB/s', 'GB/s'];
  let i = 0;
  while (r >= 1024 && i < units.length - 1) {
    r /= 1024;
    i++;
  }
  return `${r.toFixed(r >= 99.95 ? 0 : r >= 9.995 ? 1 : 2)} ${units[i]}`;
}

function lengthLine(r: HttpResponseView): string {
  const len = r.headers.find(([k]) => k.toLowerCase() === 'content-length')?.[1];
  const type = r.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1];
  const size = len === undefined ? 'unspecified' : Number(len) >= 1024 ? `${len} (${human(Number(len))})` : len;
  return `Length: ${size}${type ? ` [${type}]` : ''}\n`;
}

function freeName(ctx: CommandContext, base: string): string {
  if (!fileExists(ctx, base)) return base;
  for (let n = 1; ; n++) if (!fileExists(ctx, `${base}.${n}`)) return `${base}.${n}`;
}

function save(ctx: CommandContext, u: Url, body: string, o: Opts, rttMs: number, say: (t: string) => void): number {
  const now = labCtx(ctx).clock.now();
  const target = o.output ?? freeName(ctx, u.path.split('?')[0].split('/').pop() || 'index.html');
  say(`Saving to: ‘${target === '-' ? 'STDOUT' : target}’\n\n`);
  if (target === '-') ctx.stdout(body);
  else if (writeDownload(ctx, target, body)) {
    ctx.stderr(`${target}: No such file or directory\n`);
    return 3;
  }
  const name = (target === '-' ? '-' : target.split('/').pop()!).slice(0, 19).padEnd(20);
  say(`${name}100%[===================>] ${human(body.length).padStart(7)}  --.-KB/s    in 0s      \n\n`);
  const what = target === '-' ? 'written to stdout' : `‘${target}’ saved`;
  say(`${stamp(now)} (${rate(body.length, rttMs)}) - ${what} [${body.length}/${body.length}]\n\n`);
  return 0;
}

type Step = { done: number } | { retry: true } | { next: string };

function responseStep(ctx: CommandContext, u: Url, r: HttpResponseView, o: Opts, say: (t: string) => void): Step {
  say(`HTTP request sent, awaiting response... ${r.status} ${r.reason}\n`);
  if (o.serverResponse) say([`HTTP/${r.httpVersion} ${r.status} ${r.reason}`, ...r.headers.map(([k, v]) => `${k}: ${v}`)].map((l) => `  ${l}\n`).join(''));
  const location = r.headers.find(([k]) => k.toLowerCase() === 'location')?.[1];
  if (r.status >= 300 && r.status < 400 && location) {
    const next = followLocation(u, location);
    say(`Location: ${location} [following]\n`);
    return { next };
  }
  if (r.status >= 400) {
    if (o.spider) say('Remote file does not exist -- broken link!!!\n');
    else say(`${stamp(labCtx(ctx).clock.now())} ERROR ${r.status}: ${r.reason}.\n\n`);
    return { done: 8 };
  }
  say(lengthLine(r));
  if (o.spider) {
    const html = (r.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '').startsWith('text/html');
    say(html ? 'Remote file exists and could contain further links,\nbut recursion is disabled -- not retrieving.\n\n' : 'Remote file exists.\n\n');
    return { done: 0 };
  }
  return { done: save(ctx, u, r.body, o, 0.01, say) };
}

async function replyStep(ctx: CommandContext, u: Url, reply: ServerReply, o: Opts, say: (t: string) => void): Promise<Step | undefined> {
  switch (reply.kind) {
    case 'http':
      return responseStep(ctx, u, reply.response, o, say);
    case 'raw':
      say('HTTP request sent, awaiting response... 200 No headers, assuming HTTP/0.9\nLength: unspecified\n');
      return { done: save(ctx, u, reply.data, o, 0.01, say) };
    case 'tls-error':
      say('GnuTLS: An unexpected TLS packet was received.\nUnable to establish SSL connection.\n');
      return { done: 4 };
    case 'closed':
      if (!(await ctx.sleep(Math.min(reply.afterMs, o.timeoutS * 1000)))) return undefined;
      say(reply.afterMs > o.timeoutS * 1000 ? 'HTTP request sent, awaiting response... Read error (Connection timed out) in headers.\n' : 'HTTP request sent, awaiting response... No data received.\n');
      return { retry: true };
    case 'silent':
      if (!(await ctx.sleep(o.timeoutS * 1000))) return undefined;
      say('HTTP request sent, awaiting response... Read error (Connection timed out) in headers.\n');
      return { retry: true };
  }
}

async function oneTry(ctx: CommandContext, u: Url, o: Opts, say: (t: string) => void, resolved: boolean): Promise<Step | undefined> {
  const f = fetchHttp(ctx, u, { method: o.spider ? 'HEAD' : 'GET', userAgent: 'Wget/1.21.3', keepAlive: true });
  const named = !isIp(u.host);
  if (f.kind === 'unresolved') {
    if (f.error === 'timeout' && !(await ctx.sleep(failureDelayMs({ kind: 'unresolved', error: 'timeout' })))) return undefined;
    const why = f.error === 'timeout' ? 'Temporary failure in name resolution' : 'Name or service not known';
    say(`Resolving ${u.host} (${u.host})... failed: ${why}.\n`);
    ctx.stderr(`wget: unable to resolve host address ‘${u.host}’\n`);
    return { done: 4 };
  }
  if (named && !resolved) say(`Resolving ${u.host} (${u.host})... ${f.ip}\n`);
  const where = named ? `${u.host} (${u.host})|${f.ip}|:${u.port}` : f.ip.includes(':') ? `[${f.ip}]:${u.port}` : `${f.ip}:${u.port}`;
  if (f.kind === 'failed') {
    const a = f.attempt;
    const delay = Math.min(failureDelayMs(a), o.timeoutS * 1000);
    if (delay && !(await ctx.sleep(delay))) return undefined;
    const why = { refused: 'Connection refused', 'no-route': 'Network is unreachable', unreachable: 'No route to host', timeout: 'Connection timed out' }[a.kind];
    say(`Connecting to ${where}... failed: ${why}.\n`);
    return a.kind === 'refused' ? { done: 4 } : { retry: true };
  }
  say(`Connecting to ${where}... connected.\n`);
  return replyStep(ctx, u, f.reply, o, say);
}

async function one(ctx: CommandContext, raw: string, o: Opts): Promise<number> {
  const say = (t: string) => (o.quiet ? undefined : ctx.stderr(t));
  let url = raw;
  let tryNo = 1;
  let resolvedHost: string | undefined;
  for (let hops = 0; hops <= 20; ) {
    const u = parseUrl(url);
    if (isUrlError(u)) {
      ctx.stderr(u.error === 'scheme' ? `${url}: Unsupported scheme ‘${u.scheme}’.\n` : `${url}: Invalid URL.\n`);
      return 1;
    }
    say(`--${stamp(labCtx(ctx).clock.now())}--  ${tryNo > 1 ? `(try:${String(tryNo).padStart(2)})  ` : ''}${urlText(u)}\n`);
    const step = await oneTry(ctx, u, o, say, resolvedHost === u.host);
    if (!step) return 130;
    resolvedHost = u.host;
    if ('done' in step) return step.done;
    if ('next' in step) {
      url = step.next;
      hops++;
      tryNo = 1;
      continue;
    }
    if (tryNo >= o.tries) {
      say('Giving up.\n\n');
      return 4;
    }
    say('Retrying.\n\n');
    if (!(await ctx.sleep(Math.min(tryNo, 10) * 1000))) return 130;
    tryNo++;
  }
  ctx.stderr('20 redirections exceeded.\n');
  return 8;
}

export async function gnuWget(ctx: CommandContext): Promise<number> {
  const o = parse(ctx.argv.slice(1));
  if (typeof o === 'string') {
    ctx.stderr(o);
    return 2;
  }
  if (o.spider && !o.quiet) ctx.stderr('Spider mode enabled. Check if remote file exists.\n');
  let status = 0;
  for (const url of o.urls) {
    const s = await one(ctx, url, o);
    if (s === 130) return 130;
    status ||= s;
  }
  return status;
}
