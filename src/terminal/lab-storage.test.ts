import { describe, expect, it } from 'vitest';
import { LabStore, setupFingerprint, storageKey } from './lab-storage';

class MemoryStorage {
  map = new Map<string, string>();
  failWrites = false;
  getItem(k: string) { return this.map.get(k) ?? null; }
  setItem(k: string, v: string) {
    if (this.failWrites) throw new Error('QuotaExceededError');
    this.map.set(k, v);
  }
  removeItem(k: string) { this.map.delete(k); }
}

const snapshot = { format: 'docker-networking-lab' as const, version: 1, state: { x: 1 } };

describe('LabStore', () => {
  it('round-trips a snapshot and history', () => {
    const storage = new MemoryStorage();
    const store = new LabStore(storage, storageKey('lessons/a', 'main'), 'f1');
    expect(store.load()).toEqual({ kind: 'none' });
    expect(store.save(snapshot, { node1: ['ls'] })).toBeUndefined();
    expect(store.load()).toEqual({ kind: 'saved', saved: { v: 1, setup: 'f1', snapshot, history: { node1: ['ls'] } } });
  });

  it('reports corrupt JSON, a foreign value and a changed lesson without throwing', () => {
    const storage = new MemoryStorage();
    const key = storageKey('l', 'main');
    const store = new LabStore(storage, key, 'f1');
    storage.map.set(key, '{not json');
    expect(store.load()).toMatchObject({ kind: 'unusable', reason: expect.stringContaining('not valid JSON') });
    storage.map.set(key, JSON.stringify({ v: 1, setup: 'f1', snapshot: { format: 'other' } }));
    expect(store.load()).toMatchObject({ kind: 'unusable', reason: expect.stringContaining('no lab snapshot') });
    storage.map.set(key, JSON.stringify({ v: 1, setup: 'f0', snapshot }));
    expect(store.load()).toMatchObject({ kind: 'unusable', reason: expect.stringContaining('changed') });
  });

  it('turns a refused write into a message', () => {
    const storage = new MemoryStorage();
    storage.failWrites = true;
    expect(new LabStore(storage, 'k', 'f').save(snapshot, {})).toContain('Quota');
  });

  it('fingerprints setups by content', () => {
    expect(setupFingerprint({ setup: ['a'] })).toBe(setupFingerprint({ setup: ['a'] }));
    expect(setupFingerprint({ setup: ['a'] })).not.toBe(setupFingerprint({ setup: ['b'] }));
  });
});
