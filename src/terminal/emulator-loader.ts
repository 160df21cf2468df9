/**
 * The emulator's `createLab`, found through Vite's glob import so that the
 * site still builds (and shows a clear message in the terminal) while
 * `src/emulator/index.ts` is missing, e.g. in a partial checkout.
 */
import type { Lab, LabOptions } from '../emulator/api';

type EmulatorModule = { createLab(options?: LabOptions): Lab };

const modules = import.meta.glob<EmulatorModule>('../emulator/index.ts', { eager: true });

export function emulatorFactory(): (options: LabOptions) => Lab {
  const mod = modules['../emulator/index.ts'];
  if (!mod || typeof mod.createLab !== 'function') {
    throw new Error('the emulator is missing from this build (src/emulator/index.ts does not export createLab)');
  }
  return (options) => mod.createLab(options);
}
