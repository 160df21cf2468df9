import { describe, expect, it } from 'vitest';
import { broadcastOf, cidrOverlaps, formatIp, linkLocalV6, macFromIp, parseCidr, parseIp, randomMac } from './ipv4';

describe('ipv4', () => {
  it('parses and formats addresses', () => {
    expect(formatIp(parseIp('172.17.0.2')!)).toBe('172.17.0.2');
    expect(parseIp('256.1.1.1')).toBeUndefined();
    expect(parseIp('1.2.3')).toBeUndefined();
  });
  it('clears host bits of a cidr and computes broadcast', () => {
    const c = parseCidr('172.18.5.9/16')!;
    expect(formatIp(c.base)).toBe('172.18.0.0');
    expect(formatIp(broadcastOf(c))).toBe('172.18.255.255');
  });
  it('detects overlaps', () => {
    expect(cidrOverlaps(parseCidr('192.168.0.0/20')!, parseCidr('192.168.1.0/24')!)).toBe(true);
    expect(cidrOverlaps(parseCidr('172.18.0.0/16')!, parseCidr('172.19.0.0/16')!)).toBe(false);
  });
  it('derives the classic Docker MAC and its EUI-64 link-local address', () => {
    expect(macFromIp('172.17.0.2')).toBe('02:42:ac:11:00:02');
    expect(linkLocalV6('02:42:ac:11:00:02')).toBe('fe80::42:acff:fe11:2');
  });
  it('makes random MACs locally administered and unicast', () => {
    const mac = randomMac('ffffffffffff');
    expect(mac.startsWith('fe:')).toBe(true);
  });
});
