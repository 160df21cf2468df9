import { describe, expect, it } from 'vitest';
import { ipLength, mssFor, setMtu, tooBigFor, wireLength } from './mtu';
import type { Packet } from './packet';
import type { DeviceState } from './state';

const dev = (mtu: number) => ({ mtu }) as DeviceState;
const pkt = (proto: Packet['proto'], length: number): Packet => ({ src: '10.0.0.1', dst: '10.0.0.2', proto, ttl: 64, sport: 1, dport: 2, length });

describe('mtu', () => {
  it('counts IP and transport headers; ICMP carries its header in length (ping -s 56 is 84 bytes)', () => {
    expect(ipLength(pkt('icmp', 64))).toBe(84);
    expect(ipLength(pkt('udp', 100))).toBe(128);
    expect(ipLength(pkt('tcp', 1410))).toBe(1450);
  });

  it('fragments to the egress MTU; the receiver drops what is longer than its own', () => {
    expect(wireLength(pkt('icmp', 2008), dev(1500))).toBe(1500);
    expect(wireLength(pkt('icmp', 64), dev(1500))).toBe(84);
    const frame = { srcMac: 'a', dstMac: 'b', ethertype: 'ipv4' as const, wire: 1500 };
    expect(tooBigFor(frame, dev(1400))).toBe(true);
    expect(tooBigFor(frame, dev(1500))).toBe(false);
    expect(tooBigFor({ ...frame, wire: undefined }, dev(68))).toBe(false);
  });

  it('MSS is the MTU less 40; setMtu keeps to ETH_MIN_MTU..ETH_MAX_MTU', () => {
    expect(mssFor(dev(1450))).toBe(1410);
    const d = dev(1500);
    expect(setMtu(d, 67)).toEqual({ errno: 'EINVAL', extack: 'mtu less than device minimum' });
    expect(setMtu(d, 65536)).toEqual({ errno: 'EINVAL', extack: 'mtu greater than device maximum' });
    expect(d.mtu).toBe(1500);
    expect(setMtu(d, 9000)).toBeUndefined();
    expect(d.mtu).toBe(9000);
  });
});
