/**
 * `docker events [--since T] [--until T] [--filter k=v] [--format TPL]`
 * (docker/cli cli/command/system/events.go; moby daemon/events): the events
 * the daemon keeps (docker/events.ts) from --since on, then every new one as
 * other commands cause it, until Ctrl-C. With --until it stops at that time
 * (at once when it is already past), and when the daemon stops (after the
 * events of its shutdown). Without --since only new events show.
 */
import type { CommandContext } from '../../types';
import type { DockerCommand } from '../cli/command';
import type { Flags } from '../cli/flags';
import type { EngineEvent } from '../../../docker/events';
import { bufferedEvents } from '../../../docker/events';
import { includeEvent, EVENT_FILTER_KEYS } from './event-filter';
import { eventDocument, eventLine } from '../../../docker/event-format';
import { getTimestamp } from '../../../docker/timestamp-arg';
import { renderDockerTemplate } from '../../../docker/format/gotemplate/index';
import { printDaemonError } from '../cli/command';
import { daemonOf, labCtx } from '../engine-access';
import { filterFlag, invalidFilterKey, parseFilters, type FilterArgs } from '../network/filters';
import { follow } from '../../follow/wait';

interface Window {
  since?: number;
  until?: number;
}

function timeWindow(ctx: CommandContext, flags: Flags): Window | string {
  const now = labCtx(ctx).clock.now();
  const w: Window = {};
  for (const key of ['since', 'until'] as const) {
    const v = flags.string(key);
    if (!v) continue;
    const t = getTimestamp(v, now);
    if (typeof t === 'string') return t;
    w[key] = t;
  }
  return w;
}

function eventKey(e: EngineEvent): string {
  return `${e.t}.${e.nanos} ${e.type} ${e.action} ${e.id}`;
}

function printer(ctx: CommandContext, format: string | undefined): ((e: EngineEvent) => boolean) {
  return (e) => {
    if (!format) {
      ctx.stdout(eventLine(e));
      return true;
    }
    const r = renderDockerTemplate(format === 'json' ? '{{json .}}' : format, eventDocument(e));
    if (r.ok) ctx.stdout(r.text + '\n');
    else ctx.stderr(r.error + '\n');
    return r.ok;
  };
}

async function run(ctx: CommandContext, flags: Flags): Promise<number> {
  const args: FilterArgs = parseFilters(flags.list('filter'));
  const bad = invalidFilterKey(args, EVENT_FILTER_KEYS);
  if (bad) return printDaemonError(ctx, bad);
  const w = timeWindow(ctx, flags);
  if (typeof w === 'string') {
    ctx.stderr(`${w}\n`);
    return 1;
  }
  const startedAt = labCtx(ctx).clock.now();
  // Where the stream starts: the buffered events from --since on, else only what comes next.
  // Events are told apart by their identity (time, sub-ms part, what and whom), not by object:
  // a restored or journalled state may hold copies.
  const seen = new Set(bufferedEvents(daemonOf(ctx)).filter((e) => w.since === undefined || e.t < w.since).map(eventKey));
  const print = printer(ctx, flags.string('format'));
  let failed = false;
  // The stream also ends when the daemon goes away (the CLI reads EOF and exits 0).
  const past = () => (w.until !== undefined && w.until <= labCtx(ctx).clock.now()) || !daemonOf(ctx).running;
  const flush = () => {
    for (const e of bufferedEvents(daemonOf(ctx))) {
      const key = eventKey(e);
      // A template that fails ends the stream (the CLI returns the error).
      if (failed || seen.has(key)) continue;
      seen.add(key);
      if (w.until !== undefined && e.t > w.until) continue;
      if (includeEvent(args, e) && !print(e)) failed = true;
    }
  };
  if (w.until !== undefined && w.until <= startedAt) {
    flush();
    return failed ? 1 : 0;
  }
  const interrupted = await follow(ctx, flush, () => failed || past());
  if (failed) return 1;
  return interrupted ? 130 : 0;
}

/** cobra prints a multi-line usage under its own column (24 characters in, after `      --format string   `). */
const FORMAT_HELP = [
  'Format output using a custom template:',
  "'json':             Print in JSON format",
  "'TEMPLATE':         Print output using the given Go template.",
  'Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates',
].join(`\n${' '.repeat(24)}`);

const spec = (path: string[], use: string): DockerCommand => ({
  path,
  use,
  short: 'Get real time events from the server',
  flags: [
    filterFlag({ long: 'filter', short: 'f', help: 'Filter output based on conditions provided' }),
    { long: 'format', type: 'string', help: FORMAT_HELP },
    { long: 'since', type: 'string', help: 'Show all events created since timestamp' },
    { long: 'until', type: 'string', help: 'Stream events until this timestamp' },
  ],
  args: { kind: 'none' },
  run,
});

export const eventsCommands: DockerCommand[] = [spec(['events'], 'events [OPTIONS]'), spec(['system', 'events'], 'system events [OPTIONS]')];
