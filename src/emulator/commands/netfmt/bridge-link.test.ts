import { describe, expect, it } from 'vitest';
import { bridgeLink } from './bridge-link';
import type { LinkView } from './types';

const port: LinkView = {
  ifindex: 5, name: 'veth110a28b', kind: 'veth', peerIfindex: 4, linkNetnsId: 0, up: true, carrier: true, mtu: 1500,
  master: 'docker0', mac: '06:1a:2b:f5:01:8c', addrs: [],
};

describe('bridge link', () => {
  it('matches the reference transcript, trailing space included', () => {
    expect(bridgeLink([{ link: port }])).toBe(
      '5: veth110a28b@if4: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master docker0 state forwarding priority 32 cost 2 \n',
    );
  });
  it('a down port is disabled', () => {
    expect(bridgeLink([{ link: { ...port, up: false, carrier: false } }])).toBe(
      '5: veth110a28b@if4: <BROADCAST,MULTICAST> mtu 1500 master docker0 state disabled priority 32 cost 2 \n',
    );
  });
});
