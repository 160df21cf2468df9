/**
 * Compressed snapshots: large states are written as a zlib stream in base64,
 * restore exactly, and a damaged payload is rejected with the lab unchanged.
 * The threshold is lowered here so that a small lab is compressed; the
 * big-lab test (tests/snapshot-big-lab.test.ts) goes through the real one.
 */
import { describe, expect, it } from 'vitest';
import { unzlibSync } from 'fflate';
import { createLab } from '../index';
import type { EmulatedLab } from '../lab';
import type { LabSnapshot } from '../api';
import { newLab, sh } from '../../../tests/helpers/engine';
import { base64ToBytes, bytesToBase64 } from '../core/base64';
import { compressLarge, decompress, isCompressed } from './snapshot-compress';
import { makeSnapshot } from './snapshot';

async function smallLab(): Promise<EmulatedLab> {
  const lab = newLab(4);
  for (const line of ['docker network create appnet', 'docker run -dit --name alpha --network appnet alpine', 'docker run -dit --name beta --network appnet alpine']) {
    expect((await sh(lab, line)).status).toBe(0);
  }
  return lab;
}

/** A snapshot of `lab` with its state compressed (any lab is above a 1 KiB threshold). */
function compressedSnapshot(lab: EmulatedLab): LabSnapshot & { state: { $zlib: string } } {
  const snap = makeSnapshot(lab.ctx.sync(), 1024);
  expect(isCompressed(snap.state)).toBe(true);
  return JSON.parse(JSON.stringify(snap));
}

function withStream(snap: LabSnapshot, change: (bytes: Uint8Array) => Uint8Array): LabSnapshot {
  const stream = base64ToBytes((snap.state as { $zlib: string }).$zlib);
  return { ...snap, state: { $zlib: bytesToBase64(change(stream.slice())) } };
}

describe('compressLarge', () => {
  it('leaves a state at or below the threshold as it is and compresses one above it', () => {
    const state = { text: 'x'.repeat(100) };
    const json = JSON.stringify(state);
    expect(compressLarge(state, json.length)).toBe(state);
    const packed = compressLarge(state, json.length - 1);
    expect(isCompressed(packed)).toBe(true);
    expect(decompress(packed as { $zlib: string })).toEqual(state);
  });

  it('tells a compressed state from a plain one by its shape', () => {
    expect(isCompressed({ $zlib: 'eJwDAAAAAAE=' })).toBe(true);
    expect(isCompressed({ $zlib: '', version: 1 })).toBe(false);
    expect(isCompressed([{ $zlib: '' }])).toBe(false);
    expect(isCompressed('$zlib')).toBe(false);
  });
});

describe('a compressed snapshot', () => {
  it('restores byte-identically: the same snapshot and the same transcripts', async () => {
    const lab = await smallLab();
    const copy = createLab({ seed: 50 }) as EmulatedLab;
    copy.restore(compressedSnapshot(lab));
    expect(JSON.stringify(copy.snapshot())).toBe(JSON.stringify(lab.snapshot()));
    for (const line of ['docker ps', 'docker exec alpha ping -c 1 beta', 'iptables -t nat -S', 'docker network inspect appnet']) {
      const [x, y] = [await sh(lab, line), await sh(copy, line)];
      expect(y).toEqual(x);
      expect(x.status).toBe(0);
    }
  });

  it('is rejected when damaged, saying so, and leaves the lab as it was', async () => {
    const lab = await smallLab();
    const snap = compressedSnapshot(lab);
    const target = createLab({ seed: 51 }) as EmulatedLab;
    await sh(target, 'docker network create keepme');
    const before = JSON.stringify(target.snapshot());
    const payload = snap.state.$zlib;
    const damaged: Array<[string, LabSnapshot, RegExp]> = [
      ['truncated', { ...snap, state: { $zlib: payload.slice(0, Math.floor(payload.length / 8) * 4) } }, /does not inflate: unexpected EOF/],
      ['not base64', { ...snap, state: { $zlib: `${payload.slice(0, 40)}!${payload.slice(41)}` } }, /not base64: unexpected character "!" at position 40/],
      ['not a string', { ...snap, state: { $zlib: 42 } }, /is not a string/],
      ['empty', { ...snap, state: { $zlib: '' } }, /too short/],
      ['not zlib', withStream(snap, (s) => s.map((b) => b ^ 0x5a)), /does not inflate: invalid zlib data/],
      ['checksum altered', withStream(snap, (s) => ((s[s.length - 1] ^= 1), s)), /fails its checksum/],
    ];
    for (const [what, bad, reason] of damaged) {
      expect(() => target.restore(bad), what).toThrow(/^This saved lab is damaged and cannot be restored \(.+\)\.$/);
      expect(() => target.restore(bad), what).toThrow(reason);
      expect(JSON.stringify(target.snapshot()), what).toBe(before);
    }
  });

  it('whose data was altered but still inflates fails the checksum', async () => {
    const snap = compressedSnapshot(await smallLab());
    const stream = base64ToBytes(snap.state.$zlib);
    const original = unzlibSync(stream);
    // Flip single bits until one still inflates, to something else (fflate does not check Adler-32 itself).
    let altered: LabSnapshot | undefined;
    for (let i = 2; i < stream.length - 4 && !altered; i++) {
      for (let bit = 0; bit < 8 && !altered; bit++) {
        const bytes = stream.slice();
        bytes[i] ^= 1 << bit;
        try {
          const out = unzlibSync(bytes);
          if (out.length === original.length && out.some((b, k) => b !== original[k])) altered = { ...snap, state: { $zlib: bytesToBase64(bytes) } };
        } catch {
          // this flip breaks the stream: the inflater rejects it itself
        }
      }
    }
    expect(altered).toBeDefined();
    expect(() => createLab().restore(altered!)).toThrow(/fails its checksum/);
  });
});
