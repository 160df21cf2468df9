/**
 * `docker logs [-f] [-t] [--tail N] [--since T] [--until T] CONTAINER`
 * (docker/cli logs.go, moby daemon/logs.go): what the main process wrote,
 * stdout lines to stdout and stderr lines to stderr (a tty merges them).
 * -t prefixes each line with its RFC 3339 time in nanoseconds; --tail keeps
 * the last N lines (a value that is not a number means all, as the daemon's
 * strconv.Atoi fallback does); --since/--until keep lines in that window.
 * -f keeps printing what the container logs meanwhile — the access-log lines
 * of requests other terminals send — until Ctrl-C or until it stops.
 */
import type { CommandContext } from '../../types';
import type { Flags } from '../cli/flags';
import type { ContainerState } from '../../../docker/state';
import { rfc3339Nano } from '../../../core/clock';
import { getTimestamp } from '../../../docker/timestamp-arg';
import { defineCommand } from './define';
import { inspectContainerRef } from './lookup';
import { daemonOf, labCtx } from '../engine-access';
import { follow } from '../../follow/wait';

type Entry = ContainerState['logs'][number];

export function tailCount(value: string | undefined, total: number): number {
  if (value === undefined || value === 'all' || !/^-?\d+$/.test(value) || Number(value) < 0) return total;
  return Math.min(total, Number(value));
}

/** Lines carry nanoseconds in the json-file log; a fixed spread by position keeps them ordered and distinct (service logs -t too). */
export function stamp(e: Entry, index: number): string {
  return `${rfc3339Nano(e.t, 100000 + ((index * 7919) % 900000))} `;
}

function window(ctx: CommandContext, flags: Flags): { since?: number; until?: number } | string {
  const now = labCtx(ctx).clock.now();
  const out: { since?: number; until?: number } = {};
  for (const key of ['since', 'until'] as const) {
    const v = flags.string(key);
    if (!v) continue;
    const t = getTimestamp(v, now);
    if (typeof t === 'string') return `invalid value for "${key}": ${t}`;
    out[key] = t;
  }
  return out;
}

async function logs(ctx: CommandContext, flags: Flags): Promise<number> {
  const c = inspectContainerRef(ctx, flags.args[0]);
  if (!c) return 1;
  const w = window(ctx, flags);
  if (typeof w === 'string') {
    ctx.stderr(`${w}\n`);
    return 1;
  }
  const inWindow = (e: Entry) => (w.since === undefined || e.t >= w.since) && (w.until === undefined || e.t <= w.until);
  // --details: the log's attributes (none without --log-opt labels/env) and a space before each line (daemon/logs.go).
  const details = flags.bool('details') ? ' ' : '';
  const print = (e: Entry, i: number) => {
    const line = `${flags.bool('timestamps') ? stamp(e, i) : ''}${details}${e.line}\n`;
    (e.stream === 'stderr' && !c.tty ? ctx.stderr : ctx.stdout)(line);
  };
  const first = c.logs.length - tailCount(flags.string('tail'), c.logs.length);
  for (let i = first; i < c.logs.length; i++) if (inWindow(c.logs[i])) print(c.logs[i], i);
  if (!flags.bool('follow') || c.status !== 'running' || w.until !== undefined) return 0;
  let shown = c.logs.length;
  // The container is looked up again after each wake-up: another terminal may have removed it.
  const current = () => daemonOf(ctx).containers[c.id];
  const flush = () => {
    const now = current();
    if (!now) return;
    for (; shown < now.logs.length; shown++) print(now.logs[shown], shown);
  };
  const interrupted = await follow(ctx, flush, () => current()?.status !== 'running');
  return interrupted ? 130 : 0;
}

export const logsCommands = defineCommand({
  group: 'container',
  name: 'logs',
  shortcut: 'logs',
  use: '[OPTIONS] CONTAINER',
  short: 'Fetch the logs of a container',
  flags: [
    { long: 'details', type: 'bool', help: 'Show extra details provided to logs' },
    { long: 'follow', short: 'f', type: 'bool', help: 'Follow log output' },
    { long: 'since', type: 'string', help: 'Show logs since timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)' },
    { long: 'tail', short: 'n', type: 'string', help: 'Number of lines to show from the end of the logs', defaultText: '"all"' },
    { long: 'timestamps', short: 't', type: 'bool', help: 'Show timestamps' },
    { long: 'until', type: 'string', help: 'Show logs before a timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)' },
  ],
  args: { kind: 'exact', n: 1 },
  run: logs,
});
