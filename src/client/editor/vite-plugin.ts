/**
 * Keeps monaco's CSS inside monaco's lazy chunk.
 *
 * monaco's ESM files `import './x.css'`. Astro links every CSS file reached
 * from any client script on every page, so those imports would put ~100 KB
 * of editor CSS on pages without an editor. This plugin resolves each CSS
 * import made from inside monaco-editor to a virtual JS module that imports
 * the CSS as a string (`?inline`) and injects a <style> when the chunk runs.
 * The virtual id must not look like CSS (end in, or contain, `.css` before a
 * query), or Vite and Astro would treat it as a stylesheet again.
 *
 * Wire both plugins in astro.config.mjs:  vite: { plugins: monacoPlugins() }
 */
import type { Plugin } from 'vite';

const PREFIX = '\0dnho-monaco-style:';
const SUFFIX = '.style.js';

const MONACO = /[\\/]node_modules[\\/]monaco-editor[\\/]/;

export function monacoCssInline(): Plugin {
  return {
    name: 'dnho:monaco-css-inline',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !MONACO.test(importer) || !/\.css$/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || resolved.external) return null;
      return PREFIX + resolved.id.replace(/\.css$/, SUFFIX);
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const file = `${id.slice(PREFIX.length, -SUFFIX.length)}.css`;
      return [
        `import css from ${JSON.stringify(`${file}?inline`)};`,
        'const style = document.createElement("style");',
        'style.dataset.monaco = "";',
        'style.textContent = css;',
        'document.head.append(style);',
      ].join('\n');
    },
  };
}

const WORKER_HOST = /[\\/]monaco-editor[\\/]esm[\\/]vs[\\/]internal[\\/]common[\\/]workers\.js$/;

/**
 * Keeps "only the features we register" true for language workers.
 *
 * In monaco 0.57, `internal/common/workers.js` (used by the JSON, CSS, HTML
 * and TypeScript language features to start their worker) begins with a
 * side-effect import of every editor contribution, so any JSON editor pulls
 * in all ~60 features (~175 KB gzip). Its own code needs none of them: it
 * only calls `editor.createWebWorker`. This drops those bare
 * `import '…';` lines from that one file; the features the editor uses are
 * registered explicitly in monaco-editor.ts.
 */
export function monacoOnlyRegisteredFeatures(): Plugin {
  return {
    name: 'dnho:monaco-only-registered-features',
    enforce: 'pre',
    transform(code, id) {
      if (!WORKER_HOST.test(id.split('?')[0])) return null;
      return { code: code.replace(/^import '[^']+';\r?\n/gm, ''), map: null };
    },
  };
}

/** Both plugins, for astro.config.mjs: `vite: { plugins: monacoPlugins() }`. */
export function monacoPlugins(): Plugin[] {
  return [monacoCssInline(), monacoOnlyRegisteredFeatures()];
}
