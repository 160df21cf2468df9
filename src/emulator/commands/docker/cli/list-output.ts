/**
 * How a list command (`ps`, `images`, `service ls`, `node ls`...) prints its
 * rows: `--format` as docker/cli's formatter does, `-q` as `{{.ID}}` when no
 * format is given, and a template that fails as the command's error (exit 1).
 */
import type { CommandContext } from '../../types';
import type { Flags } from './flags';
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
