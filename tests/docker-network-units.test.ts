/** Small pieces of the network and system commands: natural order, Go durations and times, byte sizes. */
import { describe, expect, it } from 'vitest';
import { naturalLess } from '../src/emulator/commands/docker/network/ls';
import { parseGoDuration } from '../src/emulator/commands/docker/network/prune';
import { bytesSize } from '../src/emulator/commands/docker/system/info';
import { goRfc3339Nano, goTimeString } from '../src/emulator/docker/inspect-network';

describe('naturalLess (sortorder.NaturalLess)', () => {
  it('orders digit runs by value, digits before letters, bytes otherwise', () => {
    const names = ['net10', 'net2', 'bridge', 'Net1', 'net02', 'host', 'net1', 'a', '9lives'];
    const sorted = [...names].sort((a, b) => (naturalLess(a, b) ? -1 : naturalLess(b, a) ? 1 : 0));
    expect(sorted).toEqual(['9lives', 'Net1', 'a', 'bridge', 'host', 'net1', 'net2', 'net02', 'net10']);
    expect(naturalLess('a', 'a')).toBe(false);
    expect(naturalLess('a', 'ab')).toBe(true);
  });
});

describe('parseGoDuration (time.ParseDuration)', () => {
  it('reads Go durations in milliseconds and refuses the rest', () => {
    expect(parseGoDuration('5m')).toBe(300000);
    expect(parseGoDuration('1h30m')).toBe(5400000);
    expect(parseGoDuration('1.5s')).toBe(1500);
    expect(parseGoDuration('-2h')).toBe(-7200000);
    expect(parseGoDuration('10')).toBeUndefined();
    expect(parseGoDuration('10x')).toBeUndefined();
  });
});

describe('Go time formatting', () => {
  it('trims trailing zeros of the fraction as RFC3339Nano and time.String do', () => {
    const ms = Date.UTC(2026, 0, 12, 9, 0, 0, 40);
    expect(goRfc3339Nano(ms, 123450)).toBe('2026-01-12T09:00:00.04012345Z');
    expect(goRfc3339Nano(ms - 40, 0)).toBe('2026-01-12T09:00:00Z');
    expect(goTimeString(ms, 123456)).toBe('2026-01-12 09:00:00.040123456 +0000 UTC');
  });
});

describe('bytesSize (go-units BytesSize)', () => {
  it('uses binary units with four significant digits', () => {
    expect(bytesSize(25157115904)).toBe('23.43GiB');
    expect(bytesSize(1024)).toBe('1KiB');
    expect(bytesSize(512)).toBe('512B');
    expect(bytesSize(3.5 * 1024 ** 3)).toBe('3.5GiB');
  });
});
