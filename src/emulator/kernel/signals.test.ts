import { describe, expect, it } from 'vitest';
import { defaultAction, parseSignal, validSignal } from './signals';

describe('signals as moby/sys/signal ParseSignal reads them', () => {
  it('names with or without SIG, any case, and numbers', () => {
    expect(['TERM', 'SIGTERM', 'sigterm', 'term', '15'].map(parseSignal)).toEqual([15, 15, 15, 15, 15]);
    expect(parseSignal('QUIT')).toBe(3);
    expect(parseSignal('WINCH')).toBe(28);
    expect(parseSignal('SIGKILL')).toBe(9);
  });

  it('0, unknown names and words are invalid; numbers beyond SIGRTMAX parse but are refused by kill', () => {
    expect(parseSignal('0')).toBeUndefined();
    expect(parseSignal('FOO')).toBeUndefined();
    expect(parseSignal('-1')).toBeUndefined();
    expect(parseSignal('99')).toBe(99);
    expect(validSignal(99)).toBe(false);
    expect(validSignal(64)).toBe(true);
  });

  it('default actions: most signals terminate; CHLD, URG, WINCH and the stop signals do not', () => {
    expect(defaultAction(15)).toBe('terminates');
    expect(defaultAction(10)).toBe('terminates');
    expect([17, 23, 28, 18, 19, 20].map(defaultAction)).toEqual(Array(6).fill('continues'));
  });
});
