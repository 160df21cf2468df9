/**
 * `journalctl [-u UNIT] [-n N] [-f] [-e] [-x] [-r] [-o short|short-iso|short-precise|cat]
 * [--since T] [--until T] [--no-pager] [--no-hostname]` (systemd 252,
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

/** One entry in the chosen output mode (short: `Jan 12 09:00:00 node1 dockerd[812]: …`). */
function render(e: { t: number; line: string }, machine: string, o: Opts): string {
  if (o.output === 'cat') return `${e.line.replace(/^[^:\s]+\[\d+\]: /, '')}\n`;
  const host = o.noHostname ? '' : ` ${machine}`;
  if (o.output === 'short-iso') return `${new Date(e.t).toISOString().slice(0, 19)}+00:00${host} ${e.line}\n`;
  if (o.output === 'short-precise') return `${stamp(e.t)}.${String(e.t % 1000).padStart(3, '0')}000${host} ${e.line}\n`;
  return `${stamp(e.t)}${host} ${e.line}\n`;
}

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
  reverse: boolean;
  noHostname: boolean;
  output: string;
  since?: string;
  until?: string;
  /** FIELD=VALUE matches were given (the lab keeps no fields to match). */
  matches?: boolean;
}

type Arg = 'none' | 'required' | 'optional';

/** journalctl's getopt table (the options this lab knows), short and long. */
const SHORT: Record<string, Arg> = { u: 'required', n: 'optional', S: 'required', U: 'required', o: 'required', p: 'required', b: 'optional', f: 'none', e: 'none', x: 'none', r: 'none', q: 'none', a: 'none', l: 'none', m: 'none', k: 'none' };
const LONG: Record<string, Arg> = {
  unit: 'required', lines: 'optional', since: 'required', until: 'required', output: 'required', priority: 'required', boot: 'optional',
  follow: 'none', 'pager-end': 'none', catalog: 'none', reverse: 'none', quiet: 'none', 'no-pager': 'none', full: 'none', all: 'none',
  'no-full': 'none', merge: 'none', 'no-hostname': 'none', utc: 'none', 'no-tail': 'none', dmesg: 'none',
};
const ALIAS: Record<string, string> = { u: 'unit', n: 'lines', S: 'since', U: 'until', o: 'output', p: 'priority', b: 'boot', f: 'follow', e: 'pager-end', x: 'catalog', r: 'reverse', q: 'quiet', a: 'all', l: 'full', m: 'merge', k: 'dmesg' };

/** Output modes printed here; the others journalctl has are named so the refusal can say which. */
const OUTPUTS = ['short', 'short-iso', 'short-precise', 'cat'];
const OTHER_OUTPUTS = ['short-full', 'short-iso-precise', 'short-monotonic', 'short-unix', 'short-delta', 'verbose', 'export', 'json', 'json-pretty', 'json-sse', 'json-seq', 'with-unit'];

function apply(o: Opts, name: string, value: string | undefined): string | undefined {
  switch (name) {
    case 'unit':
      o.units.push(value ?? '');
      return undefined;
    case 'lines':
      if (value === undefined || value === 'all') o.lines = value === 'all' ? Infinity : 10;
      else if (/^\+?\d+$/.test(value)) o.lines = Number(value);
      else return `Failed to parse lines '${value}'.`;
      return undefined;
    case 'output':
      if (OTHER_OUTPUTS.includes(value ?? '')) return `journalctl: output mode '${value}' is not available in this lab (short, short-iso, short-precise, cat are)`;
      if (!OUTPUTS.includes(value ?? '')) return `Unknown output format '${value}'.`;
      o.output = value!;
      return undefined;
    case 'follow': o.follow = true; return undefined;
    case 'pager-end': o.end = true; return undefined;
    case 'reverse': o.reverse = true; return undefined;
    case 'no-hostname': o.noHostname = true; return undefined;
    case 'since': o.since = value; return undefined;
    case 'until': o.until = value; return undefined;
    default: return undefined;
  }
}

function parseLong(o: Opts, a: string, next: () => string | undefined): string | undefined {
  const [name, inline] = a.slice(2).split(/=(.*)/s, 2);
  const kind = LONG[name];
  if (kind === undefined) return `journalctl: unrecognized option '--${name}'`;
  if (kind === 'required' && inline === undefined) {
    const v = next();
    if (v === undefined) return `journalctl: option '--${name}' requires an argument`;
    return apply(o, name, v);
  }
  return apply(o, name, inline);
}

/** Combined short options (`-xeu docker.service`); -n also takes a number from the next word (systemd's special case). */
function parseShort(o: Opts, a: string, peek: () => string | undefined, next: () => string | undefined): string | undefined {
  for (let j = 1; j < a.length; j++) {
    const c = a[j];
    const kind = SHORT[c];
    if (kind === undefined) return `journalctl: invalid option -- '${c}'`;
    if (kind === 'none') {
      apply(o, ALIAS[c], undefined);
      continue;
    }
    const rest = a.slice(j + 1);
    let value: string | undefined = rest || undefined;
    if (!value && kind === 'required') value = next();
    if (!value && kind === 'required') return `journalctl: option requires an argument -- '${c}'`;
    if (!value && c === 'n' && /^\+?\d+$/.test(peek() ?? '')) value = next();
    return apply(o, ALIAS[c], value);
  }
  return undefined;
}

function parseArgs(argv: string[]): Opts | string {
  const o: Opts = { units: [], follow: false, end: false, reverse: false, noHostname: false, output: 'short' };
  let i = 0;
  const peek = () => argv[i + 1];
  const next = () => argv[++i];
  for (; i < argv.length; i++) {
    const a = argv[i];
    let err: string | undefined;
    if (a.startsWith('--')) err = parseLong(o, a, next);
    else if (a.startsWith('-') && a !== '-') err = parseShort(o, a, peek, next);
    // A match is FIELD=VALUE or a path; the lab's journal has nothing a match would select.
    else if (!a.includes('=') && !a.startsWith('/')) err = `Failed to add match '${a}': Invalid argument`;
    else o.matches = true;
    if (err) return err;
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
  // -e without -n shows the last 1000 lines; -r with -n shows the newest N.
  const limit = o.lines ?? (o.follow ? 10 : o.end ? 1000 : Infinity);
  const first = limit === Infinity ? 0 : Math.max(0, entries.length - limit);
  if (!entries.length) ctx.stdout('-- No entries --\n');
  const shownEntries = entries.slice(first);
  if (o.reverse) shownEntries.reverse();
  for (const e of shownEntries) ctx.stdout(render(e, machine, o));
  if (!o.follow) return 0;
  let shown = journal.length;
  const flush = () => {
    const now = ours ? (labCtx(ctx).state.machines[machine]?.docker?.journal ?? []) : [];
    for (; shown < now.length; shown++) ctx.stdout(render(now[shown], machine, o));
  };
  return follow(ctx, flush).then((interrupted) => (interrupted ? 130 : 0));
}

export const journalctl: CommandSpec = {
  name: 'journalctl',
  usage: 'journalctl [OPTIONS...] [MATCHES...]',
  summary: 'Query the journal.',
  run,
};
