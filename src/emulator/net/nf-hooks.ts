/**
 * Netfilter at the kernel's hooks, with connection tracking as Linux does it:
 * the first packet of a connection walks the nat table (DNAT at PREROUTING or
 * OUTPUT, SNAT/MASQUERADE at POSTROUTING) and the decision is stored in
 * conntrack when the packet leaves the namespace (or is delivered locally);
 * every later packet — including the replies — is translated from that entry
 * without walking nat again. The raw, mangle and filter tables see every
 * packet, with its ctstate (NEW, ESTABLISHED, RELATED).
 */
import type { NfPending, Packet } from './packet';
import type { DeviceState, NetState, NsState } from './state';
import type { JourneyCtx } from './journey';
import { isLocalAddress } from './netns';
import { evaluate, type EvalMeta, type EvalResult } from '../netfilter/evaluate';
import { conntrackOf, netfilterOf } from './probe';
import { createConnection, ctStateOf, lookupConnection, translatePacket, translateRelated, updateConnection, type CtEntry } from '../netfilter/conntrack';

export interface HookResult {
  verdict: 'ACCEPT' | 'DROP' | 'REJECT';
  pkt: Packet;
  /** Which table/chain/rule decided a DROP or REJECT, for explanations. */
  where?: string;
  /** REJECT's --reject-with (icmp-port-unreachable when not given). */
  rejectWith?: string;
}

type CtState = 'NEW' | 'ESTABLISHED' | 'RELATED';

function meta(net: NetState, ns: NsState, ctstate: CtState, inDev?: DeviceState, outDev?: DeviceState): EvalMeta {
  return { inIf: inDev?.name, outIf: outDev?.name, isLocal: (ip) => isLocalAddress(net, ns, ip), ctstate };
}

function describe(table: string, r: EvalResult): string {
  const d = r.decidedBy;
  return d.policy ? `${table} ${d.chain} policy ${r.verdict}` : `${table} ${d.chain} rule ${d.rule ?? '?'}`;
}

function entryOf(ctx: JourneyCtx, ns: NsState, pending: NfPending | undefined): CtEntry | undefined {
  if (!pending?.known || pending.ns !== ns.id) return undefined;
  return conntrackOf(ctx, ns).entries.find((e) => e.id === pending.known!.id);
}

function stateOf(ctx: JourneyCtx, ns: NsState, pkt: Packet): CtState {
  const p = pkt.nfPending;
  if (!p || p.ns !== ns.id || !p.known) return 'NEW';
  if (p.known.related) return 'RELATED';
  const entry = entryOf(ctx, ns, p);
  return p.known.dir === 'reply' || entry?.seenReply ? 'ESTABLISHED' : 'NEW';
}

/**
 * The mangle table at a hook: MARK sets the packet's firewall mark (Docker's
 * swarm load balancers mark what IPVS should take); a DROP there drops.
 */
function mangle(net: NetState, ctx: JourneyCtx, ns: NsState, pkt: Packet, chain: string, st: CtState, inDev?: DeviceState, outDev?: DeviceState): HookResult {
  // A built-in chain nf_tables does not have yet (never touched: "fake") has no hook: nothing runs, nothing counts.
  const table = ns.nf.tables.mangle;
  const builtin = table?.chains.find((c) => c.name === chain);
  if (!builtin || builtin.fake) return { verdict: 'ACCEPT', pkt };
  const r = evaluate(netfilterOf(ctx, ns), 'mangle', chain, { ...pkt, nfPending: undefined }, meta(net, ns, st, inDev, outDev));
  if (r.verdict !== 'ACCEPT') return { verdict: r.verdict, pkt, where: describe('mangle', r) };
  return { verdict: 'ACCEPT', pkt: r.mark === undefined ? pkt : { ...pkt, mark: r.mark } };
}

/** REDIRECT's address: the receiving interface's first IPv4 address, or 127.0.0.1 for a local packet. */
function redirected(d: { port?: number }, chain: 'PREROUTING' | 'OUTPUT', inDev?: DeviceState): { ip: string; port?: number } | undefined {
  const ip = chain === 'OUTPUT' ? '127.0.0.1' : inDev?.addrs[0]?.ip;
  return ip ? { ip, port: d.port } : undefined;
}

/** PREROUTING (received) or OUTPUT (locally generated): raw, conntrack, mangle, then DNAT for a new connection. */
function firstHook(net: NetState, ctx: JourneyCtx, ns: NsState, pkt: Packet, chain: 'PREROUTING' | 'OUTPUT', inDev?: DeviceState, outDev?: DeviceState): HookResult {
  // A packet arriving in a namespace carries no mark from the one it left (skb_scrub_packet).
  const arrived: Packet = chain === 'PREROUTING' ? { ...pkt, mark: undefined, ipvs: undefined } : pkt;
  const lookup = lookupConnection(conntrackOf(ctx, ns), { ...arrived, nfPending: undefined }, ctx.now);
  const st = ctStateOf(lookup);
  const raw = evaluate(netfilterOf(ctx, ns), 'raw', chain, { ...arrived, nfPending: undefined }, meta(net, ns, st, inDev, outDev));
  if (raw.verdict !== 'ACCEPT') return { verdict: raw.verdict, pkt, where: describe('raw', raw) };
  const mangled = mangle(net, ctx, ns, arrived, chain, st, inDev, outDev);
  if (mangled.verdict !== 'ACCEPT') return mangled;
  const clean: Packet = { ...mangled.pkt, nfPending: undefined };
  if (lookup) {
    const related = lookup.state === 'RELATED';
    // An ICMP error is handled by nf_conntrack_inet_error(): it neither advances nor refreshes its connection.
    if (!related) updateConnection(lookup.entry, lookup.dir, clean, ctx.now);
    const out = related ? translateRelated(lookup.entry, lookup.dir, clean, 'dst') : translatePacket(lookup.entry, lookup.dir, clean, 'dst');
    out.nfPending = { ns: ns.id, orig: clean, known: { id: lookup.entry.id, dir: lookup.dir, related } };
    return { verdict: 'ACCEPT', pkt: out };
  }
  const nat = evaluate(netfilterOf(ctx, ns), 'nat', chain, clean, meta(net, ns, 'NEW', inDev, outDev));
  const dnat = nat.dnat?.redirect ? redirected(nat.dnat, chain, inDev) : nat.dnat;
  // nf_nat_redirect_ipv4 drops what arrives on an interface without an address.
  if (nat.dnat?.redirect && !dnat) return { verdict: 'DROP', pkt, where: describe('nat', nat) };
  const out: Packet = { ...clean };
  if (dnat) {
    out.dst = dnat.ip;
    if (dnat.port !== undefined) out.dport = dnat.port;
  }
  out.nfPending = { ns: ns.id, orig: clean, dnat };
  return { verdict: 'ACCEPT', pkt: out };
}

function filter(net: NetState, ctx: JourneyCtx, ns: NsState, pkt: Packet, chain: 'INPUT' | 'FORWARD' | 'OUTPUT', inDev?: DeviceState, outDev?: DeviceState): HookResult {
  const r = evaluate(netfilterOf(ctx, ns), 'filter', chain, { ...pkt, nfPending: undefined }, meta(net, ns, stateOf(ctx, ns, pkt), inDev, outDev));
  return r.verdict === 'ACCEPT' ? { verdict: 'ACCEPT', pkt } : { verdict: r.verdict, pkt, where: describe('filter', r), rejectWith: r.rejectWith };
}

/** Leaving the namespace's hooks: apply the reply-side translation or confirm a new entry. */
function lastHook(net: NetState, ctx: JourneyCtx, ns: NsState, pkt: Packet, outDev: DeviceState | undefined, walkSnat: boolean): Packet {
  const pending = pkt.nfPending?.ns === ns.id ? pkt.nfPending : undefined;
  const entry = entryOf(ctx, ns, pending);
  if (entry && pending?.known) {
    const { dir, related } = pending.known;
    const out = related ? translateRelated(entry, dir, pkt, 'src') : translatePacket(entry, dir, pkt, 'src');
    return { ...out, nfPending: undefined };
  }
  // A packet looped back through lo keeps the connection it was confirmed with at POSTROUTING
  // (the skb carries its conntrack); INPUT does not track it a second time.
  if (!pending && !walkSnat && lookupConnection(conntrackOf(ctx, ns), { ...pkt, nfPending: undefined }, ctx.now)) return { ...pkt, nfPending: undefined };
  let snat: { ip: string; port?: number } | undefined;
  if (walkSnat) {
    const r = evaluate(netfilterOf(ctx, ns), 'nat', 'POSTROUTING', { ...pkt, nfPending: undefined }, meta(net, ns, 'NEW', undefined, outDev));
    if (r.snat) {
      const ip = r.snat.ip ?? outDev?.addrs[0]?.ip;
      if (ip) snat = { ip, port: r.snat.port };
    }
  }
  const orig = pending?.orig ?? { ...pkt, nfPending: undefined };
  if (orig.proto !== 'icmp' || orig.icmpType === 'echo-request') createConnection(conntrackOf(ctx, ns), orig, { dnat: pending?.dnat, snat }, ctx.now);
  const out: Packet = { ...pkt, nfPending: undefined };
  if (snat) {
    out.src = snat.ip;
    if (snat.port !== undefined) out.sport = snat.port;
  }
  return out;
}

export function hookPrerouting(net: NetState, ctx: JourneyCtx, ns: NsState, pkt: Packet, inDev: DeviceState): HookResult {
  return firstHook(net, ctx, ns, pkt, 'PREROUTING', inDev);
}

export function hookLocalOut(net: NetState, ctx: JourneyCtx, ns: NsState, pkt: Packet, outDev: DeviceState): HookResult {
  const first = firstHook(net, ctx, ns, pkt, 'OUTPUT', undefined, outDev);
  if (first.verdict !== 'ACCEPT') return first;
  return filter(net, ctx, ns, first.pkt, 'OUTPUT', undefined, outDev);
}

/** mangle INPUT, before IPVS takes a packet at LOCAL_IN (receiveIp). */
export function hookMangleInput(net: NetState, ctx: JourneyCtx, ns: NsState, pkt: Packet, inDev: DeviceState): HookResult {
  return mangle(net, ctx, ns, pkt, 'INPUT', stateOf(ctx, ns, pkt), inDev);
}

export function hookInput(net: NetState, ctx: JourneyCtx, ns: NsState, pkt: Packet, inDev: DeviceState): HookResult {
  const r = filter(net, ctx, ns, pkt, 'INPUT', inDev);
  if (r.verdict !== 'ACCEPT') return r;
  return { verdict: 'ACCEPT', pkt: lastHook(net, ctx, ns, pkt, undefined, false) };
}

export function hookForward(net: NetState, ctx: JourneyCtx, ns: NsState, pkt: Packet, inDev: DeviceState, outDev: DeviceState): HookResult {
  return filter(net, ctx, ns, pkt, 'FORWARD', inDev, outDev);
}

export function hookPostrouting(net: NetState, ctx: JourneyCtx, ns: NsState, pkt: Packet, outDev: DeviceState): Packet {
  return lastHook(net, ctx, ns, pkt, outDev, true);
}
