/**
 * The page-level lab bus: how other islands on a lesson page (the Exercise
 * checker, the Editor) find the lab a terminal drives, without importing the
 * terminal or xterm. Keys are the lesson's lab keys (`main`, …).
 *
 * The registry lives on `globalThis` so that two bundles which each inline a
 * copy of this module still share one bus.
 */
import type { Lab } from '../emulator/api';

export interface LabHandle {
  lab: Lab;
  /** Puts the lab back to the lesson's starting state (fresh lab + setup) and republishes it. */
  reset(): Promise<void>;
  /**
   * Types command lines into the lab's terminal and runs them there, visibly
   * (saved and reported through onCommand like typed ones). Prefer this to
   * `lab.run()` for anything the student should see; present when a terminal
   * owns the lab.
   */
  runInTerminal?(lines: string[]): void;
}

export type LabListener = (handle: LabHandle) => void;
export type CommandListener = (line: string, status: number) => void;

interface Channel {
  handle?: LabHandle;
  labListeners: Set<LabListener>;
  commandListeners: Set<CommandListener>;
}

const GLOBAL_KEY = '__dnhoLabBus_v1';

function channels(): Map<string, Channel> {
  const g = globalThis as unknown as Record<string, Map<string, Channel> | undefined>;
  return (g[GLOBAL_KEY] ??= new Map());
}

function channel(key: string): Channel {
  const all = channels();
  let ch = all.get(key);
  if (!ch) {
    ch = { labListeners: new Set(), commandListeners: new Set() };
    all.set(key, ch);
  }
  return ch;
}

/** A listener that throws must not stop the terminal or the other listeners. */
function safely<A extends unknown[]>(fn: (...args: A) => void, ...args: A): void {
  try {
    fn(...args);
  } catch (error) {
    console.error('[lab-bus] listener failed:', error);
  }
}

/** Announces the lab for `key` (again after each reset or restore). */
export function publishLab(key: string, handle: LabHandle): void {
  const ch = channel(key);
  ch.handle = handle;
  for (const cb of [...ch.labListeners]) safely(cb, handle);
}

/** The lab published for `key`, if any. */
export function currentLab(key: string): LabHandle | undefined {
  return channel(key).handle;
}

/**
 * Calls `cb` with the lab for `key` now if it is published, and again every
 * time it is republished (after a reset). Returns an unsubscribe function.
 */
export function whenLab(key: string, cb: LabListener): () => void {
  const ch = channel(key);
  ch.labListeners.add(cb);
  if (ch.handle) safely(cb, ch.handle);
  return () => ch.labListeners.delete(cb);
}

/** Calls `cb(line, status)` after every command a terminal runs in lab `key`. */
export function onCommand(key: string, cb: CommandListener): () => void {
  const ch = channel(key);
  ch.commandListeners.add(cb);
  return () => ch.commandListeners.delete(cb);
}

/** Called by the terminal after each command it has run (exit status included). */
export function emitCommand(key: string, line: string, status: number): void {
  for (const cb of [...channel(key).commandListeners]) safely(cb, line, status);
}
