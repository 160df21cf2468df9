import { describe, expect, it } from 'vitest';
import { parseFilter, tokenize } from './filter';
import { compileFilter } from './filter-match';
import type { Frame, Packet } from '../packet';

const hosts: Record<string, string> = { web: '172.17.0.2' };
const resolve = (n: string) => hosts[n];

function ip(p: Partial<Packet>): Frame {
  const packet: Packet = { src: '172.17.0.2', dst: '172.17.0.3', proto: 'icmp', ttl: 64, sport: 0, dport: 0, length: 64, ...p };
  return { srcMac: '02:42:ac:11:00:02', dstMac: '02:42:ac:11:00:03', ethertype: 'ipv4', packet };
}

const arp: Frame = {
  srcMac: '02:42:ac:11:00:02', dstMac: 'ff:ff:ff:ff:ff:ff', ethertype: 'arp',
  arp: { op: 'request', senderIp: '172.17.0.2', senderMac: '02:42:ac:11:00:02', targetIp: '172.17.0.1', targetMac: '00:00:00:00:00:00' },
};
const dns = ip({ proto: 'udp', sport: 41234, dport: 53, dst: '127.0.0.11' });
const http = ip({ proto: 'tcp', src: '192.168.1.50', sport: 50000, dport: 80, tcpFlags: ['SYN'], length: 0 });
const vxlan = ip({ proto: 'udp', src: '192.168.1.11', dst: '192.168.1.12', sport: 51234, dport: 4789 });
const esp = ip({ proto: 'esp', src: '192.168.1.11', dst: '192.168.1.12' });

function matches(filter: string, ...frames: Frame[]): boolean[] {
  const c = compileFilter(filter, resolve);
  if (!c.ok) throw new Error(c.error);
  return frames.map((f) => c.match(f));
}

describe('tokenize', () => {
  it('splits parentheses, ! and the C operators off words', () => {
    expect(tokenize('(tcp port 80)&&!icmp || arp')).toEqual(['(', 'tcp', 'port', '80', ')', '&&', '!', 'icmp', '||', 'arp']);
  });
});

describe('parseFilter', () => {
  it('gives and/or equal precedence, left to right, and not the tightest binding (pcap-filter(7))', () => {
    const r = parseFilter('arp or icmp and host web');
    expect(r.ok && r.node?.kind).toBe('and');
    const n = parseFilter('not arp and icmp');
    expect(n.ok && n.node?.kind).toBe('and');
  });

  it("reports libpcap 1.10's syntax error", () => {
    for (const bad of ['port', 'tcp and', '(icmp', 'icmp)', 'host', 'and icmp', 'src', 'tcp port 80 &', 'not']) {
      expect(parseFilter(bad)).toEqual({ ok: false, error: "can't parse filter expression: syntax error" });
    }
  });

  it('an empty expression captures everything', () => {
    expect(parseFilter('')).toEqual({ ok: true, node: undefined });
  });
});

describe('compileFilter', () => {
  it('matches protocols on the outer headers only', () => {
    expect(matches('icmp', ip({}), arp, dns, esp)).toEqual([true, false, false, false]);
    expect(matches('arp', ip({}), arp)).toEqual([false, true]);
    expect(matches('tcp', http, dns)).toEqual([true, false]);
    expect(matches('udp port 4789', vxlan, dns, http)).toEqual([true, false, false]);
    expect(matches('esp', esp, vxlan)).toEqual([true, false]);
    expect(matches('ip proto 50', esp, vxlan)).toEqual([true, false]);
    expect(matches('proto \\udp', esp, vxlan)).toEqual([false, true]);
  });

  it('host looks at IP addresses and at ARP sender/target; names resolve at compile time', () => {
    expect(matches('host 172.17.0.1', ip({}), arp)).toEqual([false, true]);
    expect(matches('host web', ip({}), http)).toEqual([true, false]);
    expect(matches('src host web', ip({}), ip({ src: '172.17.0.3', dst: '172.17.0.2' }))).toEqual([true, false]);
    expect(matches('dst 172.17.0.3', ip({}), ip({ src: '172.17.0.3', dst: '172.17.0.2' }))).toEqual([true, false]);
    expect(matches('ip host 172.17.0.1', arp)).toEqual([false]);
  });

  it('port, src/dst port, port names, portrange, and a bare value reusing the qualifiers', () => {
    expect(matches('port 53', dns, http)).toEqual([true, false]);
    expect(matches('dst port 53', dns, ip({ proto: 'udp', sport: 53, dport: 41234 }))).toEqual([true, false]);
    expect(matches('port domain', dns)).toEqual([true]);
    expect(matches('tcp port http', http)).toEqual([true]);
    expect(matches('port 8080 or 80', http)).toEqual([true]);
    expect(matches('portrange 50-60', dns, http)).toEqual([true, false]);
    expect(matches('host 192.168.1.50 or web', http, ip({}), dns)).toEqual([true, true, true]);
  });

  it('net with a prefix, leading octets or a mask', () => {
    expect(matches('net 172.17.0.0/16', ip({}), http)).toEqual([true, true]);
    expect(matches('src net 192.168', http, ip({}))).toEqual([true, false]);
    expect(matches('net 10.0.0.0 mask 255.0.0.0', ip({}))).toEqual([false]);
  });

  it('greater and less compare the frame\'s length on the wire (ping: 98 bytes, ARP: 42)', () => {
    expect(matches('greater 98', ip({}), arp)).toEqual([true, false]);
    expect(matches('greater 99', ip({}))).toEqual([false]);
    expect(matches('less 42', arp, ip({}))).toEqual([true, false]);
    expect(matches('tcp and greater 60', http, ip({}))).toEqual([true, false]);
    expect(parseFilter('greater')).toEqual({ ok: false, error: "can't parse filter expression: syntax error" });
  });

  it('and, or, not, !, &&, || and parentheses', () => {
    expect(matches('not arp and not icmp', ip({}), arp, dns)).toEqual([false, false, true]);
    expect(matches('!(icmp || arp)', ip({}), arp, dns)).toEqual([false, false, true]);
    expect(matches('tcp && dst port 80', http, dns)).toEqual([true, false]);
    expect(matches('udp and (port 53 or port 4789)', dns, vxlan, http)).toEqual([true, true, false]);
  });

  it("gives libpcap's errors for values it cannot use", () => {
    const err = (f: string) => {
      const c = compileFilter(f, resolve);
      return c.ok ? 'ok' : c.error;
    };
    expect(err('host nosuch')).toBe("unknown host 'nosuch'");
    expect(err('nosuch')).toBe("unknown host 'nosuch'");
    expect(err('port nosuch')).toBe("unknown port 'nosuch'");
    expect(err('port 70000')).toBe('illegal port number 70000 > 65535');
    expect(err('net 172.17.0.1/16')).toBe('non-network bits set in "172.17.0.1/16"');
    expect(err('proto nosuch')).toBe("unknown ip proto 'nosuch'");
  });
});
