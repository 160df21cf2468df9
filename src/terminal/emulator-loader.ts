/**
 * The emulator's `createLab`, loaded on demand: the emulator is the largest
 * part of a lesson page's JavaScript, so it is its own chunk, requested as
 * soon as the page's terminal script runs and downloaded alongside xterm.
 * That chunk is the engine a ready terminal needs; the code of the programs
 * (docker, the net and text tools) is in further chunks the emulator loads
 * on first use, and that `preloadToolsWhenIdle` fetches once a terminal is
 * ready, so a student's first command does not wait for them.
 * Found through Vite's glob import so that the site still builds (and shows
 * a clear message in the terminal) while `src/emulator/index.ts` is missing,
 * e.g. in a partial checkout.
 */
import type { Lab, LabOptions, LabSnapshot } from '../emulator/api';
import type { LabRestorer } from './lab-session';
import { runStepsWhenIdle } from './idle-steps';

type EmulatorModule = {
  createLab(options?: LabOptions): Lab;
  restoreLab?(snapshot: LabSnapshot, options?: LabOptions): Lab;
  preloadTools?(): Promise<void>;
};
export type LabFactoryFn = (options: LabOptions) => Lab;

/** A pack of programs whose code the emulator loads on first use (src/emulator/commands/lazy-pack.ts). */
type ToolPack = { load(): Promise<void> };
type RegistryModule = { LAZY_PACKS?: readonly ToolPack[] };

const modules = import.meta.glob<EmulatorModule>('../emulator/index.ts');
/** The emulator's list of packs, so that the preload can load them one at a time (the registry is in the engine's chunk). */
const registries = import.meta.glob<RegistryModule>('../emulator/commands/registry.ts');

/** The longest a preload step waits for the browser to be idle. */
const IDLE_TIMEOUT_MS = 1000;

let loading: Promise<EmulatorModule> | undefined;
let toolsRequested = false;

async function load(): Promise<EmulatorModule> {
  const importer = modules['../emulator/index.ts'];
  if (!importer) throw missing();
  const mod = await importer();
  if (typeof mod.createLab !== 'function') throw missing();
  return mod;
}

function missing(): Error {
  return new Error('the emulator is missing from this build (src/emulator/index.ts does not export createLab)');
}

function loadModule(): Promise<EmulatorModule> {
  loading ??= load();
  // A failed load (a chunk that did not arrive) may be retried by the next caller.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** Starts loading the emulator (once per page) and resolves to its lab factory. */
export async function loadEmulator(): Promise<LabFactoryFn> {
  const mod = await loadModule();
  return (options) => mod.createLab(options);
}

/** The emulator's restoreLab (a lab straight from a snapshot), if it has one. */
export async function loadLabRestorer(): Promise<LabRestorer | undefined> {
  const mod = await loadModule();
  const restoreLab = mod.restoreLab;
  return restoreLab ? (snapshot, options) => restoreLab(snapshot, options) : undefined;
}

/**
 * Fetches the programs' code when the browser is idle (once per page; every
 * terminal calls it when it is ready), one pack per idle callback, each once
 * the previous one is in: evaluating the packs' code (~400 KB minified) in
 * one go blocked the page for a long task just after its terminal was ready.
 * A last step asks the emulator for any pack not preloaded (none, unless
 * the registry could not be found). A chunk that fails to arrive now is
 * fetched again when its program is first used.
 */
export function preloadToolsWhenIdle(): void {
  if (toolsRequested) return;
  toolsRequested = true;
  const preload = async (): Promise<void> => {
    const packs = (await registries['../emulator/commands/registry.ts']?.())?.LAZY_PACKS ?? [];
    const steps = packs.map((pack) => () => pack.load());
    await runStepsWhenIdle([...steps, () => loadModule().then((mod) => mod.preloadTools?.())], IDLE_TIMEOUT_MS);
  };
  preload().catch(() => undefined);
}
