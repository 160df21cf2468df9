import { describe, expect, it } from 'vitest';
import { allocateAddress, allocateSubnet, DEFAULT_LOCAL_POOLS, releaseAddress } from './ipam';
import type { NetworkState } from './state';

function net(subnet: string, ipRange?: string): NetworkState {
  return {
    id: 'x', name: 'n', driver: 'bridge', scope: 'local', created: 0, createdNanos: 0, internal: false, attachable: false, ingress: false,
    ipam: { driver: 'default', options: {}, config: [{ subnet, gateway: subnet.replace(/0\/\d+$/, '1'), ipRange }] },
    userSubnet: false, options: {}, labels: {}, allocated: { [subnet.replace(/0\/\d+$/, '1')]: 'gateway' }, predefined: false,
  };
}

describe('default address pools', () => {
  it('hands out 172.18, 172.19, then 172.20 after docker0', () => {
    const taken = ['172.17.0.0/16'];
    const a = allocateSubnet(DEFAULT_LOCAL_POOLS, taken, [])!;
    expect(a).toBe('172.18.0.0/16');
    expect(allocateSubnet(DEFAULT_LOCAL_POOLS, [...taken, a], [])).toBe('172.19.0.0/16');
    expect(allocateSubnet(DEFAULT_LOCAL_POOLS, [...taken, a, '172.19.0.0/16'], [])).toBe('172.20.0.0/16');
  });
  it('skips 192.168.0.0/20 when the host has a route in it', () => {
    const taken = Array.from({ length: 15 }, (_, i) => `172.${17 + i}.0.0/16`);
    expect(allocateSubnet(DEFAULT_LOCAL_POOLS, taken, ['192.168.1.0/24'])).toBe('192.168.16.0/20');
  });
  it('reports exhaustion', () => {
    expect(allocateSubnet([{ base: '10.0.0.0/24', size: 24 }], ['10.0.0.0/24'], [])).toBeUndefined();
  });
});

describe('address allocation', () => {
  it('gives .2, .3 and reuses a freed address first', () => {
    const n = net('172.18.0.0/16');
    expect(allocateAddress(n, 'a')).toBe('172.18.0.2');
    expect(allocateAddress(n, 'b')).toBe('172.18.0.3');
    releaseAddress(n, '172.18.0.2');
    expect(allocateAddress(n, 'c')).toBe('172.18.0.2');
  });
  it('honours --ip-range and --ip', () => {
    const n = net('172.20.0.0/16', '172.20.5.0/24');
    // Only the subnet's own network and broadcast addresses are reserved, so the
    // range's first address (x.x.5.0) is a valid host address in 172.20.0.0/16.
    expect(allocateAddress(n, 'a')).toBe('172.20.5.0');
    expect(allocateAddress(n, 'b', '172.20.0.9')).toBe('172.20.0.9');
    expect(allocateAddress(n, 'c', '172.20.0.9')).toEqual({ error: 'Address already in use' });
    expect(allocateAddress(n, 'd', '10.0.0.1')).toEqual({ error: 'requested address is out of range' });
  });
});
