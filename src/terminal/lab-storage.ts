/**
 * Keeps a student's lab across reloads: one localStorage entry per lesson and
 * lab key, rewritten after every command. Storage can be missing, full or
 * hold anything (an older format, a hand-edited value); every failure here
 * becomes a message for the student, never an exception.
 */
import type { LabSnapshot } from '../emulator/api';

export interface SavedLab {
  v: 1;
  /** Fingerprint of the lesson's lab setup; a changed lesson invalidates old saves. */
  setup: string;
  snapshot: LabSnapshot;
  /** Command history per terminal tab (host name). */
  history: Record<string, string[]>;
}

export type LoadResult =
  | { kind: 'none' }
  | { kind: 'saved'; saved: SavedLab }
  | { kind: 'unusable'; reason: string };

export function storageKey(lesson: string, lab: string): string {
  return `dnho-lab-v1:${lesson}:${lab}`;
}

/** A short, stable fingerprint of a lab's definition (FNV-1a over its JSON). */
export function setupFingerprint(setup: unknown): string {
  const text = JSON.stringify(setup ?? null);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

export class LabStore {
  constructor(
    private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined,
    private readonly key: string,
    private readonly fingerprint: string,
  ) {}

  load(): LoadResult {
    let raw: string | null;
    try {
      raw = this.storage?.getItem(this.key) ?? null;
    } catch {
      return { kind: 'none' };
    }
    if (raw === null) return { kind: 'none' };
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      return { kind: 'unusable', reason: 'the saved lab is not valid JSON' };
    }
    return validate(data, this.fingerprint);
  }

  /** Returns an error message when the browser refuses to store (quota, private mode). */
  save(snapshot: LabSnapshot, history: Record<string, string[]>): string | undefined {
    const saved: SavedLab = { v: 1, setup: this.fingerprint, snapshot, history };
    try {
      this.storage?.setItem(this.key, JSON.stringify(saved));
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  clear(): void {
    try {
      this.storage?.removeItem(this.key);
    } catch {
      // Nothing to do: a storage that cannot remove cannot have saved either.
    }
  }
}

function validate(data: unknown, fingerprint: string): LoadResult {
  if (typeof data !== 'object' || data === null) return { kind: 'unusable', reason: 'the saved lab is not an object' };
  const saved = data as Partial<SavedLab>;
  if (saved.v !== 1) return { kind: 'unusable', reason: `the saved lab has format version ${String(saved.v)}, expected 1` };
  if (saved.setup !== fingerprint) return { kind: 'unusable', reason: 'the lesson’s lab has changed since it was saved' };
  const snap = saved.snapshot as Partial<LabSnapshot> | undefined;
  if (!snap || snap.format !== 'docker-networking-lab') return { kind: 'unusable', reason: 'the saved lab holds no lab snapshot' };
  const history: Record<string, string[]> = {};
  if (saved.history && typeof saved.history === 'object') {
    for (const [host, lines] of Object.entries(saved.history)) {
      if (Array.isArray(lines)) history[host] = lines.filter((l): l is string => typeof l === 'string');
    }
  }
  return { kind: 'saved', saved: { v: 1, setup: fingerprint, snapshot: snap as LabSnapshot, history } };
}
