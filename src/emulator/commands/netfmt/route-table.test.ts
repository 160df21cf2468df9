import { describe, expect, it } from 'vitest';
import { netstatRoutes, routeN } from './route-table';
import type { RouteView } from './types';

const container: RouteView[] = [
  { dst: 'default', via: '172.17.0.1', dev: 'eth0' },
  { dst: '172.17.0.0/16', dev: 'eth0', proto: 'kernel', scope: 'link', src: '172.17.0.2' },
];

describe('route -n / netstat -rn (BusyBox 1.35 and net-tools 2.10 agree)', () => {
  it('route -n in a container', () => {
    expect(routeN(container)).toBe(
      'Kernel IP routing table\n' +
        'Destination     Gateway         Genmask         Flags Metric Ref    Use Iface\n' +
        '0.0.0.0         172.17.0.1      0.0.0.0         UG    0      0        0 eth0\n' +
        '172.17.0.0      0.0.0.0         255.255.0.0     U     0      0        0 eth0\n',
    );
  });
  it('netstat -rn in a container', () => {
    expect(netstatRoutes(container)).toBe(
      'Kernel IP routing table\n' +
        'Destination     Gateway         Genmask         Flags   MSS Window  irtt Iface\n' +
        '0.0.0.0         172.17.0.1      0.0.0.0         UG        0 0          0 eth0\n' +
        '172.17.0.0      0.0.0.0         255.255.0.0     U         0 0          0 eth0\n',
    );
  });
  it('metrics, /24 masks, host routes, device-less routes; IPv6 skipped', () => {
    const out = routeN([
      { dst: 'default', via: '172.17.0.254', dev: 'docker0', metric: 100 },
      { dst: '10.10.0.0/24', via: '172.17.0.5', dev: 'docker0', proto: 'static' },
      { type: 'blackhole', dst: '10.20.0.0/16' },
      { dst: '10.30.0.7/32', dev: 'eth1' },
      { dst: 'fd00::/64', dev: 'eth0' },
    ]).split('\n');
    expect(out.slice(2)).toEqual([
      '0.0.0.0         172.17.0.254    0.0.0.0         UG    100    0        0 docker0',
      '10.10.0.0       172.17.0.5      255.255.255.0   UG    0      0        0 docker0',
      '10.20.0.0       0.0.0.0         255.255.0.0     U     0      0        0 *',
      '10.30.0.7       0.0.0.0         255.255.255.255 UH    0      0        0 eth1',
      '',
    ]);
  });
});
