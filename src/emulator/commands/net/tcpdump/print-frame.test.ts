import { describe, expect, it } from 'vitest';
import { emptyMemory, hexDump, printCaptured, timestamp, type FrameOptions } from './print-frame';
import type { CapturedFrame } from '../../../net/capture/registry';
import type { Frame, Packet } from '../../../net/packet';
import type { Names } from './print-ip';
import { LAB_EPOCH_MS } from '../../../core/clock';
import { dnsId } from '../../../net/capture/dns-wire';

const numeric: Names = { host: (ip) => ip, port: (p) => String(p) };
const named: Names = { host: (ip) => ({ '172.17.0.2': 'web' })[ip] ?? ip, port: (p) => ({ 80: 'http', 53: 'domain' })[p] ?? String(p) };
const plain: FrameOptions = { verbose: 0, quick: false, ether: false, hex: false, cooked: false };

function rec(frame: Frame, extra: Partial<CapturedFrame> = {}): CapturedFrame {
  return { timeMs: LAB_EPOCH_MS + 1000.25, ifname: 'eth0', ifindex: 2, mtu: 1500, pkttype: 'outgoing', frame, ...extra };
}

function ipFrame(p: Partial<Packet>): Frame {
  const packet: Packet = { src: '172.17.0.2', dst: '142.250.185.78', proto: 'icmp', ttl: 64, sport: 0, dport: 0, length: 64, ...p };
  return { srcMac: '02:42:ac:11:00:02', dstMac: '02:42:e1:5a:3c:11', ethertype: 'ipv4', packet };
}

const echo = ipFrame({ icmpType: 'echo-request', icmpId: 7, icmpSeq: 1 });
const arpRequest: Frame = {
  srcMac: '02:42:ac:11:00:02', dstMac: 'ff:ff:ff:ff:ff:ff', ethertype: 'arp',
  arp: { op: 'request', senderIp: '172.17.0.2', senderMac: '02:42:ac:11:00:02', targetIp: '172.17.0.1', targetMac: '00:00:00:00:00:00' },
};

function print(frame: Frame, o: Partial<FrameOptions> = {}, names = numeric, extra: Partial<CapturedFrame> = {}): string {
  return printCaptured(rec(frame, extra), { ...plain, ...o }, names, emptyMemory());
}

describe('timestamp', () => {
  it('prints the lab clock as HH:MM:SS.microseconds', () => {
    expect(timestamp(LAB_EPOCH_MS)).toBe('09:00:00.000000');
    expect(timestamp(LAB_EPOCH_MS + 61_000.0125)).toBe('09:01:01.000013');
  });
});

describe('one-line formats', () => {
  it('ICMP echo and ARP', () => {
    expect(print(echo)).toBe('09:00:01.000250 IP 172.17.0.2 > 142.250.185.78: ICMP echo request, id 7, seq 1, length 64\n');
    expect(print(arpRequest)).toBe('09:00:01.000250 ARP, Request who-has 172.17.0.1 tell 172.17.0.2, length 28\n');
    const reply: Frame = { ...arpRequest, arp: { op: 'reply', senderIp: '172.17.0.1', senderMac: '02:42:e1:5a:3c:11', targetIp: '172.17.0.2', targetMac: '02:42:ac:11:00:02' } };
    expect(print(reply)).toBe('09:00:01.000250 ARP, Reply 172.17.0.1 is-at 02:42:e1:5a:3c:11, length 28\n');
  });

  it('TCP SYN with Linux options, SYN-ACK with its ack, RST', () => {
    const syn = print(ipFrame({ proto: 'tcp', sport: 41234, dport: 80, tcpFlags: ['SYN'], length: 0 }));
    expect(syn).toMatch(/^09:00:01\.000250 IP 172\.17\.0\.2\.41234 > 142\.250\.185\.78\.80: Flags \[S\], seq (\d+), win 64240, options \[mss 1460,sackOK,TS val \d+ ecr 0,nop,wscale 7\], length 0\n$/);
    const iss = Number(/seq (\d+)/.exec(syn)![1]);
    const synAck = print(ipFrame({ proto: 'tcp', src: '142.250.185.78', dst: '172.17.0.2', sport: 80, dport: 41234, tcpFlags: ['SYN', 'ACK'], length: 0 }));
    expect(synAck).toContain(`Flags [S.], seq `);
    expect(synAck).toContain(`, ack ${iss + 1}, win 65160, options [mss 1460,sackOK,TS val `);
    const rst = print(ipFrame({ proto: 'tcp', src: '142.250.185.78', dst: '172.17.0.2', sport: 81, dport: 41234, tcpFlags: ['RST', 'ACK'], length: 0 }));
    expect(rst).toMatch(/Flags \[R\.\], seq 0, ack \d+, win 0, length 0\n$/);
  });

  it('a smaller MTU advertises a smaller MSS (an overlay eth0: 1450 - 40)', () => {
    expect(print(ipFrame({ proto: 'tcp', sport: 41234, dport: 80, tcpFlags: ['SYN'], length: 0 }), {}, numeric, { mtu: 1450 })).toContain('[mss 1410,');
  });

  it('DNS query and answer, paired by ID, with message sizes', () => {
    const memory = emptyMemory();
    const q = rec(ipFrame({ proto: 'udp', dst: '127.0.0.11', sport: 41234, dport: 53, length: 40, data: { name: 'db', type: 'A' } }));
    const a = rec(ipFrame({ proto: 'udp', src: '127.0.0.11', dst: '172.17.0.2', sport: 53, dport: 41234, length: 80, data: { rcode: 'NOERROR', addresses: ['172.18.0.3'], authoritative: false } }));
    const id = dnsId(41234);
    expect(printCaptured(q, plain, numeric, memory)).toBe(`09:00:01.000250 IP 172.17.0.2.41234 > 127.0.0.11.53: ${id}+ A? db. (20)\n`);
    expect(printCaptured(a, plain, numeric, memory)).toBe(`09:00:01.000250 IP 127.0.0.11.53 > 172.17.0.2.41234: ${id} 1/0/0 A 172.18.0.3 (36)\n`);
    const nx = rec(ipFrame({ proto: 'udp', src: '127.0.0.11', dst: '172.17.0.2', sport: 53, dport: 41234, data: { rcode: 'NXDOMAIN', addresses: [], authoritative: false } }));
    expect(printCaptured(nx, plain, numeric, memory)).toContain(`${id} NXDomain 0/0/0 (20)`);
  });

  it('UDP that is not DNS or VXLAN, and -q', () => {
    expect(print(ipFrame({ proto: 'udp', sport: 40000, dport: 9999, length: 12 }))).toContain('172.17.0.2.40000 > 142.250.185.78.9999: UDP, length 12\n');
    expect(print(ipFrame({ proto: 'tcp', sport: 41234, dport: 80, tcpFlags: ['SYN'], length: 0 }), { quick: true })).toContain(': tcp 0\n');
  });

  it('VXLAN: the outer datagram, then the inner frame on the next line', () => {
    const inner: Frame = { srcMac: '02:42:0a:00:01:04', dstMac: '02:42:0a:00:01:03', ethertype: 'ipv4', packet: { src: '10.0.1.4', dst: '10.0.1.3', proto: 'icmp', ttl: 64, sport: 0, dport: 0, icmpType: 'echo-request', icmpId: 54, icmpSeq: 0, length: 64 } };
    const outer = ipFrame({ proto: 'udp', src: '192.168.1.11', dst: '192.168.1.12', sport: 51234, dport: 4789, length: 120, data: { vxlan: { vni: 4097, frame: inner } } });
    expect(print(outer)).toBe('09:00:01.000250 IP 192.168.1.11.51234 > 192.168.1.12.4789: VXLAN, flags [I] (0x08), vni 4097\nIP 10.0.1.4 > 10.0.1.3: ICMP echo request, id 54, seq 0, length 64\n');
    expect(print(outer, { ether: true })).toContain('length 148: 192.168.1.11.51234 > 192.168.1.12.4789: VXLAN, flags [I] (0x08), vni 4097\n02:42:0a:00:01:04 > 02:42:0a:00:01:03, ethertype IPv4 (0x0800), length 98: 10.0.1.4 > 10.0.1.3: ICMP echo request');
  });

  it('ESP shows the SPI and sequence number', () => {
    expect(print(ipFrame({ proto: 'esp', src: '192.168.1.11', dst: '192.168.1.12', length: 180, data: { esp: { spi: 0x1c2d, seq: 3, sealed: {} } } }))).toBe(
      '09:00:01.000250 IP 192.168.1.11 > 192.168.1.12: ESP(spi=0x00001c2d,seq=0x3), length 180\n',
    );
  });

  it('-e adds the MAC addresses and ethertype and drops the IP/ARP prefix', () => {
    expect(print(echo, { ether: true })).toBe('09:00:01.000250 02:42:ac:11:00:02 > 02:42:e1:5a:3c:11, ethertype IPv4 (0x0800), length 98: 172.17.0.2 > 142.250.185.78: ICMP echo request, id 7, seq 1, length 64\n');
    expect(print(arpRequest, { ether: true })).toBe('09:00:01.000250 02:42:ac:11:00:02 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42: Request who-has 172.17.0.1 tell 172.17.0.2, length 28\n');
  });

  it('-i any: the interface padded to 5 and the direction padded to 3 (LINUX_SLL2)', () => {
    expect(print(echo, { cooked: true })).toBe('09:00:01.000250 eth0  Out IP 172.17.0.2 > 142.250.185.78: ICMP echo request, id 7, seq 1, length 64\n');
    expect(print(echo, { cooked: true }, numeric, { ifname: 'docker0', pkttype: 'host' })).toContain(' docker0 In  IP ');
    expect(print(arpRequest, { cooked: true }, numeric, { ifname: 'veth3f2a1c0', pkttype: 'broadcast' })).toContain(' veth3f2a1c0 B   ARP, Request');
    expect(print(echo, { cooked: true }, numeric, { ifname: 'lo', pkttype: 'otherhost' })).toContain(' lo    P   IP ');
    // -e on any: sll2_print's ifindex, the sender's MAC, ethertype, the length with the 20-byte SLL2 header.
    expect(print(echo, { cooked: true, ether: true })).toBe('09:00:01.000250 eth0  Out ifindex 2 02:42:ac:11:00:02 ethertype IPv4 (0x0800), length 104: 172.17.0.2 > 142.250.185.78: ICMP echo request, id 7, seq 1, length 64\n');
  });

  it('-v prints the IP header; DF on an echo request, none on the reply', () => {
    const v = print(echo, { verbose: 1 });
    expect(v).toMatch(/^09:00:01\.000250 IP \(tos 0x0, ttl 64, id \d+, offset 0, flags \[DF\], proto ICMP \(1\), length 84\)\n    172\.17\.0\.2 > 142\.250\.185\.78: ICMP echo request, id 7, seq 1, length 64\n$/);
    expect(print(ipFrame({ icmpType: 'echo-reply', icmpId: 7, icmpSeq: 1 }), { verbose: 1 })).toContain('flags [none], proto ICMP (1), length 84)');
  });

  it('without -n, names from the hosts file and /etc/services', () => {
    expect(print(ipFrame({ proto: 'tcp', sport: 41234, dport: 80, tcpFlags: ['SYN'], length: 0 }), {}, named)).toContain(' IP web.41234 > 142.250.185.78.http: Flags [S]');
  });
});

describe('-X', () => {
  it('hex and ASCII, 16 bytes a line, from the IP header on', () => {
    const out = print(echo, { hex: true });
    const lines = out.split('\n');
    expect(lines[1]).toMatch(/^\t0x0000:  4500 0054 [0-9a-f]{4} 4000 4001 [0-9a-f]{4} ac11 0002  E\.\.T.{12}$/);
    expect(lines[2]).toMatch(/^\t0x0010:  8efa b94e 0800 [0-9a-f]{4} 0007 0001 /);
    expect(lines).toHaveLength(8); // the line, 84 bytes in 6 rows, the final newline
  });

  it('pads a short last row so the ASCII column lines up', () => {
    expect(hexDump([0x41, 0x42, 0x43])).toBe('\n\t0x0000:  4142 43                                  ABC');
  });
});

describe('relts', () => {
  it('prints a TTL as tcpdump does', async () => {
    const { relts } = await import('./print-dns');
    expect([relts(600), relts(3661), relts(86400), relts(0), relts(59)]).toEqual(['10m', '1h1m1s', '1d', '0s', '59s']);
  });
});

describe('-t, -tt, -ttt, -tttt, -ttttt', () => {
  it('prints the time as ts_print does in each mode', async () => {
    const { stamp } = await import('./print-frame');
    const run = (mode: number) => {
      const memory = emptyMemory();
      return [LAB_EPOCH_MS + 1000.25, LAB_EPOCH_MS + 2500.5].map((t) => stamp(t, mode, memory));
    };
    expect(run(0)).toEqual(['09:00:01.000250 ', '09:00:02.500500 ']);
    expect(run(1)).toEqual(['', '']);
    expect(run(2)[0]).toMatch(/^\d{10}\.000250 $/);
    expect(run(3)).toEqual(['00:00:00.000000 ', '00:00:01.500250 ']);
    expect(run(4)[1]).toMatch(/^\d{4}-\d\d-\d\d 09:00:02\.500500 $/);
    expect(run(5)).toEqual(['00:00:00.000000 ', '00:00:01.500250 ']);
  });
});
