/**
 * Every snapshot encoding restores to the same lab: a big lab's, compressed
 * at the real threshold, and the older ones a student may still have saved
 * (the full state from before compaction, compacted chains from before delta
 * encoding, and a delta-encoded snapshot kept as a fixture from the time
 * before compression).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLab, type LabSnapshot } from '../src/emulator/index';
import type { EmulatedLab } from '../src/emulator/lab';
import { COMPRESS_ABOVE_CHARS, isCompressed } from '../src/emulator/world/snapshot-compress';
import { compactState } from '../src/emulator/world/snapshot-compact';
import { decodeDeltas } from '../src/emulator/world/snapshot-delta';
import { newLab, sh } from './helpers/engine';

async function transcripts(lab: EmulatedLab, lines: string[]): Promise<Array<{ out: string; err: string; status: number }>> {
  const results = [];
  for (const line of lines) results.push(await sh(lab, line));
  return results;
}

function restoredFrom(snap: LabSnapshot, seed = 77): EmulatedLab {
  const copy = createLab({ seed }) as EmulatedLab;
  copy.restore(JSON.parse(JSON.stringify(snap)));
  return copy;
}

describe('a big lab', () => {
  it('is written compressed, several times smaller, and restores byte-identically', async () => {
    const lab = newLab(21);
    for (let n = 0; n < 4; n++) expect((await sh(lab, `docker network create net${n}`)).status).toBe(0);
    for (let i = 0; i < 160; i++) await lab.run(`docker run -dit --name c${i} --network net${i % 4} alpine`);
    expect(lab.query.containers()).toHaveLength(160);
    const snap = lab.snapshot();
    expect(isCompressed(snap.state)).toBe(true);
    const json = JSON.stringify(snap);
    const plain = JSON.stringify(compactState(lab.ctx.sync()));
    expect(plain.length).toBeGreaterThan(COMPRESS_ABOVE_CHARS);
    expect(json.length).toBeLessThan(plain.length / 3);

    const copy = restoredFrom(snap);
    expect(JSON.stringify(copy.snapshot())).toBe(json);
    const lines = ['docker ps', 'docker network inspect net2', 'docker exec c7 ip a', 'docker exec c3 ping -c 1 c7', 'docker exec c3 ping -c 1 c8', 'iptables -S', 'iptables -t nat -S'];
    const expected = await transcripts(lab, lines);
    expect(expected[3].status).toBe(0); // c3 and c7 share net3
    expect(expected[4].status).not.toBe(0); // c8 is on net0
    expect(await transcripts(copy, lines)).toEqual(expected);
  }, 60_000); // 160 containers: well under a second alone, more on a loaded two-core machine
});

describe('older snapshot encodings', () => {
  const fixtureLines = ['docker network create appnet', 'docker run -d --name web --network appnet -p 8080:80 nginx', 'docker run -dit --name client --network appnet alpine', 'iptables -A FORWARD -s 10.9.0.0/16 -j DROP', 'docker exec client ping -c 1 web'];
  const probes = ['docker ps', 'docker exec client ping -c 1 web', 'docker exec client ip a', 'iptables -S FORWARD', 'curl -s localhost:8080', 'docker network inspect appnet'];

  async function original(): Promise<EmulatedLab> {
    const lab = newLab(3);
    for (const line of fixtureLines) expect((await sh(lab, line)).status).toBe(0);
    return lab;
  }

  it('restores the delta-encoded snapshot saved before compression existed', async () => {
    const saved = JSON.parse(readFileSync(new URL('./fixtures/snapshot-v1-delta.json', import.meta.url), 'utf8')) as LabSnapshot;
    expect(JSON.stringify(saved.state)).toContain('"$delta"');
    const lab = await original();
    const copy = restoredFrom(saved);
    expect(copy.history()).toEqual(fixtureLines);
    expect(await transcripts(copy, probes)).toEqual(await transcripts(lab, probes));
  });

  it('restores a snapshot holding the full state, and one with compacted chains but no deltas', async () => {
    const lab = await original();
    // Copies: the probes below change the lab.
    const full: LabSnapshot = { format: 'docker-networking-lab', version: 1, state: JSON.parse(JSON.stringify(lab.ctx.sync())) };
    const noDeltas: LabSnapshot = { ...full, state: decodeDeltas(compactState(lab.ctx.sync())) };
    expect(JSON.stringify(noDeltas.state)).not.toContain('"$delta"');
    const expected = JSON.stringify(lab.snapshot());
    const wanted = await transcripts(lab, probes);
    for (const snap of [full, noDeltas]) {
      const copy = restoredFrom(snap);
      expect(JSON.stringify(copy.snapshot())).toBe(expected);
      expect(await transcripts(copy, probes)).toEqual(wanted);
    }
  });
});
