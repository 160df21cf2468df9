/**
 * `docker logs [-f] [-t] [--tail N] CONTAINER` (docker/cli logs.go): what
 * the main process wrote, stdout lines to stdout and stderr lines to stderr
 * (a tty merges them). -t prefixes each line with its RFC 3339 time in
 * nanoseconds; --tail keeps the last N lines; -f keeps following until
 * Ctrl-C while the container runs (nothing else writes meanwhile).
 */
import type { CommandContext } from '../../types';
import type { Flags } from '../cli/flags';
import { rfc3339Nano } from '../../../core/clock';
import { defineCommand } from './define';
import { inspectContainerRef } from './lookup';
import { waitForInterrupt } from './main-run';

function tailCount(value: string | undefined, total: number): number {
  if (value === undefined || value === 'all' || !/^-?\d+$/.test(value) || Number(value) < 0) return total;
  return Math.min(total, Number(value));
}

async function logs(ctx: CommandContext, flags: Flags): Promise<number> {
  const c = inspectContainerRef(ctx, flags.args[0]);
  if (!c) return 1;
  const entries = c.logs.slice(c.logs.length - tailCount(flags.string('tail'), c.logs.length));
  entries.forEach((e, i) => {
    // Lines carry nanoseconds in the json-file log; a fixed spread keeps them ordered and distinct.
    const stamp = flags.bool('timestamps') ? `${rfc3339Nano(e.t, 100000 + ((i * 7919) % 900000))} ` : '';
    (e.stream === 'stderr' && !c.tty ? ctx.stderr : ctx.stdout)(`${stamp}${e.line}\n`);
  });
  if (flags.bool('follow') && c.status === 'running') {
    if (await waitForInterrupt(ctx)) return 130;
  }
  return 0;
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
