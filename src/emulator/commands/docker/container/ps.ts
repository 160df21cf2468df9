/**
 * `docker ps` / `docker container ls` (docker/cli list.go): running
 * containers, newest first; -a all, -n/-l the last created, -q IDs only,
 * --no-trunc full IDs and commands, -f filters, --format table/json/Go
 * template. The table is REFERENCE 1.8's.
 */
import type { CommandContext } from '../../types';
import type { Flags } from '../cli/flags';
import { writeList } from '../cli/list-output';
import { defineCommand } from './define';
import { PS_HEADERS, PS_TABLE, linkAliases, psRow } from './ps-rows';
import { filterError, matches, parseFilters, validateFilter } from './ps-filters';
import { withGoType } from '../../../docker/format/govalues';
import { daemonOf, labCtx } from '../engine-access';
import { peek } from '../../../core/raw-view';
import { renderTable } from '../../../docker/format/table';

function ps(ctx: CommandContext, flags: Flags): number {
  const filters = parseFilters(flags.list('filter'));
  const bad = filterError(filters);
  if (bad) {
    ctx.stderr(`Error response from daemon: ${bad}\n`);
    return 1;
  }
  // Only reads: the raw state, not the undo journal's view (1,000 rows through the view took 0.8 s).
  const docker = peek(daemonOf(ctx));
  const last = flags.bool('latest') ? 1 : flags.int('last', -1);
  const all = flags.bool('all') || last > 0 || filters.has('status') || filters.has('exited');
  let list = Object.values(docker.containers).sort((a, b) => b.created - a.created || b.createdNanos - a.createdNanos);
  if (last > 0) list = list.slice(0, last);
  list = list.filter((c) => (all || c.status === 'running' || c.status === 'paused') && matches(docker, c, filters));
  const trunc = !flags.bool('no-trunc');
  const aliases = linkAliases(docker.containers);
  const rows = list.map((c) => psRow(labCtx(ctx), c, trunc, aliases));
  const format = flags.string('format');
  if (format === 'table' || (!format && !flags.bool('quiet'))) {
    ctx.stdout(defaultTable(rows));
    return 0;
  }
  return writeList(ctx, flags, PS_TABLE, rows.map((r) => withGoType(r, '*formatter.ContainerContext')), PS_HEADERS);
}

/** The fields PS_TABLE prints, in order. */
const PS_COLUMNS = [...PS_TABLE.matchAll(/\{\{\.(\w+)\}\}/g)].map((m) => m[1]);

/**
 * The default table without the template engine (which took most of the
 * time of a 1,000-row `docker ps`): every column is a string field, and
 * `{{.Field}}` prints a string as it is. The same header and tabwriter.
 */
function defaultTable(rows: Record<string, unknown>[]): string {
  return renderTable([PS_COLUMNS.map((c) => PS_HEADERS[c]), ...rows.map((r) => PS_COLUMNS.map((c) => r[c] as string))]);
}

export const psCommands = defineCommand({
  group: 'container',
  name: 'ls',
  aliases: ['list', 'ps'],
  shortcut: 'ps',
  use: '[OPTIONS]',
  short: 'List containers',
  flags: [
    { long: 'all', short: 'a', type: 'bool', help: 'Show all containers (default shows just running)' },
    { long: 'filter', short: 'f', type: 'list', value: 'filter', help: 'Filter output based on conditions provided', validate: validateFilter },
    { long: 'format', type: 'string', help: 'Format output using a custom template' },
    { long: 'last', short: 'n', type: 'int', help: 'Show n last created containers (includes all states)', defaultText: '-1' },
    { long: 'latest', short: 'l', type: 'bool', help: 'Show the latest created container (includes all states)' },
    { long: 'no-trunc', type: 'bool', help: "Don't truncate output" },
    { long: 'quiet', short: 'q', type: 'bool', help: 'Only display container IDs' },
    { long: 'size', short: 's', type: 'bool', help: 'Display total file sizes' },
  ],
  args: { kind: 'none' },
  run: ps,
});
