import { describe, expect, it } from 'vitest';
import { Rng } from './rng';

describe('Rng', () => {
  it('is deterministic per seed and resumable from its state', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    expect(a.hex(64)).toBe(b.hex(64));
    const saved = a.state();
    const next = a.nextU32();
    expect(new Rng(saved).nextU32()).toBe(next);
  });
  it('differs between seeds and stays in range', () => {
    expect(new Rng(1).hex(16)).not.toBe(new Rng(2).hex(16));
    const r = new Rng(7);
    for (let i = 0; i < 1000; i++) {
      const v = r.int(32768, 60999);
      expect(v).toBeGreaterThanOrEqual(32768);
      expect(v).toBeLessThanOrEqual(60999);
    }
  });
});
