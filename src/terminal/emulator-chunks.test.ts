import { describe, expect, it } from 'vitest';
import { engineModules } from './emulator-chunks';

const imports: Record<string, string[]> = {
  '/p/src/emulator/index.ts': ['/p/src/emulator/lab.ts'],
  '/p/src/emulator/lab.ts': ['/p/src/emulator/commands/registry.ts', '/p/src/emulator/lab.ts', '/p/node_modules/fflate/esm/browser.js'],
  // registry.ts reaches docker.ts only through import() (not in importedIds), wrapped in Vite's preload helper.
  '/p/src/emulator/commands/registry.ts': ['/p/src/emulator/commands/lazy-pack.ts', '\0vite/preload-helper.js'],
  '/p/src/emulator/commands/lazy-pack.ts': [],
  '/p/src/emulator/commands/docker/docker.ts': ['/p/src/emulator/lab.ts', '/p/src/emulator/docker/format/template.ts'],
  '/p/src/emulator/docker/format/template.ts': [],
  '/p/node_modules/fflate/esm/browser.js': [],
  '/p/src/terminal/emulator-loader.ts': ['\0vite/preload-helper.js'],
  '\0vite/preload-helper.js': [],
};
const graph = {
  getModuleIds: () => Object.keys(imports)[Symbol.iterator](),
  getModuleInfo: (id: string) => (imports[id] ? { importedIds: imports[id] } : null),
};

describe('the emulator engine chunk', () => {
  it('holds the entry and what it imports statically, not the programs it imports on first use nor what the page imports too', () => {
    const { engine, shared } = engineModules(graph);
    expect([...shared]).toEqual(['\0vite/preload-helper.js']);
    expect([...engine].sort()).toEqual([
      '/p/node_modules/fflate/esm/browser.js',
      '/p/src/emulator/commands/lazy-pack.ts',
      '/p/src/emulator/commands/registry.ts',
      '/p/src/emulator/index.ts',
      '/p/src/emulator/lab.ts',
    ]);
  });
});
