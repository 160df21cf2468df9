import { describe, expect, it } from 'vitest';
import { parseAddr, parsePrefix, formatAddr, compareAddr, type GoAddr } from './go-netip';
import { parseIP, parseCIDR, ipNetContains, ipIsUnspecified, ipString } from './go-ipnet';

const addr = (s: string): GoAddr => {
  const a = parseAddr(s);
  if (!a.ok) throw new Error(a.error);
  return a.value;
};

describe('netip.ParseAddr / Addr.String', () => {
  it.each([
    ['0.0.0.0', '0.0.0.0'],
    ['::', '::'],
    ['0:0:0:0:0:0:0:0', '::'],
    ['::1', '::1'],
    ['2001:DB8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:db8:0:0:0:0:2:1', '2001:db8::2:1'],
    ['fe80::1%eth0', 'fe80::1%eth0'],
    ['::ffff:1.2.3.4', '::ffff:1.2.3.4'],
    ['1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8'],
  ])('%s prints as %s', (input, printed) => {
    expect(formatAddr(addr(input))).toBe(printed);
  });

  it.each([
    ['localhost', 'ParseAddr("localhost"): unable to parse IP'],
    ['1.2.3', 'ParseAddr("1.2.3"): IPv4 address too short'],
    ['1.2.3.4.5', 'ParseAddr("1.2.3.4.5"): IPv4 address too long'],
    ['01.2.3.4', 'ParseAddr("01.2.3.4"): IPv4 field has octet with leading zero'],
    ['1.2.3.256', 'ParseAddr("1.2.3.256"): IPv4 field has value >255'],
    ['1..2.3', 'ParseAddr("1..2.3"): IPv4 field must have at least one digit (at ".2.3")'],
    ['1:2::3::4', 'ParseAddr("1:2::3::4"): multiple :: in address (at ":4")'],
    ['%eth0', 'ParseAddr("%eth0"): missing IPv6 address'],
    ['1:2:3', 'ParseAddr("1:2:3"): address string too short'],
  ])('%s is refused with Go\'s message', (input, message) => {
    expect(parseAddr(input)).toEqual({ ok: false, error: message });
  });
});

describe('netip.ParsePrefix', () => {
  it('keeps the host bits as written', () => {
    const p = parsePrefix('192.168.1.250/24');
    expect(p.ok && `${formatAddr(p.value.addr)}/${p.value.bits}`).toBe('192.168.1.250/24');
  });

  it.each([
    ['10.1.2.0.30.50', `netip.ParsePrefix("10.1.2.0.30.50"): no '/'`],
    ['1.2.3.4/33', 'netip.ParsePrefix("1.2.3.4/33"): prefix length out of range'],
    ['1.2.3.4/024', 'netip.ParsePrefix("1.2.3.4/024"): bad bits after slash: "024"'],
    ['1.2.3/24', 'netip.ParsePrefix("1.2.3/24"): ParseAddr("1.2.3"): IPv4 address too short'],
    ['fe80::%eth0/64', 'netip.ParsePrefix("fe80::%eth0/64"): IPv6 zones cannot be present in a prefix'],
  ])('%s fails with %s', (input, message) => {
    expect(parsePrefix(input)).toEqual({ ok: false, error: message });
  });
});

describe('ordering and the net package view', () => {
  it('sorts IPv4 before IPv6 and numerically within a family', () => {
    const sorted = ['::1', '10.0.0.2', '9.0.0.1', '::'].map(addr).sort(compareAddr).map(formatAddr);
    expect(sorted).toEqual(['9.0.0.1', '10.0.0.2', '::', '::1']);
  });

  it('net.ParseIP refuses zones; IP.String unmaps IPv4-mapped addresses', () => {
    expect(parseIP('fe80::1%eth0')).toBeUndefined();
    expect(ipString(parseIP('::ffff:10.0.0.1')!)).toBe('10.0.0.1');
  });

  it('net.IP.IsUnspecified covers 0.0.0.0, :: and ::ffff:0.0.0.0 only', () => {
    expect(['0.0.0.0', '::', '::ffff:0.0.0.0', '::2'].map((s) => ipIsUnspecified(parseIP(s)!))).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  it('net.ParseCIDR masks the network and IPNet.Contains respects the family', () => {
    const cidr = parseCIDR('192.168.1.250/24');
    if ('error' in cidr) throw new Error(cidr.error);
    expect(formatAddr(cidr.net.network)).toBe('192.168.1.0');
    expect(ipNetContains(cidr.net, parseIP('192.168.1.7')!)).toBe(true);
    expect(ipNetContains(cidr.net, parseIP('192.168.2.7')!)).toBe(false);
    expect(ipNetContains(cidr.net, parseIP('::1')!)).toBe(false);
    expect(parseCIDR('10.0.0.1')).toEqual({ error: 'invalid CIDR address: 10.0.0.1' });
  });
});
