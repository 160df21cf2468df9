/**
 * The C library's resolver as a process sees it: /etc/hosts first, then the
 * nameservers of /etc/resolv.conf, with the search list and ndots rules
 * (glibc and musl agree on what lessons show). Queries are real UDP packets
 * to port 53 through the model.
 */
import type { LabCtx } from '../world/ctx';
import type { NsState } from '../net/state';
import { isIp } from '../net/ipv4';
import { udpExchange } from '../net/transport';
import { serveDns, type DnsAnswer, type DnsQuery } from './dns-server';
import type { VirtualFs } from './fs';

export interface ResolvConf {
  nameservers: string[];
  search: string[];
  ndots: number;
}

export function readResolvConf(fs: VirtualFs): ResolvConf {
  const text = fs.read('/etc/resolv.conf');
  const conf: ResolvConf = { nameservers: [], search: [], ndots: 1 };
  if (typeof text !== 'string' || ['ENOENT', 'EISDIR', 'ENOTDIR'].includes(text)) return conf;
  for (const line of text.split('\n')) {
    const [k, ...rest] = line.trim().split(/\s+/);
    if (k === 'nameserver' && rest[0]) conf.nameservers.push(rest[0]);
    if (k === 'search' || k === 'domain') conf.search = rest;
    if (k === 'options') for (const o of rest) if (o.startsWith('ndots:')) conf.ndots = Number(o.slice(6)) || 0;
  }
  return conf;
}

export function lookupHostsFile(fs: VirtualFs, name: string): string | undefined {
  const text = fs.read('/etc/hosts');
  if (typeof text !== 'string' || ['ENOENT', 'EISDIR', 'ENOTDIR'].includes(text)) return undefined;
  for (const line of text.split('\n')) {
    const [ip, ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
    if (ip && isIp(ip) && names.some((n) => n.toLowerCase() === name.toLowerCase())) return ip;
  }
  return undefined;
}

export interface Resolution {
  ok: boolean;
  addresses: string[];
  /** The server that answered (or the last one tried). */
  server?: string;
  /** How it failed: no such name, or no server answered. */
  error?: 'NXDOMAIN' | 'timeout' | 'SERVFAIL';
  fromHostsFile: boolean;
  /** The full name that matched (after search expansion). */
  canonical: string;
}

/** Asks one server over UDP/53. */
export function queryServer(ctx: LabCtx, ns: NsState, server: string, q: DnsQuery): { answer?: DnsAnswer; timeout: boolean } {
  const out = udpExchange(ctx, ns, server, 53, q, (sock, at) => serveDns(ctx, sock, at, q));
  if (out.kind === 'reply') return { answer: out.data as DnsAnswer, timeout: false };
  return { timeout: true };
}

function candidates(name: string, conf: ResolvConf): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const dots = name.split('.').length - 1;
  const searched = conf.search.map((s) => `${name}.${s}`);
  return dots >= conf.ndots ? [name, ...searched] : [...searched, name];
}

export function resolveName(ctx: LabCtx, ns: NsState, fs: VirtualFs, name: string): Resolution {
  if (isIp(name)) return { ok: true, addresses: [name], fromHostsFile: false, canonical: name };
  const fromHosts = lookupHostsFile(fs, name.replace(/\.$/, ''));
  if (fromHosts) return { ok: true, addresses: [fromHosts], fromHostsFile: true, canonical: name };
  const conf = readResolvConf(fs);
  let last: Resolution = { ok: false, addresses: [], error: 'timeout', fromHostsFile: false, canonical: name };
  for (const cand of candidates(name, conf)) {
    for (const server of conf.nameservers) {
      const r = queryServer(ctx, ns, server, { name: cand, type: 'A' });
      if (r.timeout) {
        last = { ok: false, addresses: [], server, error: 'timeout', fromHostsFile: false, canonical: cand };
        continue;
      }
      const a = r.answer!;
      if (a.rcode === 'NOERROR' && a.addresses.length) return { ok: true, addresses: a.addresses, server, fromHostsFile: false, canonical: cand };
      last = { ok: false, addresses: [], server, error: a.rcode === 'SERVFAIL' ? 'SERVFAIL' : 'NXDOMAIN', fromHostsFile: false, canonical: cand };
      break;
    }
  }
  return last;
}
