/**
 * Which of a lesson page's scripts belong to the emulator, to xterm, or to
 * the page itself, read from the built chunks (used by scripts/bench-site.mjs
 * and e2e/budget.spec.ts). The emulator is split into chunks Vite names after
 * one of their modules (its engine is shared by the entry and the programs
 * loaded on first use), so names alone do not tell: its chunks are its entry
 * (emulator.*.js) and what that imports, statically or with `import()`, minus
 * what the rest of the page imports statically too (Vite's small helpers).
 * xterm is the terminal element's chunk (terminal-element.*.js).
 */

/** Chunk file names a built script imports: statically (`from"./x.js"`) and dynamically (import(`./x.js`)). */
export function chunkImports(text) {
  const found = (re) => [...text.matchAll(re)].map((m) => m[1]);
  return {
    static: found(/(?:from|import)\s*"\.\/([\w.-]+\.js)"/g),
    dynamic: found(/import\(\s*[`'"]\.\/([\w.-]+\.js)[`'"]\s*\)/g),
  };
}

function closure(roots, next) {
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const n of next(name)) visit(n);
  };
  for (const root of roots) visit(root);
  return seen;
}

/**
 * @param {Map<string, string>} scripts file name (e.g. `emulator.MsDeSSyN.js`) → source text, for every script a page loaded
 * @returns {Map<string, 'emulator' | 'xterm' | 'page'>}
 */
export function scriptRoles(scripts) {
  const imports = new Map([...scripts].map(([name, text]) => [name, chunkImports(text)]));
  const entry = [...scripts.keys()].filter((name) => /^emulator\.[\w-]+\.js$/.test(name));
  const emulator = closure(entry, (name) => [...(imports.get(name)?.static ?? []), ...(imports.get(name)?.dynamic ?? [])]);
  const pageRoots = [...scripts.keys()].filter((name) => !emulator.has(name));
  const pageStatic = closure(pageRoots, (name) => imports.get(name)?.static ?? []);
  const roles = new Map();
  for (const name of scripts.keys()) {
    if (emulator.has(name) && !pageStatic.has(name)) roles.set(name, 'emulator');
    else if (/^terminal-element\.[\w-]+\.js$/.test(name)) roles.set(name, 'xterm');
    else roles.set(name, 'page');
  }
  return roles;
}
