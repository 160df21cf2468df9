import { describe, expect, it } from 'vitest';
import { ipRoute } from './ip-route';
import type { RouteView } from './types';

const container: RouteView[] = [
  { dst: 'default', via: '172.17.0.1', dev: 'eth0' },
  { dst: '172.17.0.0/16', dev: 'eth0', proto: 'kernel', scope: 'link', src: '172.17.0.2' },
];

describe('ip route', () => {
  it('iproute2: every line ends in a space (iproute2 6.1)', () => {
    expect(ipRoute(container, { flavor: 'iproute2' })).toBe(
      'default via 172.17.0.1 dev eth0 \n172.17.0.0/16 dev eth0 proto kernel scope link src 172.17.0.2 \n',
    );
  });
  it('BusyBox: no proto, two spaces before src (reference, confirmed on BusyBox 1.35)', () => {
    expect(ipRoute(container, { flavor: 'busybox' })).toBe(
      'default via 172.17.0.1 dev eth0 \n172.17.0.0/16 dev eth0 scope link  src 172.17.0.2 \n',
    );
  });
  it('host routes: metric, static proto, blackhole type, linkdown', () => {
    const host: RouteView[] = [
      { dst: 'default', via: '172.17.0.254', dev: 'docker0', metric: 100 },
      { dst: '10.10.0.0/24', via: '172.17.0.5', dev: 'docker0', proto: 'static' },
      { type: 'blackhole', dst: '10.20.0.0/16' },
      { dst: '172.18.0.0/16', dev: 'br-empty', proto: 'kernel', scope: 'link', src: '172.18.0.1', linkdown: true },
    ];
    expect(ipRoute(host, { flavor: 'iproute2' })).toBe(
      'default via 172.17.0.254 dev docker0 metric 100 \n' +
        '10.10.0.0/24 via 172.17.0.5 dev docker0 proto static \n' +
        'blackhole 10.20.0.0/16 \n' +
        '172.18.0.0/16 dev br-empty proto kernel scope link src 172.18.0.1 linkdown \n',
    );
    expect(ipRoute(host, { flavor: 'busybox' })).toBe(
      'default via 172.17.0.254 dev docker0  metric 100 \n' +
        '10.10.0.0/24 via 172.17.0.5 dev docker0 \n' +
        'blackhole 10.20.0.0/16 \n' +
        '172.18.0.0/16 dev br-empty scope link  src 172.18.0.1 \n',
    );
  });
  it('prints nothing for an empty table', () => {
    expect(ipRoute([], { flavor: 'iproute2' })).toBe('');
  });
});
