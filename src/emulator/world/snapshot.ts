/**
 * Snapshots out and in. Out: the state compacted, delta-encoded and, when
 * large, compressed (snapshot-compact.ts, snapshot-delta.ts,
 * snapshot-compress.ts). In: a snapshot restores only when it is ours and of
 * a version this code understands; anything else is rejected whole with a
 * message the site can show ("your saved lab is from an older version of the
 * course").
 *
 * `version` is the LabState's own (LAB_STATE_VERSION): it changes when the
 * state's shape does. The encodings are told apart by their shape (a
 * `$delta` collection, a `$zlib` state, a full set of chains or not), and
 * every earlier one still restores, so a new encoding keeps the version: a
 * student's saved lab survives the update.
 */
import type { LabSnapshot } from '../api';
import { LAB_STATE_VERSION, type LabState } from './state';
import { compactState, expandState } from './snapshot-compact';
import { COMPRESS_ABOVE_CHARS, compressLarge, decompress, isCompressed } from './snapshot-compress';

export const SNAPSHOT_FORMAT = 'docker-networking-lab';

/** `compressAbove`: the JSON length above which the state is compressed (tests lower it). */
export function makeSnapshot(state: LabState, compressAbove = COMPRESS_ABOVE_CHARS): LabSnapshot {
  return { format: SNAPSHOT_FORMAT, version: LAB_STATE_VERSION, state: compressLarge(compactState(state), compressAbove) };
}

export function checkSnapshot(snapshot: LabSnapshot): LabState {
  if (!snapshot || typeof snapshot !== 'object' || snapshot.format !== SNAPSHOT_FORMAT) {
    throw new Error('This is not a saved lab from this course.');
  }
  if (snapshot.version !== LAB_STATE_VERSION) {
    throw new Error(`This saved lab is from version ${String(snapshot.version)} of the emulator; this course runs version ${LAB_STATE_VERSION}.`);
  }
  const stored = snapshot.state;
  const compressed = isCompressed(stored);
  const s = (compressed ? decompress(stored) : stored) as Partial<LabState> | null;
  const ok = !!s && typeof s === 'object' && s.version === LAB_STATE_VERSION && !!s.net && !!s.machines && !!s.session && !!s.rng && typeof s.clock === 'number';
  if (!ok) throw new Error('This saved lab is damaged and cannot be restored.');
  // expandState works in place: a decompressed state is a fresh value already; the caller's is copied.
  return expandState(compressed ? (s as LabState) : (JSON.parse(JSON.stringify(s)) as LabState));
}
