// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { monacoPlugins } from './src/client/editor/vite-plugin.ts';
import { terminalPreload } from './src/terminal/preload-integration.ts';
import { emulatorChunks } from './src/terminal/emulator-chunks.ts';

/**
 * Schools serve the built site from wherever they can: a web root, or a
 * sub-path of an existing intranet server. `BASE_PATH=/courses/docker npm run build`
 * builds links and assets for that sub-path. Astro wants a leading slash.
 */
function basePath() {
  const raw = (process.env.BASE_PATH ?? '/').trim();
  if (raw === '' || raw === '/') return '/';
  return '/' + raw.replace(/^\/+|\/+$/g, '');
}

export default defineConfig({
  base: basePath(),
  // Several people build and test this tree at once: DNHO_OUT_DIR=/tmp/x keeps one build (and the
  // preview server that serves it, which reads this same config) away from another's dist/.
  outDir: process.env.DNHO_OUT_DIR || './dist',
  // Directory-style URLs (`/lessons/slug/`) are what every static server serves without rewrites.
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Offline classrooms: no telemetry, no prefetching of remote things, nothing outside the origin.
  devToolbar: { enabled: false },
  vite: {
    // monaco's CSS stays inside its lazy chunk (pages without an <Editor> link none of it), and its
    // language workers pull in only the editor features monaco-editor.ts registers. The emulator's
    // engine is one chunk; the code of its programs is in chunks it loads on first use.
    plugins: [...monacoPlugins(), emulatorChunks()],
    // Starlight loads Pagefind's search UI on every page once idle; this loads it when search opens.
    resolve: {
      alias: [{ find: /^@pagefind\/default-ui$/, replacement: fileURLToPath(new URL('./src/client/pagefind-on-demand.ts', import.meta.url)) }],
    },
    build: {
      rolldownOptions: {
        // Every MDX page triggers a "module level directive" note about Astro's own
        // `use astro:head-inject` marker; it is harmless and drowns real warnings.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  },
  integrations: [
    // Lesson pages fetch the emulator and xterm while the page is still parsing.
    terminalPreload(),
    starlight({
      title: 'Docker Networking, Hands-On',
      description: 'A self-paced course on Docker networking with an in-browser Docker host.',
      // The course home is our own page (src/pages/index.astro); lessons come from content/lessons.
      // The sidebar and previous/next are built in course order by the route middleware.
      sidebar: [{ label: 'Course home', link: '/' }],
      routeMiddleware: './src/layouts/course-navigation.ts',
      components: {
        PageTitle: './src/components/LessonTitle.astro',
      },
      customCss: ['./src/styles/course.css'],
      // The lessons live outside src/content/docs; Starlight's asides, heading links and
      // code frames must still apply to them.
      markdown: { processedDirs: ['./content/', './e2e/fixtures/'] },
      lastUpdated: false,
      pagination: true,
      credits: false,
    }),
  ],
});
