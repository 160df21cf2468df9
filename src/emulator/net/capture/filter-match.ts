/**
 * Compiling a parsed filter (libpcap's pcap_compile): names become
 * addresses and port numbers, bad values give libpcap's errors, and the
 * result is a predicate over captured frames. Like BPF on a real
 * interface, it looks at the outer headers only: `icmp` does not match the
 * ICMP inside a VXLAN datagram (`udp port 4789` does).
 */
import type { Frame, Packet } from '../packet';
import { parseIp, maskOf } from '../ipv4';
import { servicePort, protocolNumber } from '../../netfilter/names';
import { wireLength } from './wire';
import { relationHolds } from './filter-arith';
import { matchNodes, parseFilter, type FilterDir, type FilterNode, type FilterProto } from './filter';

export type FramePredicate = (frame: Frame) => boolean;
export type CompileResult = { ok: true; match: FramePredicate } | { ok: false; error: string };

/** Resolves a host name at compile time (libpcap calls getaddrinfo). */
export type HostResolver = (name: string) => string | undefined;

const IP_PROTO: Record<Packet['proto'], number> = { icmp: 1, tcp: 6, udp: 17, esp: 50 };

interface Resolved {
  ip?: number;
  net?: { base: number; mask: number };
  ports?: [number, number];
  proto?: number;
}

class CompileError extends Error {}

export function compileFilter(text: string, resolveHost: HostResolver): CompileResult {
  const parsed = parseFilter(text);
  if (!parsed.ok) return parsed;
  const resolved = new Map<FilterNode, Resolved>();
  try {
    for (const m of matchNodes(parsed.node)) resolved.set(m, resolveValue(m, resolveHost));
  } catch (e) {
    if (e instanceof CompileError) return { ok: false, error: e.message };
    throw e;
  }
  const node = parsed.node;
  if (!node) return { ok: true, match: () => true };
  return { ok: true, match: (frame) => evaluate(node, frame, resolved) };
}

function resolveValue(m: Extract<FilterNode, { kind: 'match' }>, resolveHost: HostResolver): Resolved {
  switch (m.type) {
    case 'host': {
      const ip = parseIp(m.value) ?? parseIp(resolveHost(m.value) ?? '');
      if (ip === undefined) throw new CompileError(`unknown host '${m.value}'`);
      return { ip };
    }
    case 'net':
      return { net: parseNet(m.value) };
    case 'port':
      return { ports: [portNumber(m.value, m.proto), portNumber(m.value, m.proto)] };
    case 'portrange': {
      const [a, b] = m.value.split('-');
      if (b === undefined) throw new CompileError(`illegal port range '${m.value}'`); // NOT FOUND: libpcap's exact text
      const lo = portNumber(a, m.proto);
      const hi = portNumber(b, m.proto);
      return { ports: [Math.min(lo, hi), Math.max(lo, hi)] };
    }
    case 'proto': {
      const name = m.value.replace(/^\\/, '');
      const n = /^\d+$/.test(name) ? Number(name) : protocolNumber(name);
      if (n === undefined) throw new CompileError(`unknown ip proto '${name}'`);
      return { proto: n };
    }
  }
}

function portNumber(text: string, proto: FilterProto | undefined): number {
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    if (n > 65535) throw new CompileError(`illegal port number ${n} > 65535`);
    return n;
  }
  const n = servicePort(text, proto === 'tcp' || proto === 'udp' ? proto : undefined);
  if (n === undefined) throw new CompileError(`unknown port '${text}'`);
  return n;
}

/** `net 172.17.0.0/16`, `net 172.17` (leading octets), `net 10.0.0.0 mask 255.0.0.0`. */
function parseNet(text: string): { base: number; mask: number } {
  const [addr, maskWord, maskText] = text.split(' ');
  if (maskWord === 'mask') {
    const base = parseIp(addr);
    const mask = parseIp(maskText ?? '');
    if (base === undefined || mask === undefined) throw new CompileError(`invalid network address '${text}'`);
    if ((base & ~mask) >>> 0) throw new CompileError('non-network bits set in "' + `${addr} mask ${maskText}"`);
    return { base, mask };
  }
  const [ip, len] = addr.split('/');
  const octets = ip.split('.');
  const padded = [...octets, '0', '0', '0'].slice(0, 4).join('.');
  const base = octets.length <= 4 ? parseIp(padded) : undefined;
  if (base === undefined) throw new CompileError(`invalid network address '${addr}'`); // NOT FOUND: exact text
  const prefix = len === undefined ? octets.length * 8 : Number(len);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > 32) throw new CompileError(`mask length must be <= 32`);
  const mask = maskOf(prefix);
  // gencode.c: `net 172.17.0.1/16` is refused rather than silently masked.
  if ((base & ~mask) >>> 0) throw new CompileError(`non-network bits set in "${addr}"`);
  return { base, mask };
}

function evaluate(node: FilterNode, frame: Frame, resolved: Map<FilterNode, Resolved>): boolean {
  switch (node.kind) {
    case 'and':
      return evaluate(node.left, frame, resolved) && evaluate(node.right, frame, resolved);
    case 'or':
      return evaluate(node.left, frame, resolved) || evaluate(node.right, frame, resolved);
    case 'not':
      return !evaluate(node.arg, frame, resolved);
    case 'proto':
      return protoMatches(node.proto, frame);
    case 'rel':
      return relationHolds(node, frame);
    case 'len':
      return node.op === 'greater' ? wireLength(frame) >= node.value : wireLength(frame) <= node.value;
    case 'match':
      return primitiveMatches(node, resolved.get(node)!, frame);
  }
}

function protoMatches(proto: FilterProto, frame: Frame): boolean {
  if (proto === 'ether') return true;
  if (proto === 'arp') return frame.ethertype === 'arp';
  if (proto === 'ip') return frame.ethertype === 'ipv4';
  return frame.ethertype === 'ipv4' && frame.packet?.proto === proto;
}

function primitiveMatches(m: Extract<FilterNode, { kind: 'match' }>, r: Resolved, frame: Frame): boolean {
  if (m.proto && !protoMatches(m.proto, frame)) return false;
  const pkt = frame.ethertype === 'ipv4' ? frame.packet : undefined;
  if (r.proto !== undefined) return !!pkt && IP_PROTO[pkt.proto] === r.proto;
  if (r.ports) {
    if (!pkt || (pkt.proto !== 'tcp' && pkt.proto !== 'udp')) return false;
    const [lo, hi] = r.ports;
    return byDir(m.dir, pkt.sport >= lo && pkt.sport <= hi, pkt.dport >= lo && pkt.dport <= hi);
  }
  const [src, dst] = addresses(frame);
  if (src === undefined || dst === undefined) return false;
  const test = r.ip !== undefined ? (a: number) => a === r.ip : (a: number) => ((a & r.net!.mask) >>> 0) === r.net!.base;
  return byDir(m.dir, test(src), test(dst));
}

/** `host`/`net` look at the IP addresses, or at an ARP packet's sender and target. */
function addresses(frame: Frame): [number | undefined, number | undefined] {
  if (frame.ethertype === 'arp' && frame.arp) return [parseIp(frame.arp.senderIp), parseIp(frame.arp.targetIp)];
  if (frame.packet) return [parseIp(frame.packet.src), parseIp(frame.packet.dst)];
  return [undefined, undefined];
}

function byDir(dir: FilterDir, src: boolean, dst: boolean): boolean {
  if (dir === 'src') return src;
  if (dir === 'dst') return dst;
  if (dir === 'src and dst') return src && dst;
  return src || dst;
}
