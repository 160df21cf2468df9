import { describe, expect, it } from 'vitest';
import { bridgeFdb } from './bridge-fdb';

describe('bridge fdb', () => {
  it('matches iproute2 6.1 (learned entries end in a space)', () => {
    expect(
      bridgeFdb([
        { mac: '33:33:00:00:00:01', dev: 'docker0', self: true, state: 'permanent' },
        { mac: '02:42:85:84:8e:f5', dev: 'docker0', master: 'docker0', state: 'permanent' },
        { mac: '02:42:ac:11:00:02', dev: 'veth1', master: 'docker0', state: '' },
      ]),
    ).toBe(
      '33:33:00:00:00:01 dev docker0 self permanent\n' +
        '02:42:85:84:8e:f5 dev docker0 master docker0 permanent\n' +
        '02:42:ac:11:00:02 dev veth1 master docker0 \n',
    );
  });
  it('omits dev when filtered by device, and prints vlan', () => {
    expect(bridgeFdb([{ mac: '02:42:ac:11:00:02', dev: 'veth1', vlan: 1, master: 'docker0', state: '' }], { omitDev: true })).toBe(
      '02:42:ac:11:00:02 vlan 1 master docker0 \n',
    );
  });
  it('a VXLAN entry: dst and link-netnsid before self', () => {
    expect(bridgeFdb([{ mac: '02:42:0a:00:00:03', dev: 'vxlan0', dst: '192.168.1.12', linkNetnsId: 0, self: true, state: 'permanent' }])).toBe(
      '02:42:0a:00:00:03 dev vxlan0 dst 192.168.1.12 link-netnsid 0 self permanent\n',
    );
  });
});
