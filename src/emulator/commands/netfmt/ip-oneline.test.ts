import { describe, expect, it } from 'vitest';
import { ipAddrOneline, ipLinkOneline } from './ip-oneline';
import type { LinkView } from './types';

const lo = { ifindex: 1, name: 'lo', kind: 'loopback', up: true, carrier: true, mtu: 65536, mac: '00:00:00:00:00:00', qlen: 1000, addrs: [{ family: 4, address: '127.0.0.1', prefix: 8, scope: 'host' }, { family: 6, address: '::1', prefix: 128, scope: 'host' }] } as unknown as LinkView;
const eth0 = { ifindex: 9, name: 'eth0', kind: 'veth', peerIfindex: 10, linkNetnsId: 0, up: true, carrier: true, mtu: 1500, mac: '02:42:ac:11:00:02', addrs: [{ family: 4, address: '172.17.0.2', prefix: 16, broadcast: '172.17.255.255', scope: 'global' }] } as unknown as LinkView;

describe('ip -o', () => {
  it('link: one line per link, the link/ether line after a backslash', () => {
    expect(ipLinkOneline([lo, eth0], { flavor: 'iproute2' })).toBe(
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\\    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n'
      + '9: eth0@if10: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default \\    link/ether 02:42:ac:11:00:02 brd ff:ff:ff:ff:ff:ff link-netnsid 0\n',
    );
  });
  it('addr: one line per address, the bare name, IPv4 first', () => {
    expect(ipAddrOneline([lo, eth0], { flavor: 'iproute2' })).toBe(
      '1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever\n'
      + '1: lo    inet6 ::1/128 scope host \\       valid_lft forever preferred_lft forever\n'
      + '9: eth0    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0\\       valid_lft forever preferred_lft forever\n',
    );
    expect(ipAddrOneline([lo, eth0], { flavor: 'iproute2', family: 6 })).toBe('1: lo    inet6 ::1/128 scope host \\       valid_lft forever preferred_lft forever\n');
  });
});
