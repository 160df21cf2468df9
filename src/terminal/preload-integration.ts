/**
 * Starts the terminal's big chunks downloading with the page, not after it.
 *
 * Terminal.astro's script imports the emulator and terminal-element.ts
 * dynamically (pages without a terminal never load them). A module script
 * runs only once the whole document is parsed and laid out, so without help
 * the two largest downloads of a lesson page (~300 KB gzip) begin after
 * first paint and put their whole transfer on the way to a ready terminal.
 * Vite writes no `<link rel="modulepreload">` for dynamic imports, and the
 * chunks' hashed names are only known once the client bundle is written, so:
 * a Vite plugin records those chunks (and the chunks they import statically;
 * Chromium preloads only the module named) and, when the build is done,
 * every page that has a `<dnho-terminal>` gets the links in its <head>.
 *
 * The terminal's own script (Terminal.astro's) is made `async`: as a plain
 * module script it ran only once the whole page was parsed, after the page's
 * other scripts, ~100 ms after its chunks had arrived; async, it runs as soon
 * as they are here (the terminal is above the fold). terminal-element.ts
 * and the script itself wait for the parser where they need what follows.
 * Build-time only; no DOM.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

/** Source modules whose chunks a terminal page needs at once (matched against chunk module ids). */
const EAGER = [/[\\/]src[\\/]emulator[\\/]index\.ts$/, /[\\/]src[\\/]terminal[\\/]terminal-element\.ts$/];

const TERMINAL_TAG = '<dnho-terminal';
/** Terminal.astro's <script>, as Astro names its module. */
const TERMINAL_SCRIPT = /[\\/]src[\\/]components[\\/]Terminal\.astro\?astro&type=script/;

interface ChunkInfo {
  fileName: string;
  imports: string[];
  moduleIds: string[];
}

/** The eager chunks and everything they import statically, in a stable order. */
export function preloadClosure(chunks: ChunkInfo[]): string[] {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const dep of byName.get(name)?.imports ?? []) visit(dep);
  };
  for (const chunk of chunks) {
    if (chunk.moduleIds.some((id) => EAGER.some((re) => re.test(id)))) visit(chunk.fileName);
  }
  return [...seen].filter((name) => name.endsWith('.js')).sort();
}

/** The chunk of Terminal.astro's script, if the bundle has it. */
export function terminalScriptChunk(chunks: ChunkInfo[]): string | undefined {
  return chunks.find((c) => c.moduleIds.some((id) => TERMINAL_SCRIPT.test(id)))?.fileName;
}

/** `html` with the terminal's script tag made `async`; unchanged when the page does not load it. */
export function withAsyncScript(html: string, file: string | undefined, base: string): string {
  if (!file) return html;
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const tag = `<script type="module" src="${prefix}${file}">`;
  return html.includes(tag) ? html.replace(tag, `<script type="module" async src="${prefix}${file}">`) : html;
}

/** `html` with modulepreload links for `files` before `</head>`; unchanged when it has no terminal. */
export function withPreloads(html: string, files: string[], base: string): string {
  if (!html.includes(TERMINAL_TAG) || files.length === 0) return html;
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const links = files.map((file) => `<link rel="modulepreload" href="${prefix}${file}">`).join('');
  return html.replace('</head>', `${links}</head>`);
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

export function terminalPreload(): AstroIntegration {
  let files: string[] = [];
  let script: string | undefined;
  let base = '/';
  const plugin: Plugin = {
    name: 'dnho:terminal-preload',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks: ChunkInfo[] = [];
      for (const item of Object.values(bundle)) {
        if (item.type === 'chunk') chunks.push({ fileName: item.fileName, imports: item.imports, moduleIds: Object.keys(item.modules) });
      }
      // Astro bundles the server and the client separately; only the client's chunks live in _astro/.
      const found = preloadClosure(chunks);
      if (found.some((name) => name.startsWith('_astro/'))) {
        files = found;
        script = terminalScriptChunk(chunks);
      }
    },
  };
  return {
    name: 'dnho:terminal-preload',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [plugin] } });
      },
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (files.length === 0) {
          logger.warn('no terminal chunks found; lesson pages will load them without preloading');
          return;
        }
        let pages = 0;
        for (const file of await htmlFiles(fileURLToPath(dir))) {
          const html = await readFile(file, 'utf8');
          const next = withAsyncScript(withPreloads(html, files, base), script, base);
          if (next === html) continue;
          await writeFile(file, next);
          pages++;
        }
        logger.info(`modulepreload of ${files.length} terminal chunks on ${pages} pages${script ? ', the terminal script async' : ' (no terminal script found to make async)'}`);
      },
    },
  };
}
