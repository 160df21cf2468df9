/**
 * The client side of `nc`: port probes (`-z`) and conversations. A TCP
 * probe is a real handshake (tcpConnect); a UDP probe sends a datagram and
 * only an ICMP port-unreachable coming back counts as closed (silence is
 * "open", as real scanners report it). A conversation sends stdin to the
 * server (kernel/tcp-stream) and prints what it answers, then waits: until
 * the server closes, until `-w`/`-q` seconds pass, or until Ctrl-C — as nc
 * keeps reading the network after stdin ends.
 */
import type { CommandContext } from '../types';
import { ncBadHost, ncFailed, ncOpen, strerror, type NcFlavor, type NcProbe } from '../netfmt/index';
import { connectIp, failureDelayMs, processNs, type Attempt } from './http-client';
import { resolveName } from '../../kernel/resolver';
import { udpExchange } from '../../net/transport';
import { serveStream } from '../../kernel/tcp-stream';

/** /etc/services names OpenBSD nc prints in `[tcp/http]`. */
const SERVICES: Record<string, string> = {
  'tcp/22': 'ssh', 'tcp/25': 'smtp', 'tcp/53': 'domain', 'udp/53': 'domain', 'tcp/80': 'http', 'tcp/443': 'https',
  'tcp/3306': 'mysql', 'tcp/5432': 'postgresql', 'tcp/6379': 'redis', 'tcp/8080': 'http-alt', 'udp/123': 'ntp',
};

export interface NcClientOpts {
  flavor: NcFlavor;
  verbose: number;
  udp: boolean;
  waitS?: number;
  quitS?: number;
  zero: boolean;
  host: string;
  ports: number[];
}

type Resolved = { ip: string } | { status: number };

async function resolve(ctx: CommandContext, o: NcClientOpts): Promise<Resolved> {
  const { lab, ns } = processNs(ctx);
  const r = resolveName(lab, ns, ctx.scope.fs, o.host);
  if (r.ok) return { ip: r.addresses[0] };
  if (r.error === 'timeout' && !(await ctx.sleep(failureDelayMs({ kind: 'unresolved', error: 'timeout' })))) return { status: 130 };
  ctx.stderr(ncBadHost(o.flavor, o.host, o.ports[0]));
  return { status: 1 };
}

function libc(o: NcClientOpts): 'musl' | 'glibc' {
  return o.flavor === 'busybox' ? 'musl' : 'glibc';
}

/** Waits out a failed connect (bounded by -w) and prints why it failed. */
async function reportFailure(ctx: CommandContext, o: NcClientOpts, p: NcProbe, at: Exclude<Attempt, { kind: 'connected' | 'unresolved' }>): Promise<number> {
  const delay = failureDelayMs(at);
  const cut = o.waitS !== undefined && o.waitS * 1000 < delay;
  if (!(await ctx.sleep(cut ? o.waitS! * 1000 : delay))) return 130;
  if (cut) {
    ctx.stderr(ncFailed(o.flavor, p, { kind: 'timeout', reason: strerror('ETIMEDOUT', libc(o)) }, o.verbose));
    return 1;
  }
  const errno = { refused: 'ECONNREFUSED', 'no-route': 'ENETUNREACH', unreachable: 'EHOSTUNREACH', timeout: 'ETIMEDOUT' } as const;
  const kind = at.kind === 'refused' ? 'refused' : 'other';
  ctx.stderr(ncFailed(o.flavor, p, { kind, reason: strerror(errno[at.kind], libc(o)) }, o.verbose));
  return 1;
}

async function probeUdp(ctx: CommandContext, o: NcClientOpts, p: NcProbe): Promise<number> {
  const { lab, ns } = processNs(ctx);
  const out = udpExchange(lab, ns, p.ip, p.port, { probe: 'nc' }, () => undefined);
  if (out.kind === 'refused') {
    ctx.stderr(ncFailed(o.flavor, p, { kind: 'refused', reason: strerror('ECONNREFUSED', libc(o)) }, o.verbose));
    return 1;
  }
  if (o.verbose) ctx.stderr(ncOpen(o.flavor, p));
  return 0;
}

/** `nc -z host ports…`: one probe per port; status 0 when the last one succeeded (OpenBSD) / all did. */
export async function ncProbe(ctx: CommandContext, o: NcClientOpts): Promise<number> {
  const r = await resolve(ctx, o);
  if ('status' in r) return r.status;
  let status = 0;
  for (const port of o.ports) {
    const proto = o.udp ? 'udp' : 'tcp';
    const p: NcProbe = { host: o.host, ip: r.ip, port, proto, service: SERVICES[`${proto}/${port}`] };
    let s: number;
    if (o.udp) s = await probeUdp(ctx, o, p);
    else {
      const { lab, ns } = processNs(ctx);
      const at = connectIp(lab, ns, r.ip, port);
      if (at.kind === 'connected') {
        if (o.verbose) ctx.stderr(ncOpen(o.flavor, p));
        s = 0;
      } else s = await reportFailure(ctx, o, p, at as Exclude<Attempt, { kind: 'connected' | 'unresolved' }>);
    }
    if (s === 130) return 130;
    status = s || status;
  }
  return status;
}

/** `nc host port`: a conversation with whatever listens there. */
export async function ncTalk(ctx: CommandContext, o: NcClientOpts): Promise<number> {
  const r = await resolve(ctx, o);
  if ('status' in r) return r.status;
  const port = o.ports[0];
  const p: NcProbe = { host: o.host, ip: r.ip, port, proto: o.udp ? 'udp' : 'tcp', service: SERVICES[`${o.udp ? 'udp' : 'tcp'}/${port}`] };
  const { lab, ns } = processNs(ctx);
  let closeAfterMs: number | undefined;
  if (o.udp) {
    udpExchange(lab, ns, r.ip, port, { stream: ctx.stdin }, () => undefined);
  } else {
    const at = connectIp(lab, ns, r.ip, port);
    if (at.kind !== 'connected') return reportFailure(ctx, o, p, at as Exclude<Attempt, { kind: 'connected' | 'unresolved' }>);
    if (o.verbose) ctx.stderr(ncOpen(o.flavor, p));
    const reply = serveStream(lab, at.conn, ctx.stdin);
    ctx.stdout(reply.data);
    closeAfterMs = reply.closeAfterMs;
  }
  const limits = [closeAfterMs, o.waitS !== undefined ? o.waitS * 1000 : undefined, o.quitS !== undefined ? o.quitS * 1000 : undefined].filter((x): x is number => x !== undefined);
  if (!limits.length) {
    while (await ctx.sleep(60000));
    return 130;
  }
  return (await ctx.sleep(Math.min(...limits))) ? 0 : 130;
}
