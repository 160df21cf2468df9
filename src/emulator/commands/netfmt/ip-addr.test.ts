import { describe, expect, it } from 'vitest';
import { ipAddr, ipDeviceNotFound, ipLink } from './ip-addr';
import type { LinkView } from './types';

const lo: LinkView = {
  ifindex: 1,
  name: 'lo',
  kind: 'loopback',
  up: true,
  carrier: true,
  mtu: 65536,
  qlen: 1000,
  mac: '00:00:00:00:00:00',
  addrs: [
    { family: 4, address: '127.0.0.1', prefix: 8, scope: 'host' },
    { family: 6, address: '::1', prefix: 128, scope: 'host' },
  ],
};

function eth0(over: Partial<LinkView> = {}): LinkView {
  return {
    ifindex: 26,
    name: 'eth0',
    kind: 'veth',
    peerIfindex: 27,
    linkNetnsId: 0,
    up: true,
    carrier: true,
    mtu: 1500,
    mac: '02:42:ac:11:00:02',
    addrs: [{ family: 4, address: '172.17.0.2', prefix: 16, broadcast: '172.17.255.255', scope: 'global' }],
    ...over,
  };
}

describe('ip addr, iproute2', () => {
  it('matches the reference transcript of a container (trailing spaces included)', () => {
    expect(ipAddr([lo, eth0()], { flavor: 'iproute2' })).toBe(
      [
        '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000',
        '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
        '    inet 127.0.0.1/8 scope host lo',
        '       valid_lft forever preferred_lft forever',
        '    inet6 ::1/128 scope host ',
        '       valid_lft forever preferred_lft forever',
        '26: eth0@if27: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default ',
        '    link/ether 02:42:ac:11:00:02 brd ff:ff:ff:ff:ff:ff link-netnsid 0',
        '    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0',
        '       valid_lft forever preferred_lft forever',
        '',
      ].join('\n'),
    );
  });

  it('-4 drops the link line and appends the netnsid to the first line (two spaces)', () => {
    expect(ipAddr([eth0()], { flavor: 'iproute2', family: 4 })).toBe(
      '26: eth0@if27: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default  link-netnsid 0\n' +
        '    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0\n' +
        '       valid_lft forever preferred_lft forever\n',
    );
  });

  it('-6 uses the reduced inet6 link dump and hides links without IPv6', () => {
    expect(ipAddr([lo, eth0()], { flavor: 'iproute2', family: 6 })).toBe(
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 state UNKNOWN qlen 1000\n' +
        '    inet6 ::1/128 scope host \n' +
        '       valid_lft forever preferred_lft forever\n',
    );
  });

  it('shows a bridge port with master and a link-local address (host side)', () => {
    const veth: LinkView = {
      ifindex: 3,
      name: 'veth1a2b3c4',
      kind: 'veth',
      peerIfindex: 2,
      linkNetnsId: 1,
      up: true,
      carrier: true,
      mtu: 1500,
      master: 'docker0',
      mac: '06:1a:2b:f5:01:8c',
      addrs: [{ family: 6, address: 'fe80::41a:2bff:fef5:18c', prefix: 64, scope: 'link' }],
    };
    expect(ipAddr([veth], { flavor: 'iproute2' })).toBe(
      '3: veth1a2b3c4@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master docker0 state UP group default \n' +
        '    link/ether 06:1a:2b:f5:01:8c brd ff:ff:ff:ff:ff:ff link-netnsid 1\n' +
        '    inet6 fe80::41a:2bff:fef5:18c/64 scope link \n' +
        '       valid_lft forever preferred_lft forever\n',
    );
  });

  it('prints an empty bridge as NO-CARRIER, state DOWN', () => {
    const br: LinkView = {
      ifindex: 5,
      name: 'br-01c10fd97202',
      kind: 'bridge',
      up: true,
      carrier: false,
      mtu: 1500,
      mac: '02:42:e0:06:b6:be',
      addrs: [{ family: 4, address: '172.18.0.1', prefix: 16, broadcast: '172.18.255.255', scope: 'global' }],
    };
    expect(ipAddr([br], { flavor: 'iproute2' }).split('\n')[0]).toBe(
      '5: br-01c10fd97202: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN group default ',
    );
  });

  it('prints address flags and finite lifetimes', () => {
    const l = eth0({
      addrs: [{ family: 6, address: 'fd00::2', prefix: 64, scope: 'global', flags: ['nodad'], validLft: 86395, preferredLft: 14395 }],
    });
    expect(ipAddr([l], { flavor: 'iproute2', family: 6 }).split('\n').slice(1, 3)).toEqual([
      '    inet6 fd00::2/64 scope global nodad ',
      '       valid_lft 86395sec preferred_lft 14395sec',
    ]);
  });

  it('reports an unknown device the way iproute2 does', () => {
    expect(ipDeviceNotFound('iproute2', 'nope')).toBe('Device "nope" does not exist.\n');
  });
});

describe('ip addr, BusyBox', () => {
  it('matches the docs transcript with its stripped trailing spaces restored', () => {
    const loOld = { ...lo, qlen: 1 };
    const e = eth0({
      ifindex: 27,
      peerIfindex: 28,
      addrs: [
        { family: 4, address: '172.17.0.2', prefix: 16, scope: 'global' },
        { family: 6, address: 'fe80::42:acff:fe11:2', prefix: 64, scope: 'link' },
      ],
    });
    expect(ipAddr([loOld, e], { flavor: 'busybox' })).toBe(
      [
        '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN qlen 1',
        '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
        '    inet 127.0.0.1/8 scope host lo',
        '       valid_lft forever preferred_lft forever',
        '    inet6 ::1/128 scope host ',
        '       valid_lft forever preferred_lft forever',
        '27: eth0@if28: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP ',
        '    link/ether 02:42:ac:11:00:02 brd ff:ff:ff:ff:ff:ff',
        '    inet 172.17.0.2/16 scope global eth0',
        '       valid_lft forever preferred_lft forever',
        '    inet6 fe80::42:acff:fe11:2/64 scope link ',
        '       valid_lft forever preferred_lft forever',
        '',
      ].join('\n'),
    );
  });

  it('prints the brd of newer Docker addresses and no link-netnsid', () => {
    const out = ipAddr([eth0()], { flavor: 'busybox' });
    expect(out).toContain('    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0\n');
    expect(out).not.toContain('link-netnsid');
    expect(out).not.toContain('group');
  });

  it('-4 drops link lines but keeps M-DOWN', () => {
    expect(ipAddr([lo, eth0()], { flavor: 'busybox', family: 4 }).split('\n')[3]).toBe(
      '26: eth0@if27: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP ',
    );
  });

  it('reports an unknown device the way BusyBox does', () => {
    expect(ipDeviceNotFound('busybox', 'nope')).toBe("ip: can't find device 'nope'\n");
  });
});

describe('ip link', () => {
  it('iproute2 adds mode DEFAULT (reference transcript)', () => {
    const e = eth0({ ifindex: 62, peerIfindex: 63, mac: '02:42:ac:14:14:02' });
    expect(ipLink([lo, e], { flavor: 'iproute2' })).toBe(
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\n' +
        '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n' +
        '62: eth0@if63: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default \n' +
        '    link/ether 02:42:ac:14:14:02 brd ff:ff:ff:ff:ff:ff link-netnsid 0\n',
    );
  });

  it('iproute2: the host side of a veth and an unused docker0 (reference)', () => {
    const veth: LinkView = {
      ifindex: 11,
      name: 'veth42772d8',
      kind: 'veth',
      peerIfindex: 10,
      linkNetnsId: 0,
      up: true,
      carrier: true,
      mtu: 1500,
      master: 'docker0',
      mac: 'e2:a3:89:76:14:f3',
      addrs: [],
    };
    const docker0: LinkView = { ifindex: 5, name: 'docker0', kind: 'bridge', up: true, carrier: false, mtu: 1500, mac: '02:42:85:84:8e:f5', addrs: [] };
    expect(ipLink([docker0, veth], { flavor: 'iproute2' })).toBe(
      '5: docker0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN mode DEFAULT group default \n' +
        '    link/ether 02:42:85:84:8e:f5 brd ff:ff:ff:ff:ff:ff\n' +
        '11: veth42772d8@if10: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master docker0 state UP mode DEFAULT group default \n' +
        '    link/ether e2:a3:89:76:14:f3 brd ff:ff:ff:ff:ff:ff link-netnsid 0\n',
    );
  });

  it('a down veth pair inside one namespace: qdisc noop, M-DOWN, @peer name', () => {
    const v: LinkView = {
      ifindex: 6,
      name: 'vdownp',
      kind: 'veth',
      parentName: 'vdown',
      parentDown: true,
      up: false,
      carrier: false,
      mtu: 1500,
      qlen: 1000,
      mac: '9e:f8:60:c2:77:d4',
      addrs: [],
    };
    expect(ipLink([v], { flavor: 'iproute2' }).split('\n')[0]).toBe(
      '6: vdownp@vdown: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000',
    );
  });

  it('BusyBox prints master and M-DOWN, no mode or group', () => {
    const e = eth0({ ifindex: 2, peerIfindex: 3, master: undefined });
    expect(ipLink([e], { flavor: 'busybox' })).toBe(
      '2: eth0@if3: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP \n' +
        '    link/ether 02:42:ac:11:00:02 brd ff:ff:ff:ff:ff:ff\n',
    );
  });
});
