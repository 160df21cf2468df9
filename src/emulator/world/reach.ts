/** Can A reach B? Resolves the name as A would, then sends real packets; explains failures in plain words. */
import type { LabCtx } from './ctx';
import type { ReachResult, Vantage } from '../api';
import { resolveVantage } from './vantage';
import { resolveName } from '../kernel/resolver';
import { ping, tcpConnect, tcpDownload, udpExchange, type ConnectOutcome } from '../net/transport';
import { describeDrop } from './explain';

export function probeReach(ctx: LabCtx, from: Vantage, target: string, port: number | undefined, proto: 'tcp' | 'udp' | 'icmp', bytes?: number): ReachResult {
  const v = resolveVantage(ctx, from);
  if (typeof v === 'string') return { ok: false, reason: v };
  const r = resolveName(ctx, v.ns, v.fs, target);
  if (!r.ok) {
    const why = r.error === 'NXDOMAIN' ? 'no DNS server it asks knows that name' : 'no DNS server answered';
    return { ok: false, reason: `the name ${target} does not resolve from ${v.label} (${why})` };
  }
  const ip = r.addresses[0];
  const shown = ip === target ? ip : `${target} (${ip})`;
  if (proto === 'icmp' || port === undefined) {
    const rt = ping(ctx, v.ns, ip, 0, 1, bytes);
    const sized = bytes === undefined ? '' : ` with ${bytes} data bytes`;
    if (rt.answer) return { ok: true, reason: `${v.label} reaches ${shown}${sized}` };
    return { ok: false, reason: `ping${sized} from ${v.label} to ${shown} gets no reply: ${describeDrop(ctx, rt.drop)}` };
  }
  if (proto === 'udp') {
    const out = udpExchange(ctx, v.ns, ip, port, { probe: true }, () => ({ ok: true }));
    if (out.kind === 'reply') return { ok: true, reason: `${v.label} reaches ${shown} on ${port}/udp` };
    if (out.kind === 'refused') return { ok: false, reason: `nothing listens on ${port}/udp at ${shown}` };
    return { ok: false, reason: `UDP from ${v.label} to ${shown}:${port} gets no answer: ${describeDrop(ctx, out.drop)}` };
  }
  const c = tcpConnect(ctx, v.ns, ip, port);
  switch (c.kind) {
    case 'connected':
      return bytes === undefined ? { ok: true, reason: `${v.label} connects to ${shown} on port ${port}` } : download(ctx, c, v.label, `${shown}:${port}`, bytes);
    case 'refused':
      return { ok: false, reason: `${shown} refuses connections on port ${port}: nothing listens there (or a firewall rejects it)` };
    default:
      return { ok: false, reason: `a connection from ${v.label} to ${shown}:${port} does not get through: ${describeDrop(ctx, c.drop)}` };
  }
}

/** The connection is open; does a download of `bytes` in full-size segments come through too? */
function download(ctx: LabCtx, c: Extract<ConnectOutcome, { kind: 'connected' }>, label: string, shown: string, bytes: number): ReachResult {
  const rt = tcpDownload(ctx, c, bytes);
  if (rt.answer) return { ok: true, reason: `${label} connects to ${shown} and receives ${bytes} bytes` };
  return { ok: false, reason: `${label} connects to ${shown}, but ${bytes} bytes from it do not get through: ${describeDrop(ctx, rt.drop)}` };
}
