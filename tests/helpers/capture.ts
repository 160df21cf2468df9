/**
 * Driving tcpdump in transcript tests as a student does: started in one
 * terminal, with other lines typed meanwhile "in another tab" (concurrent
 * lab.run calls), stopped by Ctrl-C (an abort) or by -c.
 */
import { expect } from 'vitest';
import { createLab } from '../../src/emulator/index';
import type { EmulatedLab } from '../../src/emulator/lab';
import { sh } from './engine';

export interface Capture {
  out: string;
  err: string;
  status: number;
}

/**
 * Starts `line` (a tcpdump) as if typed in a first tab; once it prints
 * "listening on", runs `others` one by one as if typed in a second tab,
 * then presses Ctrl-C in the first tab (unless -c ended it already).
 */
export async function capture(
  lab: EmulatedLab, line: string, others: (string | { line: string; timeLimitMs: number })[], ctrlC = true,
): Promise<Capture & { others: Capture[] }> {
  let out = '';
  let err = '';
  let listening!: () => void;
  const ready = new Promise<void>((r) => (listening = r));
  const abort = new AbortController();
  const running = lab.run(line, {
    stdout: (t) => (out += t),
    stderr: (t) => {
      err += t;
      if (t.includes('listening on ')) listening();
    },
    signal: abort.signal,
  });
  const ended = running.then(() => listening());
  await Promise.race([ready, ended]);
  const results: Capture[] = [];
  for (const o of others) results.push(typeof o === 'string' ? await sh(lab, o) : await sh(lab, o.line, o.timeLimitMs));
  if (ctrlC) abort.abort();
  const status = await running;
  return { out, err, status, others: results };
}

export function ok(results: Capture[]): void {
  for (const r of results) expect(r.status, r.err).toBe(0);
}

export const BANNER = 'tcpdump: verbose output suppressed, use -v[v]... for full protocol decode\n';
export const T = '\\d\\d:\\d\\d:\\d\\d\\.\\d{6}';

/** web (nginx) and client (alpine) on the user-defined bridge mynet, web published on 8080. */
export async function webLab(seed = 1): Promise<EmulatedLab> {
  const lab = createLab({ seed }) as EmulatedLab;
  for (const l of ['docker pull -q nicolaka/netshoot', 'docker network create mynet', 'docker run -d --name web --network mynet -p 8080:80 nginx', 'docker run -d --name client --network mynet alpine sleep 1d']) {
    const r = await sh(lab, l);
    if (r.status !== 0) throw new Error(r.err);
  }
  return lab;
}

/** A line's timestamp in seconds since midnight. */
export function secondsOf(line: string): number {
  const [h, m, sec] = line.slice(0, 15).split(':').map(Number);
  return h * 3600 + m * 60 + sec;
}

export function lines(text: string): string[] {
  return text.split('\n').filter(Boolean);
}

/** A netshoot sharing client's namespace (its eth0, its resolver). */
export const SHOOT = 'docker run --rm --net container:client nicolaka/netshoot';
