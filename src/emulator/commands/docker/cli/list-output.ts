/**
 * How a list command (`ps`, `images`, `service ls`, `node ls`...) prints its
 * rows: `--format` as docker/cli's formatter does, `-q` as `{{.ID}}` when no
 * format is given, and a template that fails as the command's error (exit 1).
 */
import type { CommandContext } from '../../types';
import type { FlagSpec, Flags } from './flags';
import { formatList } from '../../../docker/format/table';

export function writeList(ctx: CommandContext, flags: Flags, table: string, rows: object[], headers: Record<string, string>): number {
  const format = flags.string('format') || (flags.bool('quiet') ? '{{.ID}}' : undefined);
  const out = formatList(format, table, rows, headers);
  if (!out.ok) {
    ctx.stderr(out.error + '\n');
    return 1;
  }
  ctx.stdout(out.text);
  return 0;
}

/** The flags of a plain list command (`service ls`, `node ls`): --filter, --format, -q. */
export const LIST_FLAGS: FlagSpec[] = [
  { long: 'filter', short: 'f', type: 'list', value: 'filter', help: 'Filter output based on conditions provided' },
  { long: 'format', type: 'string', help: 'Format output using a custom template' },
  { long: 'quiet', short: 'q', type: 'bool', help: 'Only display IDs' },
];
