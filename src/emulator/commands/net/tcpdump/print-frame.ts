/**
 * One captured frame as tcpdump prints it: the timestamp, the link layer
 * (Ethernet with -e; on `-i any` the Linux cooked v2 header's interface and
 * direction, print-sll.c `%-5s %-3s `), then ARP or IP, and with -X the
 * packet's bytes in hex and ASCII (print-ascii.c).
 */
import type { Frame } from '../../../net/packet';
import type { CapturedFrame, PacketType } from '../../../net/capture/registry';
import { frameBytes, ipBytes, wireLength } from '../../../net/capture/wire';
import { printIp, type Names, type PrintCtx, type PrintMemory, type PrintOptions } from './print-ip';

export interface FrameOptions extends PrintOptions {
  /** -X */
  hex: boolean;
  /** -x (hex only), -A (ASCII only) */
  dump?: 'x' | 'A';
  /** How many -t (see TcpdumpOptions.tstamp). */
  tstamp?: number;
  /** --nano: nine digits after the second. */
  nano?: boolean;
  /** Capturing on `any` (LINUX_SLL2). */
  cooked: boolean;
}

const DIRECTION: Record<PacketType, string> = { host: 'In', broadcast: 'B', otherhost: 'P', outgoing: 'Out' };

/** HH:MM:SS.uuuuuu of the lab clock (the hosts run in UTC). */
export function timestamp(timeMs: number): string {
  const micros = Math.round(timeMs * 1000);
  const day = ((micros % 86400000000) + 86400000000) % 86400000000;
  const h = Math.floor(day / 3600000000);
  const m = Math.floor(day / 60000000) % 60;
  const s = Math.floor(day / 1000000) % 60;
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(day % 1000000, 6)}`;
}

/**
 * util-print.c ts_print: the time of day (default), nothing (-t), seconds
 * since the epoch (-tt), the delta to the previous packet (-ttt), date and
 * time (-tttt), the delta to the first packet (-ttttt).
 */
export function stamp(timeMs: number, mode: number, memory: PrintMemory): string {
  memory.firstMs ??= timeMs;
  const prev = memory.prevMs ?? timeMs;
  memory.prevMs = timeMs;
  const micros = (ms: number) => Math.round(ms * 1000);
  switch (mode) {
    case 1:
      return '';
    case 2: {
      const us = micros(timeMs);
      return `${Math.floor(us / 1e6)}.${String(us % 1e6).padStart(6, '0')} `;
    }
    case 3:
      return `${timestamp(timeMs - prev)} `;
    case 4:
      return `${new Date(Math.floor(timeMs)).toISOString().slice(0, 10)} ${timestamp(timeMs)} `;
    case 5:
      return `${timestamp(timeMs - memory.firstMs)} `;
    default:
      return `${timestamp(timeMs)} `;
  }
}

export function emptyMemory(): PrintMemory {
  return { dnsQuestions: new Map() };
}

export function printCaptured(rec: CapturedFrame, o: FrameOptions, names: Names, memory: PrintMemory): string {
  const ctx = printCtx(o, names, memory, rec.mtu);
  let line = stamp(rec.timeMs, o.tstamp ?? 0, memory);
  // The lab clock keeps microseconds: nanosecond stamps end in 000.
  if (o.nano && line) line = line.replace(/(\.\d{6}) $/, '$1000 ');
  if (o.cooked) line += `${rec.ifname.padEnd(5)} ${DIRECTION[rec.pkttype].padEnd(3)} `;
  const length = frameLength(rec.frame, ctx);
  // print-sll.c sll2_print: the interface index, the sender's MAC, the ethertype, the length with the 20-byte header.
  if (o.ether && o.cooked) line += `ifindex ${rec.ifindex} ${rec.frame.srcMac} ${ethertype(rec.frame)}, length ${length - 14 + 20}: `;
  // With -e the "IP "/"ARP, " labels go (the link-layer header says it), on any as on Ethernet.
  line += printFrameBody(rec.frame, ctx, o.ether && !o.cooked, !o.ether);
  const bytes = o.hex || o.dump ? payloadBytes(rec.frame, rec.mtu) : [];
  if (o.hex) line += hexDump(bytes);
  else if (o.dump === 'x') line += hexDump(bytes, false);
  else if (o.dump === 'A') line += asciiDump(bytes);
  return line + '\n';
}

/** What -X/-x/-A show: the packet without its link-layer header (the IP packet, or ARP's 28 bytes). */
function payloadBytes(frame: Frame, mtu: number): number[] {
  if (frame.ethertype === 'ipv4' && frame.packet) return ipBytes(frame.packet, mtu);
  return frameBytes(frame, mtu).slice(14);
}

/**
 * ascii_print (print-ascii.c): a newline, then every byte as itself when
 * printable, a tab, a space or a newline, else '.'; a CR is dropped before
 * a LF, so HTTP headers read as lines.
 */
export function asciiDump(bytes: number[]): string {
  let out = '\n';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 13) {
      if (bytes.length - i - 1 > 1 && bytes[i + 1] !== 10) out += '.';
    } else out += (b > 32 && b < 127) || b === 9 || b === 32 || b === 10 ? String.fromCharCode(b) : '.';
  }
  return out;
}

function printCtx(o: PrintOptions, names: Names, memory: PrintMemory, mtu: number): PrintCtx {
  const ctx: PrintCtx = {
    o, names, memory, mtu,
    printFrame: (inner) => printFrameBody(inner, { ...ctx, mtu: 1450 }, o.ether),
  };
  return ctx;
}

function ethertype(frame: Frame): string {
  return frame.ethertype === 'arp' ? 'ethertype ARP (0x0806)' : 'ethertype IPv4 (0x0800)';
}

function frameLength(frame: Frame, ctx: PrintCtx): number {
  return wireLength(frame, ctx.mtu);
}

/** ether_print: with -e the MAC addresses and ethertype, and then no "IP "/"ARP, " prefix. */
function printFrameBody(frame: Frame, ctx: PrintCtx, withEther: boolean, prefix = !withEther): string {
  const head = withEther ? `${frame.srcMac} > ${frame.dstMac}, ${ethertype(frame)}, length ${frameLength(frame, ctx)}: ` : '';
  if (frame.ethertype === 'arp' && frame.arp) return head + (prefix ? 'ARP, ' : '') + arp(frame.arp, ctx.names);
  if (frame.packet) return head + printIp(frame.packet, ctx, prefix);
  return head;
}

function arp(a: NonNullable<Frame['arp']>, names: Names): string {
  if (a.op === 'request') return `Request who-has ${names.host(a.targetIp)} tell ${names.host(a.senderIp)}, length 28`;
  return `Reply ${names.host(a.senderIp)} is-at ${a.senderMac}, length 28`;
}

/** hex_and_ascii_print: "\n\t0x0000:  4500 0054 ...  E..T..@.@..." (8 words, then the ASCII); hex_print without it. */
export function hexDump(bytes: number[], withAscii = true): string {
  let out = '';
  for (let off = 0; off < bytes.length; off += 16) {
    const chunk = bytes.slice(off, off + 16);
    let hex = '';
    for (let i = 0; i < chunk.length; i += 2) {
      hex += i + 1 < chunk.length ? ` ${h2(chunk[i])}${h2(chunk[i + 1])}` : ` ${h2(chunk[i])}`;
    }
    const ascii = chunk.map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    out += withAscii ? `\n\t0x${off.toString(16).padStart(4, '0')}: ${hex.padEnd(40)}  ${ascii}` : `\n\t0x${off.toString(16).padStart(4, '0')}: ${hex}`;
  }
  return out;
}

function h2(b: number): string {
  return b.toString(16).padStart(2, '0');
}
