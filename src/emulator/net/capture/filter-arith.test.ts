import { describe, expect, it } from 'vitest';
import { compileFilter } from './filter-match';
import { parseFilter, tokenize } from './filter';
import type { Frame, Packet } from '../packet';

function ip(p: Partial<Packet>): Frame {
  const packet: Packet = { src: '172.17.0.2', dst: '172.17.0.3', proto: 'icmp', ttl: 64, sport: 0, dport: 0, length: 64, ...p };
  return { srcMac: '02:42:ac:11:00:02', dstMac: '02:42:ac:11:00:03', ethertype: 'ipv4', packet };
}

const syn = ip({ proto: 'tcp', sport: 50000, dport: 80, tcpFlags: ['SYN'], length: 0 });
const synAck = ip({ proto: 'tcp', sport: 80, dport: 50000, tcpFlags: ['SYN', 'ACK'], length: 0 });
const fin = ip({ proto: 'tcp', sport: 50000, dport: 80, tcpFlags: ['FIN', 'ACK'], length: 0 });
const rst = ip({ proto: 'tcp', sport: 80, dport: 50000, tcpFlags: ['RST', 'ACK'], length: 0 });
const echo = ip({ icmpType: 'echo-request', icmpId: 1, icmpSeq: 1 });
const reply = ip({ icmpType: 'echo-reply', icmpId: 1, icmpSeq: 1 });

function matches(filter: string, ...frames: Frame[]): boolean[] {
  const c = compileFilter(filter, () => undefined);
  if (!c.ok) throw new Error(c.error);
  return frames.map((f) => c.match(f));
}

describe('arithmetic relations', () => {
  it('splits the operators off the words, keeping tcp-syn and 13:1 whole', () => {
    expect(tokenize('tcp[tcpflags] & (tcp-syn|tcp-fin) != 0')).toEqual(['tcp', '[', 'tcpflags', ']', '&', '(', 'tcp-syn', '|', 'tcp-fin', ')', '!=', '0']);
    expect(tokenize('tcp[13:1]==2')).toEqual(['tcp', '[', '13:1', ']', '==', '2']);
  });

  it('TCP flags by name or by byte 13', () => {
    expect(matches('tcp[tcpflags] & tcp-syn != 0', syn, synAck, fin, echo)).toEqual([true, true, false, false]);
    expect(matches('tcp[13] = 2', syn, synAck)).toEqual([true, false]);
    expect(matches('tcp[tcpflags] & (tcp-syn|tcp-fin) != 0 and not src port 80', syn, synAck, fin)).toEqual([true, false, true]);
    expect(matches('tcp[tcpflags] & tcp-rst != 0', rst, syn)).toEqual([true, false]);
    expect(matches('(tcp[13] & 0x12) == 0x12', synAck, syn)).toEqual([true, false]);
  });

  it('ICMP types, IP header fields, ports as 16-bit loads, len', () => {
    expect(matches('icmp[icmptype] == icmp-echo', echo, reply, syn)).toEqual([true, false, false]);
    expect(matches('icmp[icmptype] != icmp-echo and icmp[icmptype] != icmp-echoreply', echo, reply)).toEqual([false, false]);
    expect(matches('ip[8] = 64', echo)).toEqual([true]);
    expect(matches('tcp[2:2] = 80', syn, synAck)).toEqual([true, false]);
    expect(matches('len > 90', echo, syn)).toEqual([true, false]);
    expect(matches('ip[2:2] - 20 > 60', echo, syn)).toEqual([true, false]);
  });

  it('a bare number is still a value for the previous qualifiers; bad relations are syntax errors', () => {
    expect(matches('port 80 or 443', syn)).toEqual([true]);
    expect(parseFilter('tcp[13] &')).toEqual({ ok: false, error: "can't parse filter expression: syntax error" });
    expect(parseFilter('tcp[13:3] = 1')).toEqual({ ok: false, error: "can't parse filter expression: syntax error" });
    expect(parseFilter('tcp[13')).toEqual({ ok: false, error: "can't parse filter expression: syntax error" });
  });
});
