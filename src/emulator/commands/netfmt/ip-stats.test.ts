import { describe, expect, it } from 'vitest';
import { linkStatsJson, linkStatsText } from './ip-stats';

describe('ip -s counters (iproute2 5.9+ layout)', () => {
  it('prints the header widths and right-aligned numbers with trailing spaces', () => {
    expect(linkStatsText({ rxBytes: 1086, rxPackets: 13, txBytes: 0, txPackets: 0 })).toBe(
      '    RX:  bytes packets errors dropped  missed   mcast           \n' +
      '          1086      13      0       0       0       0 \n' +
      '    TX:  bytes packets errors dropped carrier collsns           \n' +
      '             0       0      0       0       0       0 \n',
    );
  });

  it('widens a column to the longest number of RX and TX together', () => {
    expect(linkStatsText({ rxBytes: 123456789012, rxPackets: 13, txBytes: 7, txPackets: 12345678 })).toBe(
      '    RX:    bytes  packets errors dropped  missed   mcast           \n' +
      '    123456789012       13      0       0       0       0 \n' +
      '    TX:    bytes  packets errors dropped carrier collsns           \n' +
      '               7 12345678      0       0       0       0 \n',
    );
  });

  it('JSON: stats64 rx and tx members in iproute2 order', () => {
    const j = linkStatsJson({ rxBytes: 98, rxPackets: 1, txBytes: 42, txPackets: 1 }) as Record<string, Record<string, number>>;
    expect(Object.keys(j.rx)).toEqual(['bytes', 'packets', 'errors', 'dropped', 'over_errors', 'multicast']);
    expect(Object.keys(j.tx)).toEqual(['bytes', 'packets', 'errors', 'dropped', 'carrier_errors', 'collisions']);
    expect([j.rx.bytes, j.tx.bytes]).toEqual([98, 42]);
  });
});
