/**
 * tcpdump 4.99's one-line decodes of what the model carries: ICMP (print-icmp.c),
 * TCP (print-tcp.c: flags, seq/ack, win, options), UDP (print-udp.c, with DNS
 * on port 53 and VXLAN on 4789 decoded), ESP (print-esp.c) and the `-v` IP
 * header (print-ip.c).
 */
import type { Frame, Packet } from '../../../net/packet';
import type { VxlanPayload, EspPayload } from '../../../net/vxlan';
import { tcpDetails, ipId, dontFragment } from '../../../net/capture/tcp-details';
import { transportBytes } from '../../../net/capture/wire';
import { dnsMessage, isDnsQuery } from '../../../net/capture/dns-wire';
import { printDns } from './print-dns';
import { tcpSegmentOf } from '../../../net/tcp-conversation';

export interface Names {
  host(ip: string): string;
  port(port: number, proto: 'tcp' | 'udp'): string;
}

export interface PrintOptions {
  verbose: number;
  quick: boolean;
  ether: boolean;
  /** -S */
  absoluteSeq?: boolean;
}

/** State one tcpdump keeps while it prints: the DNS questions it saw (an answer's size depends on its question). */
export interface PrintMemory {
  dnsQuestions: Map<number, { name: string; type: 'A' | 'AAAA' | 'PTR' }>;
  /** The first and the previous packet's time, for -ttttt and -ttt. */
  firstMs?: number;
  prevMs?: number;
}

export interface PrintCtx {
  o: PrintOptions;
  names: Names;
  memory: PrintMemory;
  mtu: number;
  /** Prints an inner Ethernet frame (VXLAN), as ether_print does for the outer one. */
  printFrame(frame: Frame): string;
}

const PROTO_LABEL: Record<Packet['proto'], string> = { icmp: 'ICMP (1)', tcp: 'TCP (6)', udp: 'UDP (17)', esp: 'ESP (50)' };

/** Bytes after the IP header. */
export function l4Length(pkt: Packet, ctx: PrintCtx): number {
  return transportBytes(pkt, ctx.mtu).length;
}

/** `IP ` + the packet; with -v the IP header in parentheses and the rest on an indented line. */
export function printIp(pkt: Packet, ctx: PrintCtx, withPrefix: boolean): string {
  const body = ipBody(pkt, ctx);
  const prefix = withPrefix ? 'IP ' : '';
  if (ctx.o.verbose === 0) return prefix + body;
  const total = 20 + l4Length(pkt, ctx);
  const head = `(tos 0x0, ttl ${pkt.ttl}, id ${ipId(pkt)}, offset 0, flags [${dontFragment(pkt) ? 'DF' : 'none'}], proto ${PROTO_LABEL[pkt.proto]}, length ${total})`;
  return `${prefix}${head}\n    ${body}`;
}

function ipBody(pkt: Packet, ctx: PrintCtx): string {
  const { names } = ctx;
  switch (pkt.proto) {
    case 'icmp':
      return `${names.host(pkt.src)} > ${names.host(pkt.dst)}: ${icmp(pkt, ctx)}`;
    case 'tcp':
      return `${names.host(pkt.src)}.${names.port(pkt.sport, 'tcp')} > ${names.host(pkt.dst)}.${names.port(pkt.dport, 'tcp')}: ${tcp(pkt, ctx)}`;
    case 'udp':
      return `${names.host(pkt.src)}.${names.port(pkt.sport, 'udp')} > ${names.host(pkt.dst)}.${names.port(pkt.dport, 'udp')}: ${udp(pkt, ctx)}`;
    case 'esp':
      return `${names.host(pkt.src)} > ${names.host(pkt.dst)}: ${esp(pkt)}`;
  }
}

function icmp(pkt: Packet, ctx: PrintCtx): string {
  const len = pkt.length;
  switch (pkt.icmpType) {
    case 'echo-request':
    case 'echo-reply':
      return `ICMP echo ${pkt.icmpType === 'echo-request' ? 'request' : 'reply'}, id ${pkt.icmpId ?? 0}, seq ${pkt.icmpSeq ?? 0}, length ${len}`;
    case 'time-exceeded':
      return `ICMP time exceeded in-transit, length ${len}`;
    case 'dest-unreach':
      return `ICMP ${unreachable(pkt, ctx)}, length ${len}`;
    default:
      return `ICMP type-#${pkt.icmpType}, length ${len}`;
  }
}

/** print-icmp.c's texts for destination unreachable, by code, about the quoted packet's destination. */
function unreachable(pkt: Packet, ctx: PrintCtx): string {
  const d = pkt.data as { original?: Packet; code?: string } | undefined;
  const orig = d?.original;
  const host = ctx.names.host(orig?.dst ?? pkt.src);
  switch (d?.code ?? 'port-unreachable') {
    case 'net-unreachable':
      return `net ${host} unreachable`;
    case 'host-unreachable':
      return `host ${host} unreachable`;
    case 'proto-unreachable':
      return `${host} protocol ${orig ? IP_PROTO[orig.proto] : 0} unreachable`;
    case 'net-prohibited':
      return `net ${host} unreachable - admin prohibited`;
    case 'host-prohibited':
      return `host ${host} unreachable - admin prohibited`;
    case 'admin-prohibited':
      return `host ${host} unreachable - admin prohibited filter`;
    default:
      if (orig && (orig.proto === 'udp' || orig.proto === 'tcp')) return `${host} ${orig.proto} port ${ctx.names.port(orig.dport, orig.proto)} unreachable`;
      // Another protocol: print-icmp.c still reads a "port" at offset 2 of the quoted header (an echo's checksum).
      return `${host} protocol ${orig ? IP_PROTO[orig.proto] : 1} port ${quotedPort(orig)} unreachable`;
  }
}

const IP_PROTO: Record<Packet['proto'], number> = { icmp: 1, tcp: 6, udp: 17, esp: 50 };

function quotedPort(orig: Packet | undefined): number {
  if (!orig) return 0;
  const b = transportBytes(orig, 1500);
  return ((b[2] ?? 0) << 8) | (b[3] ?? 0);
}

/** print-tcp.c's flag letters, in its table order: F S R P U E W then "." for ACK. */
function tcpFlags(pkt: Packet): string {
  const f = pkt.tcpFlags ?? [];
  const letters = [['FIN', 'F'], ['SYN', 'S'], ['RST', 'R'], ['PSH', 'P'], ['ACK', '.']] as const;
  return letters.filter(([k]) => f.includes(k)).map(([, l]) => l).join('') || 'none';
}

function tcp(pkt: Packet, ctx: PrintCtx): string {
  if (ctx.o.quick) return `tcp ${pkt.length}`;
  const t = tcpDetails(pkt, ctx.mtu);
  const f = pkt.tcpFlags ?? [];
  const parts = [`Flags [${tcpFlags(pkt)}]`];
  if (ctx.o.verbose > 0) parts.push(`cksum 0x${cksumOf(pkt, ctx, 16)} (correct)`);
  // SYNs and RSTs show absolute numbers; later segments are relative to the ISNs (tcpdump without -S).
  // print-tcp.c prints seq only for a segment with data, SYN, FIN or RST, and "seq a:b" when it has data.
  const rel = ctx.o.absoluteSeq ? undefined : t.relative;
  const seq = rel?.seq ?? t.seq;
  if (pkt.length > 0) parts.push(`seq ${seq}:${seq + pkt.length}`);
  else if (f.includes('SYN') || f.includes('FIN') || f.includes('RST')) parts.push(`seq ${seq}`);
  if (f.includes('ACK')) parts.push(`ack ${rel?.ack ?? t.ack}`);
  parts.push(`win ${t.win}`);
  if (t.options) parts.push(`options [mss ${t.options.mss},sackOK,TS val ${t.options.tsVal} ecr ${t.options.tsEcr},nop,wscale 7]`);
  if (t.timestamps) parts.push(`options [nop,nop,TS val ${t.timestamps.tsVal} ecr ${t.timestamps.tsEcr}]`);
  parts.push(`length ${pkt.length}`);
  return parts.join(', ') + tcpPayload(pkt, ctx.o.verbose > 0);
}

/**
 * print-tcp.c hands port 80/8080 payloads to print-http.c (txtproto_print):
 * ": HTTP", then the first line when it is a request or a status line; with
 * -v ", length: N" and every printable line on its own tab-indented line.
 */
function tcpPayload(pkt: Packet, verbose: boolean): string {
  const text = tcpSegmentOf(pkt)?.text;
  if (!text || (!HTTP_PORTS.has(pkt.sport) && !HTTP_PORTS.has(pkt.dport))) return '';
  const lines = text.split('\n');
  const first = lines[0].replace(/\r$/, '');
  const reqResp = lines.length > 1 && (/^[A-Z]+ \S+ HTTP\/\d\.\d$/.test(first) || /^HTTP\/\d\.\d \d{3}( |$)/.test(first));
  if (!reqResp) return ': HTTP';
  if (!verbose) return `: HTTP: ${first}`;
  let out = `: HTTP, length: ${text.length}`;
  for (const line of lines.slice(0, -1)) {
    const shown = line.replace(/\r$/, '');
    if (/[^\t\x20-\x7e]/.test(shown)) break; // binary data: print-http stops
    out += `\n\t${shown}`;
  }
  return out;
}

/** print-tcp.c's HTTP ports (TCP_PORT_HTTP, HTTP_ALT). */
const HTTP_PORTS = new Set([80, 8080]);

function cksumOf(pkt: Packet, ctx: PrintCtx, at: number): string {
  const b = transportBytes(pkt, ctx.mtu);
  return (((b[at] << 8) | b[at + 1]) >>> 0).toString(16).padStart(4, '0');
}

function udp(pkt: Packet, ctx: PrintCtx): string {
  const vx = (pkt.data as VxlanPayload | undefined)?.vxlan;
  const dnsPort = pkt.sport === 53 || pkt.dport === 53;
  if (!ctx.o.quick && vx && (pkt.sport === 4789 || pkt.dport === 4789)) {
    return `VXLAN, flags [I] (0x08), vni ${vx.vni}\n${ctx.printFrame(vx.frame)}`;
  }
  if (isDnsQuery(pkt.data)) ctx.memory.dnsQuestions.set(pkt.sport, pkt.data);
  if (!ctx.o.quick && dnsPort) {
    const text = printDns(pkt, ctx.memory, ctx.o.verbose);
    // print-udp.c checks the UDP checksum only from -vv on.
    if (text) return (ctx.o.verbose > 1 ? '[udp sum ok] ' : '') + text;
  }
  const payload = dnsMessage(pkt, ctx.memory.dnsQuestions.get(pkt.dport))?.length ?? pkt.length;
  return `UDP, length ${payload}`;
}

function esp(pkt: Packet): string {
  const e = (pkt.data as EspPayload | undefined)?.esp;
  const spi = e?.spi ?? 0;
  return `ESP(spi=0x${spi.toString(16).padStart(8, '0')},seq=0x${(e?.seq ?? 1).toString(16)}), length ${pkt.length}`;
}
