#!/usr/bin/env node
/**
 * Site figures, printed, not asserted:
 *  - build time (astro build, with the e2e fixture lesson);
 *  - per lesson page: time from navigation start to the first terminal being
 *    ready (`performance.mark('dnho-terminal-ready:*')`), without and with 4x
 *    CPU throttling (CDP Emulation.setCPUThrottlingRate);
 *  - JS bytes a lesson page loads, gzipped (level 6, what a typical static server
 *    sends): what arrived before the terminal was ready (the critical path) and
 *    everything once the page has been idle (the emulator preloads the code of
 *    its programs then), split into the emulator's chunks, the terminal's (xterm)
 *    chunk and the page's own; each emulator chunk is listed for one page; pages
 *    with an editor also once monaco is loaded;
 *  - first contentful paint;
 *  - main-thread responsiveness (PerformanceObserver 'longtask'): the longest
 *    task that started after the terminal was ready (the idle-time preload of
 *    the programs' code runs then), and the total blocking time (the sum of
 *    each long task's time over 50 ms) from navigation to 2 s after ready.
 *  The machine's load average is printed: on a shared machine the times move with it.
 *
 * Usage: npm run bench:site [-- --no-build] [-- --runs 3]
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { cpus, loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { scriptRoles } from './script-roles.mjs';

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

/** Waits until no script has arrived for `quietMs` (the idle-time preloads are done). */
async function settleScripts(page, scripts, quietMs = 800) {
  let count = -1;
  while (count !== scripts.length) {
    count = scripts.length;
    await page.waitForTimeout(quietMs);
  }
  await page.waitForLoadState('networkidle');
}

/**
 * Loads a page in a fresh context; returns ms to ready and its JS, gzipped:
 * what arrived before the terminal was ready (the critical path) and, once the
 * page has been idle long enough for the emulator to preload its programs, all of it.
 */
async function measure(browser, path, throttle, weigh) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (throttle > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  }
  // Buffered from the start of the page: long tasks before the script that reads them ran are kept.
  await page.addInitScript(() => {
    window.__dnhoLongTasks = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__dnhoLongTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // no longtask support: the figures print as NaN
    }
  });
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
  const { longestAfterReady, blocking } = await longTasks(page, ready);
  if (!weigh) {
    await context.close();
    return { ready, fcp, longestAfterReady, blocking };
  }
  // The emulator preloads its programs in idle time after the terminal is ready (requestIdleCallback, 1 s at most).
  await page.waitForTimeout(1200);
  await settleScripts(page, scripts);
  const arrived = await page.evaluate(() =>
    Object.fromEntries(performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js')).map((e) => [new URL(e.name).pathname.split('/').pop(), e.responseEnd])),
  );
  const chunks = await gzipChunks(scripts, (name) => arrived[name] !== undefined && arrived[name] <= ready);
  const editor = (await page.locator('dnho-editor').count()) > 0;
  let withEditor;
  if (editor) {
    // The Editor loads monaco only when it is used: scroll to it and wait until it is up.
    await page.locator('dnho-editor').first().scrollIntoViewIfNeeded();
    await page
      .waitForFunction(() => document.querySelector('dnho-editor')?.getAttribute('data-state') !== 'loading', null, { timeout: 60_000 })
      .catch(() => undefined);
    await settleScripts(page, scripts);
    withEditor = sum(await gzipChunks(scripts, () => false));
  }
  await context.close();
  return { ready, fcp, longestAfterReady, blocking, chunks, editor, withEditor };
}

/** Ms after the ready mark that the long-task figures cover. */
const AFTER_READY_MS = 2000;

/**
 * Waits until `AFTER_READY_MS` after `ready`, then: the longest task that
 * started after ready, and the total blocking time from navigation to then.
 */
async function longTasks(page, ready) {
  if (!Number.isFinite(ready)) return { longestAfterReady: NaN, blocking: NaN };
  const end = ready + AFTER_READY_MS;
  await page.waitForFunction((t) => performance.now() >= t, end, { polling: 100, timeout: 30_000 }).catch(() => undefined);
  // A task still running at `end` is reported once it ends: give it a moment to be.
  await page.waitForTimeout(100);
  const tasks = await page.evaluate(() => window.__dnhoLongTasks ?? null);
  if (!tasks) return { longestAfterReady: NaN, blocking: NaN };
  const longestAfterReady = Math.max(0, ...tasks.filter((t) => t.start >= ready && t.start < end).map((t) => t.duration));
  const blocking = tasks.filter((t) => t.start < end).reduce((n, t) => n + Math.max(0, Math.min(t.duration, end - t.start) - 50), 0);
  return { longestAfterReady, blocking };
}

const sum = (chunks, keep = () => true) => chunks.filter(keep).reduce((n, c) => n + c.gzip, 0);

/** Every script as { name, gzip, beforeReady, role } (role: script-roles.mjs). */
async function gzipChunks(responses, beforeReady) {
  const byName = new Map();
  for (const response of responses) {
    const name = new URL(response.url()).pathname.split('/').pop();
    if (byName.has(name)) continue;
    byName.set(name, await response.body().catch(() => Buffer.alloc(0)));
  }
  const roles = scriptRoles(new Map([...byName].map(([name, body]) => [name, body.toString('utf8')])));
  return [...byName].map(([name, body]) => ({
    name,
    gzip: gzipSync(body, { level: 6 }).length,
    beforeReady: beforeReady(name),
    role: roles.get(name),
  }));
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
      const longest = [];
      const longest4x = [];
      const blocking = [];
      const blocking4x = [];
      let first;
      for (let i = 0; i < runs; i++) {
        const m = await measure(browser, path, 1, i === 0);
        first ??= m;
        plain.push(m.ready);
        paints.push(m.fcp);
        longest.push(m.longestAfterReady);
        blocking.push(m.blocking);
        const s = await measure(browser, path, 4, false);
        slow.push(s.ready);
        longest4x.push(s.longestAfterReady);
        blocking4x.push(s.blocking);
      }
      rows.push({
        slug, fcp: median(paints), ready: median(plain), ready4x: median(slow),
        longest: median(longest), longest4x: median(longest4x), blocking: median(blocking), blocking4x: median(blocking4x),
        chunks: first.chunks, editor: first.editor, withEditor: first.withEditor,
      });
    }
  } finally {
    await browser?.close();
    // SIGKILL: npm exec and astro preview outlived a SIGTERM to their process group.
    process.kill(-server.pid, 'SIGKILL');
  }

  const kb = (n) => (n / 1024).toFixed(1);
  const before = (c) => c.beforeReady;
  const role = (r) => (c) => c.role === r;
  console.log(`\nbuild (astro build + pagefind): ${Number.isFinite(buildSeconds) ? buildSeconds.toFixed(1) + ' s' : 'skipped'}`);
  console.log(`median of ${runs} runs, fresh browser context each (cold cache); load average ${loadavg().map((n) => n.toFixed(1)).join(' ')} on ${cpus().length} CPUs`);
  console.log('JS in KB gzipped: "before ready" arrived before the terminal was ready (the critical path), "after idle" is all of it once the emulator has preloaded its programs\n');
  console.log(
    'lesson'.padEnd(18) + 'paint ms'.padStart(9) + 'ready ms'.padStart(10) + 'ready 4x CPU'.padStart(14) + 'before ready'.padStart(14) + 'after idle'.padStart(12) +
      'emulator before/after'.padStart(23) + 'xterm'.padStart(7) + 'page'.padStart(6) + 'with editor open'.padStart(18) +
      'longest task after ready 1x/4x'.padStart(32) + 'TBT to ready+2s 1x/4x'.padStart(23),
  );
  const pair = (a, b) => `${a.toFixed(0)}/${b.toFixed(0)}`;
  for (const r of rows) {
    const c = r.chunks;
    const emulator = `${kb(sum(c, (x) => x.role === 'emulator' && x.beforeReady))}/${kb(sum(c, role('emulator')))}`;
    console.log(
      r.slug.padEnd(18) + r.fcp.toFixed(0).padStart(9) + r.ready.toFixed(0).padStart(10) + r.ready4x.toFixed(0).padStart(14) + kb(sum(c, before)).padStart(14) + kb(sum(c)).padStart(12) +
        emulator.padStart(23) + kb(sum(c, role('xterm'))).padStart(7) + kb(sum(c, role('page'))).padStart(6) + (r.editor ? kb(r.withEditor) : '-').padStart(18) +
        pair(r.longest, r.longest4x).padStart(32) + pair(r.blocking, r.blocking4x).padStart(23),
    );
  }
  const sample = rows.find((r) => !r.editor) ?? rows[0];
  if (sample) {
    console.log(`\nthe emulator's chunks on ${sample.slug} (KB gzipped; * = arrived before the terminal was ready):`);
    for (const c of sample.chunks.filter(role('emulator')).sort((a, b) => b.gzip - a.gzip)) console.log(`  ${c.beforeReady ? '*' : ' '} ${kb(c.gzip).padStart(6)}  ${c.name}`);
  }
  const plain = rows.filter((r) => !r.editor);
  const edited = rows.filter((r) => r.editor);
  if (plain.length) {
    console.log(`\nJS gzip, lesson without an editor: median ${kb(median(plain.map((r) => sum(r.chunks, before))))} KB before the terminal is ready, ${kb(median(plain.map((r) => sum(r.chunks))))} KB after idle (${plain.length} pages)`);
  }
  if (edited.length) {
    console.log(
      `JS gzip, lesson with an editor: ${kb(median(edited.map((r) => sum(r.chunks, before))))} KB before ready, ${kb(median(edited.map((r) => sum(r.chunks))))} KB after idle, ${kb(median(edited.map((r) => r.withEditor)))} KB once the editor is open (${edited.length} pages)`,
    );
  }
  const ready = plain.length ? plain : rows;
  console.log(`terminal ready: median ${median(ready.map((r) => r.ready)).toFixed(0)} ms, ${median(ready.map((r) => r.ready4x)).toFixed(0)} ms with 4x CPU throttling`);
  console.log(
    `longest task after ready (ms, median over pages): ${median(rows.map((r) => r.longest)).toFixed(0)}, ${median(rows.map((r) => r.longest4x)).toFixed(0)} with 4x CPU; ` +
      `total blocking time to ready+${AFTER_READY_MS / 1000} s: ${median(rows.map((r) => r.blocking)).toFixed(0)} ms, ${median(rows.map((r) => r.blocking4x)).toFixed(0)} ms with 4x CPU`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
