/**
 * `journalctl [-u UNIT] [-n N] [-f] [-e] [-x] [--since T] [--until T] [--no-pager]` (systemd 252,
 * Debian 12) on a lab host: the journal's docker.service entries — dockerd's
 * own lines and systemd's about the unit (docker/daemon-log.ts) — in the
 * default `short` output: `Jan 12 09:00:00 node1 dockerd[812]: time=...`.
 * Short options combine as systemctl's hint types them (`-xeu docker.service`).
 * -e jumps to the end (the last 1000 lines without a pager); -f prints the
 * last 10 lines, then each new one until Ctrl-C. A unit with no entries
 * prints `-- No entries --`. The lab journals nothing but docker.service.
 */
import type { CommandContext, CommandSpec } from '../types';
import { labCtx, machineOf } from '../docker/engine-access';
import { follow } from '../follow/wait';
import { parseSystemdTime } from './systemd-time';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function stamp(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

interface Opts {
  units: string[];
  lines?: number;
  follow: boolean;
  end: boolean;
  since?: string;
  until?: string;
  /** FIELD=VALUE matches were given (the lab keeps no fields to match). */
  matches?: boolean;
}

/** The options that take a value, short and long. */
const WITH_VALUE = new Set(['u', 'n', 'unit', 'lines', 'since', 'until', 'S', 'U', 'output', 'o', 'b', 'boot', 'priority', 'p']);

function parseArgs(argv: string[]): Opts | string {
  const o: Opts = { units: [], follow: false, end: false };
  const set = (name: string, value: string | undefined): string | undefined => {
    if (name === 'u' || name === 'unit') o.units.push(value ?? '');
    else if (name === 'n' || name === 'lines') {
      if (value === undefined || value === 'all') o.lines = value === 'all' ? Infinity : 10;
      else if (/^\+?\d+$/.test(value)) o.lines = Number(value);
      else return `Failed to parse lines '${value}'.`;
    } else if (name === 'f' || name === 'follow') o.follow = true;
    else if (name === 'e' || name === 'pager-end') o.end = true;
    else if (name === 'since' || name === 'S') o.since = value;
    else if (name === 'until' || name === 'U') o.until = value;
    return undefined;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [name, value] = a.slice(2).split(/=(.*)/s, 2);
      const needs = WITH_VALUE.has(name) && value === undefined && name !== 'lines' && name !== 'boot';
      const err = set(name, needs ? argv[++i] : value);
      if (err) return err;
      continue;
    }
    if (!a.startsWith('-') || a === '-') {
      // A match is FIELD=VALUE or a path; the lab's journal has nothing a match would select.
      if (!a.includes('=') && !a.startsWith('/')) return `Failed to add match '${a}': Invalid argument`;
      o.matches = true;
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const name = a[j];
      if (!WITH_VALUE.has(name)) {
        set(name, undefined);
        continue;
      }
      const rest = a.slice(j + 1);
      // -n takes its value only when attached (`-n5`); `-n 5` is also accepted when a number follows.
      const value = rest || (name === 'n' && !/^\+?\d+$/.test(argv[i + 1] ?? '') ? undefined : argv[++i]);
      const err = set(name, value);
      if (err) return err;
      break;
    }
  }
  return o;
}

function unitName(u: string): string {
  return u.includes('.') ? u : `${u}.service`;
}

function run(ctx: CommandContext): Promise<number> | number {
  const o = parseArgs(ctx.argv.slice(1));
  if (typeof o === 'string') {
    ctx.stderr(`${o}\n`);
    return 1;
  }
  const lab = labCtx(ctx);
  const machine = machineOf(ctx);
  const window: { since?: number; until?: number } = {};
  for (const key of ['since', 'until'] as const) {
    const v = o[key];
    if (v === undefined) continue;
    const t = parseSystemdTime(v, lab.clock.now());
    if (t === undefined) {
      ctx.stderr(`Failed to parse timestamp: ${v}\n`);
      return 1;
    }
    window[key] = t;
  }
  const journal = lab.state.machines[machine]?.docker?.journal ?? [];
  const ours = !o.matches && (o.units.length === 0 || o.units.some((u) => unitName(u) === 'docker.service'));
  // journald keeps microseconds: an entry of the same second as --since is after it when its time is.
  const entries = ours ? journal.filter((e) => (window.since === undefined || e.t >= window.since) && (window.until === undefined || e.t <= window.until)) : [];
  const limit = o.lines ?? (o.follow ? 10 : o.end ? 1000 : Infinity);
  const first = limit === Infinity ? 0 : Math.max(0, entries.length - limit);
  if (!entries.length) ctx.stdout('-- No entries --\n');
  for (const e of entries.slice(first)) ctx.stdout(`${stamp(e.t)} ${machine} ${e.line}\n`);
  if (!o.follow) return 0;
  let shown = journal.length;
  const flush = () => {
    const now = ours ? (labCtx(ctx).state.machines[machine]?.docker?.journal ?? []) : [];
    for (; shown < now.length; shown++) ctx.stdout(`${stamp(now[shown].t)} ${machine} ${now[shown].line}\n`);
  };
  return follow(ctx, flush).then((interrupted) => (interrupted ? 130 : 0));
}

export const journalctl: CommandSpec = {
  name: 'journalctl',
  usage: 'journalctl [OPTIONS...] [MATCHES...]',
  summary: 'Query the journal.',
  run,
};
