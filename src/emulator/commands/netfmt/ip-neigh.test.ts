import { describe, expect, it } from 'vitest';
import { ipNeigh } from './ip-neigh';
import type { NeighView } from './types';

const table: NeighView[] = [
  { ip: '172.17.0.9', dev: 'eth0', state: 'FAILED' },
  { ip: '172.17.0.1', dev: 'eth0', mac: '02:42:85:84:8e:f5', state: 'REACHABLE', refcnt: 1 },
  { ip: '172.17.0.3', dev: 'eth0', mac: '02:42:ac:11:00:03', state: 'STALE' },
];

describe('ip neigh', () => {
  it('iproute2 6.1: state followed by a space', () => {
    expect(ipNeigh(table, { flavor: 'iproute2' })).toBe(
      '172.17.0.9 dev eth0 FAILED \n' +
        '172.17.0.1 dev eth0 lladdr 02:42:85:84:8e:f5 REACHABLE \n' +
        '172.17.0.3 dev eth0 lladdr 02:42:ac:11:00:03 STALE \n',
    );
  });
  it('BusyBox always prints the cache info (BusyBox 1.35 transcript)', () => {
    expect(ipNeigh(table, { flavor: 'busybox' })).toBe(
      '172.17.0.9 dev eth0  used 0/0/0 probes 6 FAILED\n' +
        '172.17.0.1 dev eth0 lladdr 02:42:85:84:8e:f5 ref 1 used 0/0/0 probes 4 REACHABLE\n' +
        '172.17.0.3 dev eth0 lladdr 02:42:ac:11:00:03 used 0/0/0 probes 4 STALE\n',
    );
  });
  it('the brief example from the task', () => {
    expect(ipNeigh([{ ip: '172.17.0.3', dev: 'eth0', mac: '02:42:ac:11:00:03', state: 'REACHABLE' }], { flavor: 'iproute2' })).toBe(
      '172.17.0.3 dev eth0 lladdr 02:42:ac:11:00:03 REACHABLE \n',
    );
  });
  it('prints router flag and explicit probes/used', () => {
    const n: NeighView = { ip: '10.0.0.1', dev: 'eth0', mac: 'aa:bb:cc:dd:ee:ff', state: 'DELAY', router: true, used: [5, 3, 3], probes: 0 };
    expect(ipNeigh([n], { flavor: 'iproute2' })).toBe('10.0.0.1 dev eth0 lladdr aa:bb:cc:dd:ee:ff router DELAY \n');
    expect(ipNeigh([n], { flavor: 'busybox' })).toBe('10.0.0.1 dev eth0 lladdr aa:bb:cc:dd:ee:ff router used 5/3/3 probes 0 DELAY\n');
  });
});
