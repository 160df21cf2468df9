import { describe, expect, it } from 'vitest';
import { ipBriefAddr, ipBriefLink } from './ip-brief';
import type { LinkView } from './types';

const lo: LinkView = {
  ifindex: 1, name: 'lo', kind: 'loopback', up: true, carrier: true, mtu: 65536, qlen: 1000, mac: '00:00:00:00:00:00',
  addrs: [
    { family: 4, address: '127.0.0.1', prefix: 8, scope: 'host' },
    { family: 6, address: '::1', prefix: 128, scope: 'host' },
  ],
};
const eth0: LinkView = {
  ifindex: 27, name: 'eth0', kind: 'veth', peerIfindex: 28, linkNetnsId: 0, up: true, carrier: true, mtu: 1500,
  mac: '02:42:ac:11:00:02',
  addrs: [{ family: 4, address: '172.17.0.2', prefix: 16, broadcast: '172.17.255.255', scope: 'global' }],
};
const vdown: LinkView = {
  ifindex: 6, name: 'vdownp', kind: 'veth', parentName: 'vdown', parentDown: true, up: false, carrier: false, mtu: 1500,
  mac: '9e:f8:60:c2:77:d4', addrs: [],
};

describe('ip -br addr', () => {
  it('pads name to 16 and state to 14, each address followed by a space', () => {
    expect(ipBriefAddr([lo, eth0])).toBe(
      'lo               UNKNOWN        127.0.0.1/8 ::1/128 \n' +
        'eth0@if28        UP             172.17.0.2/16 \n',
    );
  });
  it('keeps address-less links (trailing padding) without a family filter', () => {
    expect(ipBriefAddr([vdown])).toBe('vdownp@vdown     DOWN           \n');
  });
  it('-4 keeps only links and addresses of that family', () => {
    expect(ipBriefAddr([lo, eth0, vdown], { family: 4 })).toBe(
      'lo               UNKNOWN        127.0.0.1/8 \neth0@if28        UP             172.17.0.2/16 \n',
    );
    expect(ipBriefAddr([lo, eth0], { family: 6 })).toBe('lo               UNKNOWN        ::1/128 \n');
  });
});

describe('ip -br link', () => {
  it('prints MAC and flags, ending in a space (iproute2 6.1)', () => {
    expect(ipBriefLink([lo, eth0, vdown])).toBe(
      'lo               UNKNOWN        00:00:00:00:00:00 <LOOPBACK,UP,LOWER_UP> \n' +
        'eth0@if28        UP             02:42:ac:11:00:02 <BROADCAST,MULTICAST,UP,LOWER_UP> \n' +
        'vdownp@vdown     DOWN           9e:f8:60:c2:77:d4 <BROADCAST,MULTICAST,M-DOWN> \n',
    );
  });
});
