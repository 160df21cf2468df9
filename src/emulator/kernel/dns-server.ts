/**
 * DNS servers in the model. `embedded` is Docker's resolver at 127.0.0.11:
 * it answers container names, network aliases and short IDs of the networks
 * the asking container shares (by name or `name.network`), several addresses
 * for a shared alias in rotating order, and forwards anything else to the
 * external servers from the container's namespace (so --internal networks
 * cannot resolve public names). `upstream` is the LAN router's dnsmasq and the
 * public resolvers: they know the internet's names and the LAN's hosts.
 */
import type { LabCtx } from '../world/ctx';
import type { Arrival } from '../net/journey';
import type { Socket } from '../net/state';
import { INTERNET_HOSTS, LAN_GATEWAY, LAPTOP_IP, nodeIp } from '../world/addresses';
import { ownerOfNs } from '../world/owners';
import { udpExchange } from '../net/transport';
import type { ContainerState } from '../docker/state';
import { VirtualFs } from './fs';
import { devicesOf } from '../net/netns';
import { logResolverFailure } from '../docker/daemon-log';
import { remoteDnsRecords } from '../docker/swarm/netdb';
import { serviceDnsRecords } from '../docker/swarm/services/dns';

export interface DnsQuery {
  name: string;
  type: 'A' | 'AAAA' | 'PTR';
}

export interface DnsAnswer {
  rcode: 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL';
  addresses: string[];
  /** For PTR. */
  names?: string[];
  authoritative: boolean;
}

const nx: DnsAnswer = { rcode: 'NXDOMAIN', addresses: [], authoritative: false };

export function serveDns(ctx: LabCtx, socket: Socket, at: Arrival, query: DnsQuery): DnsAnswer {
  if (socket.service.kind !== 'dns') return nx;
  if (socket.service.role === 'upstream') return answerUpstream(ctx, query);
  return answerEmbedded(ctx, at, query);
}

function answerUpstream(ctx: LabCtx, q: DnsQuery): DnsAnswer {
  const name = q.name.replace(/\.$/, '').toLowerCase();
  const lan: Record<string, string> = { gateway: LAN_GATEWAY, laptop: LAPTOP_IP };
  ctx.dockerHosts().forEach((h, i) => (lan[h] = nodeIp(i + 1)));
  const ip = INTERNET_HOSTS[name] ?? lan[name] ?? lan[name.replace(/\.lan$/, '')];
  if (!ip) return nx;
  return { rcode: 'NOERROR', addresses: q.type === 'A' ? [ip] : [], authoritative: false };
}

function answerEmbedded(ctx: LabCtx, at: Arrival, q: DnsQuery): DnsAnswer {
  const owner = ownerOfNs(ctx, at.ns.id);
  const asking = owner.containers[0];
  if (!asking) return nx;
  const found = lookupContainers(ctx, owner.machine, asking, q.name.replace(/\.$/, ''));
  if (found.length) {
    const rotated = rotate(found, ctx.rng.int(0, found.length - 1));
    return { rcode: 'NOERROR', addresses: q.type === 'A' ? rotated : [], authoritative: false };
  }
  return forwardExternal(ctx, owner.machine, asking, at, q);
}

/** Names Docker registers per endpoint on user-defined networks: name, aliases, short ID (DNSNames). */
function lookupContainers(ctx: LabCtx, machine: string, asking: ContainerState, qname: string): string[] {
  const docker = ctx.docker(machine);
  // Anonymous endpoints (a docker_gwbridge leg) are in no DNS (libnetwork CreateOptionAnonymous).
  const myNets = Object.values(docker.endpoints).filter((e) => e.containerId === asking.id && !e.anonymous).map((e) => docker.networks[e.networkId]).filter((n) => n && !n.predefined);
  const hits: string[] = [];
  for (const net of myNets) {
    const suffix = `.${net.name}`;
    const bare = qname.toLowerCase().endsWith(suffix.toLowerCase()) ? qname.slice(0, -suffix.length) : qname;
    for (const ep of Object.values(docker.endpoints)) {
      if (ep.networkId !== net.id || ep.anonymous) continue;
      const c = docker.containers[ep.containerId];
      if (!c) continue;
      const names = [c.name, c.id.slice(0, 12), ...ep.aliases].map((n) => n.toLowerCase());
      if (names.includes(bare.toLowerCase()) && !hits.includes(ep.ip)) hits.push(ep.ip);
    }
    // Swarm networks: containers on other nodes, as this node learnt them from the network DB.
    if (net.scope !== 'swarm') continue;
    // …and its services: `web` (VIP or dnsrr task addresses) and `tasks.web` (docker/swarm/services/dns.ts).
    for (const r of [...remoteDnsRecords(ctx, machine, net.id), ...serviceDnsRecords(ctx, machine, net.id)]) {
      if (r.names.some((n) => n.toLowerCase() === bare.toLowerCase()) && !hits.includes(r.ip)) hits.push(r.ip);
    }
  }
  return hits;
}

function rotate<T>(items: T[], by: number): T[] {
  return [...items.slice(by), ...items.slice(0, by)];
}

function forwardExternal(ctx: LabCtx, machine: string, asking: ContainerState, at: Arrival, q: DnsQuery): DnsAnswer {
  const hostResolv = new VirtualFs(ctx.state.machines[machine].fs).read('/etc/resolv.conf');
  const hostServers = typeof hostResolv === 'string' && !['ENOENT', 'EISDIR', 'ENOTDIR'].includes(hostResolv)
    ? [...hostResolv.matchAll(/^nameserver\s+(\S+)/gm)].map((m) => m[1]).filter((s) => !s.startsWith('127.'))
    : [];
  const servers = asking.host.dns.length ? asking.host.dns : ctx.docker(machine).config.dns.length ? ctx.docker(machine).config.dns : hostServers;
  for (const server of servers) {
    const out = udpExchange(ctx, at.ns, server, 53, q, (sock, where) => serveDns(ctx, sock, where, q));
    if (out.kind === 'reply') return out.data as DnsAnswer;
    // dockerd logs each server that failed (journalctl -u docker): a wrong --dns shows there.
    const local = devicesOf(ctx.state.net, at.ns).find((d) => d.kind !== 'loopback' && d.addrs.length)?.addrs[0].ip ?? at.pkt.dst;
    logResolverFailure(ctx, machine, { client: at.pkt.src, clientPort: at.pkt.sport, localIp: local, server, name: q.name, type: q.type, refused: out.kind === 'refused' });
  }
  return { rcode: 'SERVFAIL', addresses: [], authoritative: false };
}
