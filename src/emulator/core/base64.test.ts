import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { base64ToBytes, bytesToBase64 } from './base64';

describe('base64', () => {
  it('encodes and decodes as Node’s Buffer does, at every padding and across chunk boundaries', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 7000 }), (bytes) => {
        const text = bytesToBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(base64ToBytes(text)).toEqual(bytes);
      }),
      { numRuns: 200 },
    );
    // fast-check keeps arrays small: lengths around the 8,192-character (6,144-byte) chunks, explicitly.
    for (const length of [6143, 6144, 6145, 12_288, 20_000, 20_001, 20_002]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 7919) & 255);
      const text = bytesToBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(base64ToBytes(text)).toEqual(bytes);
    }
  });

  it('rejects what is not base64, saying why', () => {
    expect(() => base64ToBytes('abc')).toThrow(/length 3 is not a multiple of 4/);
    expect(() => base64ToBytes('ab$d')).toThrow(/unexpected character "\$" at position 2/);
    expect(() => base64ToBytes('a=bc')).toThrow(/unexpected character "=" at position 1/);
    expect(() => base64ToBytes('abcé')).toThrow(/unexpected character "é" at position 3/);
  });
});
