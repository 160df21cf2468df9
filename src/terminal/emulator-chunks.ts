/**
 * Keeps the emulator's engine in one chunk. The emulator's entry
 * (src/emulator/index.ts) and the packs of programs it loads on first use
 * (src/emulator/commands/registry.ts) share most of the engine, and left to
 * itself Rolldown puts each set of modules shared by a different set of
 * entries in its own chunk: the engine a lesson page needs before its
 * terminal is ready came in four files, each a request of its own on the
 * critical path (six at a time over HTTP/1.1, behind the page's other scripts).
 * Everything the entry imports statically goes to the chunk `emulator`; the
 * packs import it from there. Modules the page's own code imports too (Vite's
 * preload helper, which the emulator's `import()`s use) stay out: the page
 * would otherwise import the whole engine to get them. Build-time only.
 */
import type { Plugin } from 'vite';

const ENTRY = /[\\/]src[\\/]emulator[\\/]index\.ts$/;
const EMULATOR = /[\\/]src[\\/]emulator[\\/]/;

interface ModuleGraph {
  getModuleIds(): IterableIterator<string>;
  getModuleInfo(id: string): { importedIds: readonly string[] } | null;
}

/** The entry and every module it imports statically, directly or not. */
export function staticClosure(graph: ModuleGraph, isEntry: (id: string) => boolean): Set<string> {
  const seen = new Set<string>();
  const visit = (id: string): void => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const next of graph.getModuleInfo(id)?.importedIds ?? []) visit(next);
  };
  for (const id of graph.getModuleIds()) if (isEntry(id)) visit(id);
  return seen;
}

/**
 * `engine`: what the entry imports statically and no code outside the
 * emulator does; `shared`: what the entry imports that the page's code does too.
 */
export function engineModules(graph: ModuleGraph): { engine: Set<string>; shared: Set<string> } {
  const engine = staticClosure(graph, (id) => ENTRY.test(id));
  const page = staticClosure(graph, (id) => !engine.has(id) && !EMULATOR.test(id));
  const shared = new Set<string>();
  for (const id of page) {
    if (engine.delete(id)) shared.add(id);
  }
  return { engine, shared };
}

export function emulatorChunks(): Plugin {
  let modules = { engine: new Set<string>(), shared: new Set<string>() };
  return {
    name: 'dnho:emulator-chunks',
    apply: 'build',
    config() {
      // A group takes the modules its own modules import too; the shared ones are claimed first by a
      // group of their own (higher priority), so they stay out of the engine's chunk.
      const groups = [
        { name: 'emulator', test: (id: string) => modules.engine.has(id) },
        { name: 'shared', test: (id: string) => modules.shared.has(id), priority: 1 },
      ];
      return { build: { rolldownOptions: { output: { codeSplitting: { groups } } } } };
    },
    buildEnd() {
      // Chunks are made after the module graph is complete, so the group's test sees the whole engine.
      modules = engineModules(this);
    },
  };
}
