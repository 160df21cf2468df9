/**
 * The emulator's `createLab`, loaded on demand: the emulator is the largest
 * part of a lesson page's JavaScript, so it is its own chunk, requested as
 * soon as the page's terminal script runs and downloaded alongside xterm.
 * Found through Vite's glob import so that the site still builds (and shows
 * a clear message in the terminal) while `src/emulator/index.ts` is missing,
 * e.g. in a partial checkout.
 */
import type { Lab, LabOptions } from '../emulator/api';

type EmulatorModule = { createLab(options?: LabOptions): Lab };
export type LabFactoryFn = (options: LabOptions) => Lab;

const modules = import.meta.glob<EmulatorModule>('../emulator/index.ts');

let loading: Promise<LabFactoryFn> | undefined;

async function load(): Promise<LabFactoryFn> {
  const importer = modules['../emulator/index.ts'];
  if (!importer) throw missing();
  const mod = await importer();
  if (typeof mod.createLab !== 'function') throw missing();
  return (options) => mod.createLab(options);
}

function missing(): Error {
  return new Error('the emulator is missing from this build (src/emulator/index.ts does not export createLab)');
}

/** Starts loading the emulator (once per page) and resolves to its lab factory. */
export function loadEmulator(): Promise<LabFactoryFn> {
  loading ??= load();
  // A failed load (a chunk that did not arrive) may be retried by the next caller.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
