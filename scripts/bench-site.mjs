#!/usr/bin/env node
/**
 * Site figures, printed, not asserted:
 *  - build time (astro build, with the e2e fixture lesson);
 *  - per lesson page: time from navigation start to the first terminal being
 *    ready (`performance.mark('dnho-terminal-ready:*')`), without and with 4x
 *    CPU throttling (CDP Emulation.setCPUThrottlingRate);
 *  - JS bytes a lesson page loads, gzipped (level 6, what a typical static server
 *    sends), split by pages with and without an editor (monaco), and into the
 *    emulator's chunk, the terminal's (xterm) chunk and the rest;
 *  - first contentful paint. The machine's load average is printed: on a shared
 *    machine the times move with it.
 *
 * Usage: npm run bench:site [-- --no-build] [-- --runs 3]
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { cpus, loadavg } from 'node:os';
import { chromium } from '@playwright/test';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 3;
const PORT = Number(process.env.BENCH_PORT ?? 4392);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const env = { ...process.env, DNHO_FIXTURES: '1', ASTRO_TELEMETRY_DISABLED: '1' };

function build() {
  const started = performance.now();
  const result = spawnSync('npx', ['astro', 'build'], { env, stdio: 'ignore' });
  if (result.status !== 0) throw new Error('astro build failed; run it by hand to see why');
  return (performance.now() - started) / 1000;
}

async function serve() {
  const server = spawn('npx', ['astro', 'preview', '--port', String(PORT), '--host', '127.0.0.1', '--ignore-lock'], { env, stdio: 'ignore', detached: true });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(ORIGIN + '/')).ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('astro preview did not start');
}

function lessonSlugs() {
  const dir = 'content/lessons';
  const slugs = existsSync(dir) ? readdirSync(dir).filter((s) => existsSync(`${dir}/${s}/index.mdx`)) : [];
  return [...slugs, 'zz-fixture'];
}

/** Loads a page in a fresh context; returns ms to ready and the gzipped JS bytes. */
async function measure(browser, path, throttle) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (throttle > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  }
  const scripts = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script' || response.url().endsWith('.js')) scripts.push(response);
  });
  await page.goto(ORIGIN + path);
  const ready = await page
    .waitForFunction(() => performance.getEntriesByType('mark').find((m) => m.name.startsWith('dnho-terminal-ready')), null, { timeout: 60_000, polling: 50 })
    .then((handle) => handle.evaluate((m) => m.startTime))
    .catch(() => NaN);
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
  await page.waitForLoadState('networkidle');
  const parts = await gzipParts(scripts);
  const atLoad = parts.emulator + parts.terminal + parts.rest;
  // The Editor loads monaco only when it is used: scroll to it and wait until it is up.
  const editor = (await page.locator('dnho-editor').count()) > 0;
  let withEditor = atLoad;
  if (editor) {
    await page.locator('dnho-editor').first().scrollIntoViewIfNeeded();
    await page
      .waitForFunction(() => document.querySelector('dnho-editor')?.getAttribute('data-state') !== 'loading', null, { timeout: 60_000 })
      .catch(() => undefined);
    await page.waitForLoadState('networkidle');
    withEditor = await gzipTotal(scripts);
  }
  await context.close();
  return { ready, fcp, gzip: atLoad, withEditor, editor, parts };
}

async function gzipTotal(responses) {
  const parts = await gzipParts(responses);
  return parts.emulator + parts.terminal + parts.rest;
}

/** Gzipped JS split into the emulator's chunk, the terminal's (xterm) chunk and everything else. */
async function gzipParts(responses) {
  const parts = { emulator: 0, terminal: 0, rest: 0 };
  for (const response of responses) {
    const name = new URL(response.url()).pathname.split('/').pop();
    const body = await response.body().catch(() => Buffer.alloc(0));
    const size = gzipSync(body, { level: 6 }).length;
    if (/^emulator\.[\w-]+\.js$/.test(name)) parts.emulator += size;
    else if (/^terminal-element\.[\w-]+\.js$/.test(name)) parts.terminal += size;
    else parts.rest += size;
  }
  return parts;
}

const median = (values) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : NaN;
};

async function main() {
  const noBuild = args.includes('--no-build');
  const buildSeconds = noBuild ? NaN : build();
  const server = await serve();
  let browser;
  const rows = [];
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
    });
    for (const slug of lessonSlugs()) {
      const path = `/lessons/${slug}/`;
      const plain = [];
      const slow = [];
      const paints = [];
      let first;
      for (let i = 0; i < runs; i++) {
        const m = await measure(browser, path, 1);
        first ??= m;
        plain.push(m.ready);
        paints.push(m.fcp);
        slow.push((await measure(browser, path, 4)).ready);
      }
      rows.push({ slug, fcp: median(paints), ready: median(plain), ready4x: median(slow), gzip: first.gzip, withEditor: first.withEditor, editor: first.editor, parts: first.parts });
    }
  } finally {
    await browser?.close();
    // SIGKILL: npm exec and astro preview outlived a SIGTERM to their process group.
    process.kill(-server.pid, 'SIGKILL');
  }

  const kb = (n) => (n / 1024).toFixed(1);
  console.log(`\nbuild (astro build + pagefind): ${Number.isFinite(buildSeconds) ? buildSeconds.toFixed(1) + ' s' : 'skipped'}`);
  console.log(`median of ${runs} runs, fresh browser context each (cold cache); load average ${loadavg().map((n) => n.toFixed(1)).join(' ')} on ${cpus().length} CPUs\n`);
  console.log('lesson'.padEnd(18) + 'paint ms'.padStart(9) + 'ready ms'.padStart(10) + 'ready 4x CPU'.padStart(14) + 'JS gzip KB'.padStart(12) + 'emulator/xterm/rest'.padStart(21) + 'with editor open'.padStart(18));
  for (const r of rows) {
    const open = r.editor ? kb(r.withEditor) : '-';
    const split = [r.parts.emulator, r.parts.terminal, r.parts.rest].map((n) => (n / 1024).toFixed(0)).join('/');
    console.log(r.slug.padEnd(18) + r.fcp.toFixed(0).padStart(9) + r.ready.toFixed(0).padStart(10) + r.ready4x.toFixed(0).padStart(14) + kb(r.gzip).padStart(12) + split.padStart(21) + open.padStart(18));
  }
  const plain = rows.filter((r) => !r.editor);
  const edited = rows.filter((r) => r.editor);
  if (plain.length) console.log(`\nJS gzip, lesson without an editor: median ${kb(median(plain.map((r) => r.gzip)))} KB (${plain.length} pages)`);
  if (edited.length) {
    console.log(`JS gzip, lesson with an editor: ${kb(median(edited.map((r) => r.gzip)))} KB at load, ${kb(median(edited.map((r) => r.withEditor)))} KB once the editor is open (${edited.length} pages)`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
