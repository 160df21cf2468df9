import { describe, expect, it } from 'vitest';
import { cG, ctime, httpDate, ljust, ljustCut, msFromMicros, rjust, strftimeWhen } from './text';

describe('printf helpers', () => {
  it('%g with six significant digits', () => {
    expect([0, 100, 50, 25].map(cG)).toEqual(['0', '100', '50', '25']);
    expect(cG(100 / 3)).toBe('33.3333');
    expect(cG(200 / 3)).toBe('66.6667');
    expect(cG(100 / 7)).toBe('14.2857');
    expect(cG(0.5)).toBe('0.5');
    expect(cG(1e-5)).toBe('1e-05');
  });
  it('justification never truncates unless asked', () => {
    expect(ljust('ab', 4)).toBe('ab  ');
    expect(rjust('ab', 4)).toBe('  ab');
    expect(ljust('abcdef', 4)).toBe('abcdef');
    expect(ljustCut('abcdef', 4, 3)).toBe('abc ');
  });
  it('microseconds as %u.%03u', () => {
    expect(msFromMicros(85)).toBe('0.085');
    expect(msFromMicros(12345.6)).toBe('12.346');
  });
  it('dates', () => {
    const t = Date.UTC(2026, 0, 5, 9, 3, 7);
    expect(strftimeWhen(t)).toBe('Mon Jan 05 09:03:07 UTC 2026');
    expect(ctime(t)).toBe('Mon Jan  5 09:03:07 2026');
    expect(httpDate(t)).toBe('Mon, 05 Jan 2026 09:03:07 GMT');
  });
});
