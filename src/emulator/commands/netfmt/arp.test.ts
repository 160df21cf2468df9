import { describe, expect, it } from 'vitest';
import { arpBsd, arpList, arpTable } from './arp';
import type { NeighView } from './types';

const table: NeighView[] = [
  { ip: '172.17.0.9', dev: 'eth0', state: 'FAILED' },
  { ip: '172.17.0.1', dev: 'eth0', mac: '02:42:85:84:8e:f5', state: 'REACHABLE' },
  { ip: '172.17.0.3', dev: 'eth0', mac: '02:42:ac:11:00:03', state: 'STALE' },
];

describe('arp', () => {
  it('BusyBox: BSD style with two spaces before "on" (arp, -a and -n alike)', () => {
    expect(arpList(table, 'busybox')).toBe(
      '? (172.17.0.9) at <incomplete>  on eth0\n' +
        '? (172.17.0.1) at 02:42:85:84:8e:f5 [ether]  on eth0\n' +
        '? (172.17.0.3) at 02:42:ac:11:00:03 [ether]  on eth0\n',
    );
  });
  it('net-tools -a: one space', () => {
    expect(arpBsd(table, 'net-tools')).toBe(
      '? (172.17.0.9) at <incomplete> on eth0\n' +
        '? (172.17.0.1) at 02:42:85:84:8e:f5 [ether] on eth0\n' +
        '? (172.17.0.3) at 02:42:ac:11:00:03 [ether] on eth0\n',
    );
  });
  it('net-tools -n: the table (Debian 12 transcript)', () => {
    expect(arpTable(table)).toBe(
      'Address                  HWtype  HWaddress           Flags Mask            Iface\n' +
        '172.17.0.9                       (incomplete)                              eth0\n' +
        '172.17.0.1               ether   02:42:85:84:8e:f5   C                     eth0\n' +
        '172.17.0.3               ether   02:42:ac:11:00:03   C                     eth0\n',
    );
  });
  it('reverse names, permanent entries, empty tables, IPv6 skipped', () => {
    const perm: NeighView & { name?: string } = { ip: '172.18.0.3', dev: 'eth0', mac: '02:42:ac:12:00:03', state: 'PERMANENT', name: 'web.mynet' };
    expect(arpBsd([perm], 'busybox')).toBe('web.mynet (172.18.0.3) at 02:42:ac:12:00:03 [ether] PERM  on eth0\n');
    expect(arpTable([perm]).split('\n')[1]).toBe('172.18.0.3               ether   02:42:ac:12:00:03   CM                    eth0');
    expect(arpTable([])).toBe('');
    expect(arpList([{ ip: 'fe80::1', dev: 'eth0', mac: 'aa:bb:cc:dd:ee:ff', state: 'STALE' }], 'busybox')).toBe('');
  });
});
