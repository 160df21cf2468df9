/**
 * A big saved lab in localStorage, with the real emulator: it is stored
 * compressed, comes back after a reload, and when its compressed payload is
 * broken the session starts the lesson's lab afresh with a notice and forgets
 * the broken save (the same reset as for any unusable save).
 */
import { describe, expect, it } from 'vitest';
import { createLab } from '../emulator/index';
import { LabSession } from './lab-session';
import { LabStore, type SavedLab } from './lab-storage';

class MemoryStorage {
  map = new Map<string, string>();
  getItem(k: string) { return this.map.get(k) ?? null; }
  setItem(k: string, v: string) { this.map.set(k, v); }
  removeItem(k: string) { this.map.delete(k); }
}

/** 30 containers: a snapshot well over the 64 KiB above which it is compressed. */
const definition = { seed: 8, setup: ['docker network create big', ...Array.from({ length: 30 }, (_, i) => `docker run -dit --name box${i} --network big alpine`)] };

const session = (storage: MemoryStorage) => new LabSession(definition, createLab, new LabStore(storage, 'k', 'f'));
const saved = (storage: MemoryStorage) => JSON.parse(storage.getItem('k')!) as SavedLab & { snapshot: { state: { $zlib?: string } } };

describe('a big saved lab', () => {
  it('is stored compressed and restored after a reload', async () => {
    const storage = new MemoryStorage();
    const first = session(storage);
    await first.start();
    expect(first.setupFailures).toEqual([]);
    await first.run('docker network create extra', {});
    expect(first.save({ node1: ['docker network create extra'] })).toBeUndefined();
    expect(typeof saved(storage).snapshot.state.$zlib).toBe('string');

    const second = session(storage);
    expect(await second.start()).toEqual({ restored: true, history: { node1: ['docker network create extra'] } });
    expect(JSON.stringify(second.lab.snapshot())).toBe(JSON.stringify(first.lab.snapshot()));
  }, 30_000);

  it('whose compressed payload is broken is forgotten: the lesson’s lab starts afresh, with a notice', async () => {
    const storage = new MemoryStorage();
    const first = session(storage);
    await first.start();
    await first.run('docker network create extra', {});
    first.save({});
    const broken = saved(storage);
    const payload = broken.snapshot.state.$zlib!;
    broken.snapshot.state.$zlib = payload.slice(0, payload.length / 2 - ((payload.length / 2) % 4)); // a write cut short
    storage.setItem('k', JSON.stringify(broken));

    const second = session(storage);
    const result = await second.start();
    expect(result.restored).toBe(false);
    expect(result.notice).toMatch(/^This saved lab is damaged and cannot be restored \(.+\)\. Starting from the lesson’s lab\.$/);
    expect(storage.getItem('k')).toBeNull();
    expect(second.lab.query.networks().map((n) => n.name)).not.toContain('extra');
    expect(second.lab.query.containers()).toHaveLength(30);
  }, 30_000);
});
