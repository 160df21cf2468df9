import { describe, expect, it } from 'vitest';
import { parseSystemdTime } from './systemd-time';

const NOW = Date.UTC(2026, 0, 12, 9, 30, 15);

describe('parseSystemdTime (systemd.time(7))', () => {
  it('named days, absolute dates and times, today\'s clock time', () => {
    expect(parseSystemdTime('now', NOW)).toBe(NOW);
    expect(parseSystemdTime('today', NOW)).toBe(Date.UTC(2026, 0, 12));
    expect(parseSystemdTime('yesterday', NOW)).toBe(Date.UTC(2026, 0, 11));
    expect(parseSystemdTime('2026-01-12 09:00:05', NOW)).toBe(Date.UTC(2026, 0, 12, 9, 0, 5));
    expect(parseSystemdTime('2026-01-12 09:00', NOW)).toBe(Date.UTC(2026, 0, 12, 9, 0));
    expect(parseSystemdTime('2026-01-11', NOW)).toBe(Date.UTC(2026, 0, 11));
    expect(parseSystemdTime('09:15', NOW)).toBe(Date.UTC(2026, 0, 12, 9, 15));
  });
  it('relative spans, with or without spaces; nonsense is refused', () => {
    expect(parseSystemdTime('5min ago', NOW)).toBe(NOW - 300000);
    expect(parseSystemdTime('1 hour ago', NOW)).toBe(NOW - 3600000);
    expect(parseSystemdTime('-2m 30s', NOW)).toBe(NOW - 150000);
    expect(parseSystemdTime('+1h', NOW)).toBe(NOW + 3600000);
    expect(parseSystemdTime('soon', NOW)).toBeUndefined();
    expect(parseSystemdTime('5 parsecs ago', NOW)).toBeUndefined();
  });
});
