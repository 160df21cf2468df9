/**
 * Snapshot checks: a snapshot restores only when it is ours and of a version
 * this code understands; anything else is rejected whole with a message the
 * site can show ("your saved lab is from an older version of the course").
 */
import type { LabSnapshot } from '../api';
import { LAB_STATE_VERSION, type LabState } from './state';
import { expandState } from './snapshot-compact';

export const SNAPSHOT_FORMAT = 'docker-networking-lab';

export function checkSnapshot(snapshot: LabSnapshot): LabState {
  if (!snapshot || typeof snapshot !== 'object' || snapshot.format !== SNAPSHOT_FORMAT) {
    throw new Error('This is not a saved lab from this course.');
  }
  if (snapshot.version !== LAB_STATE_VERSION) {
    throw new Error(`This saved lab is from version ${String(snapshot.version)} of the emulator; this course runs version ${LAB_STATE_VERSION}. The lab will start fresh.`);
  }
  const s = snapshot.state as Partial<LabState> | null;
  const ok = !!s && typeof s === 'object' && s.version === LAB_STATE_VERSION && !!s.net && !!s.machines && !!s.session && !!s.rng && typeof s.clock === 'number';
  if (!ok) throw new Error('This saved lab is damaged and cannot be restored. The lab will start fresh.');
  return expandState(JSON.parse(JSON.stringify(s)) as LabState);
}
