/**
 * What nslookup, dig and drill share: which server to ask (the first
 * nameserver of the process's /etc/resolv.conf, or the one given), one real
 * UDP query to it through the model (udpExchange + the DNS server where it
 * arrives, as kernel/resolver's queryServer does, but keeping "refused" apart
 * from "timed out" because dig prints them differently), and the answer as
 * records. TTLs: Docker's embedded resolver gives its own names TTL 600
 * (libnetwork resolver.go); forwarded public names carry the upstream's
 * (300 here, Google's usual); the LAN router's dnsmasq serves its hosts
 * file with TTL 0.
 */
import type { CommandContext } from '../types';
import type { DnsRecord, DnsType, Rcode } from '../netfmt/index';
import type { DnsAnswer, DnsQuery } from '../../kernel/dns-server';
import { serveDns } from '../../kernel/dns-server';
import { readResolvConf, resolveName } from '../../kernel/resolver';
import { udpExchange } from '../../net/transport';
import { INTERNET_HOSTS } from '../../world/addresses';
import { isIp } from '../../net/ipv4';
import { processNs } from './http-client';

/** Per try: glibc/bind's default `timeout:5`. */
export const DNS_TRY_MS = 5000;

export type Asked =
  | { kind: 'answer'; answer: DnsAnswer; rttMs: number }
  | { kind: 'timeout' }
  | { kind: 'refused' };

export function defaultServer(ctx: CommandContext): string | undefined {
  return readResolvConf(ctx.scope.fs).nameservers[0];
}

/** A server given on the command line: an address, or a name resolved first. */
export function serverAddress(ctx: CommandContext, server: string): string | undefined {
  if (isIp(server)) return server;
  const { lab, ns } = processNs(ctx);
  const r = resolveName(lab, ns, ctx.scope.fs, server);
  return r.ok ? r.addresses[0] : undefined;
}

/** One query over UDP/53 to `server`. */
export function ask(ctx: CommandContext, server: string, name: string, type: DnsType): Asked {
  const { lab, ns } = processNs(ctx);
  // The model's servers know A, AAAA and PTR; any other type (MX, TXT…) is asked as is and gets an empty NOERROR
  // (answerUpstream/answerEmbedded return addresses only for A), which is what a name without such records gets.
  const q: DnsQuery = { name: name.replace(/\.$/, ''), type: type as DnsQuery['type'] };
  const out = udpExchange(lab, ns, server, 53, q, (sock, at) => serveDns(lab, sock, at, q));
  if (out.kind === 'reply') return { kind: 'answer', answer: out.data as DnsAnswer, rttMs: out.rttMs };
  return out.kind === 'refused' ? { kind: 'refused' } : { kind: 'timeout' };
}

/** Where an answer came from, for its TTL and wire form. */
export function answerOrigin(name: string): 'public' | 'lan' | 'docker' {
  const n = name.replace(/\.$/, '').toLowerCase();
  if (INTERNET_HOSTS[n]) return 'public';
  if (/^(gateway|laptop|node\d+)(\.lan)?$/.test(n)) return 'lan';
  return 'docker';
}

export function ttlFor(name: string): number {
  return { public: 300, lan: 0, docker: 600 }[answerOrigin(name)];
}

export function toRecords(name: string, type: DnsType, a: DnsAnswer): DnsRecord[] {
  const owner = name.endsWith('.') ? name : `${name}.`;
  const ttl = ttlFor(name);
  if (type === 'PTR') return (a.names ?? []).map((n) => ({ name: owner, type, ttl, data: n.endsWith('.') ? n : `${n}.` }));
  if (type !== 'A') return [];
  return a.addresses.map((ip) => ({ name: owner, type: 'A', ttl, data: ip }));
}

export function rcodeOf(a: DnsAnswer): Rcode {
  return a.rcode;
}

/** `172.18.0.2` → `2.0.18.172.in-addr.arpa`. */
export function reverseZone(ip: string): string {
  return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
}

/** The names a resolver tries for `name`, with the search list and ndots (as kernel/resolver does). */
export function searchCandidates(ctx: CommandContext, name: string): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const conf = readResolvConf(ctx.scope.fs);
  const dots = name.split('.').length - 1;
  const searched = conf.search.map((s) => `${name}.${s}`);
  return dots >= conf.ndots ? [name, ...searched] : [...searched, name];
}
