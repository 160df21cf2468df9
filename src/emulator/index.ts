/**
 * The emulator's public entry point: `createLab()` builds a lab — Docker
 * hosts on a LAN with a laptop, a router and a simulated internet — and
 * returns a `Lab` to type commands into. Pure TypeScript: runs in Node and in
 * the browser, with no DOM and no real Docker.
 */
import type { Lab, LabOptions, LabSnapshot } from './api';
import { EmulatedLab } from './lab';
import { createLabState } from './world/create';
import { checkSnapshot } from './world/snapshot';

export type * from './api';

/** Builds a new lab. Same seed and same commands → byte-identical transcripts. */
export function createLab(options: LabOptions = {}): Lab {
  const seed = options.seed ?? 1;
  const hosts = Math.max(1, Math.min(options.hosts ?? 1, 16));
  return new EmulatedLab(createLabState(seed, hosts), { realtime: options.realtime ?? false });
}

/**
 * A lab from a snapshot: what `createLab(options)` then `lab.restore(snapshot)`
 * gives, without first building the fresh lab the restore replaces (a page
 * restores a lesson's prebuilt lab, or a student's saved one, before its
 * terminal is ready). The snapshot holds the hosts and the seed's state;
 * `options` gives `realtime`. Throws, as restore does, for a snapshot it cannot use.
 */
export function restoreLab(snapshot: LabSnapshot, options: LabOptions = {}): Lab {
  return new EmulatedLab(checkSnapshot(snapshot), { realtime: options.realtime ?? false });
}

export { DETACH_SEQUENCE } from './lab';

/**
 * Loads the code of every program now instead of on first use (most of the
 * emulator: the docker CLI, the net and text tools). A page calls it once its
 * terminal is ready, so a student's first `ping` does not wait for it.
 */
export { preloadTools } from './commands/registry';
