/**
 * How `docker inspect`, `docker service inspect` and `docker node inspect` print what they
 * found (docker/cli cli/command/inspect): JSON with a 4-space indent, or the
 * `-f` template once per object; a template that fails to parse is refused
 * before anything runs (status 64), one that fails on an object stops there.
 */
import type { CommandContext } from '../../types';
import { marshalIndent } from '../../../docker/format/gojson';
import { parseTemplate, renderDockerTemplate } from '../../../docker/format/gotemplate/index';

/** False (after printing the CLI's error) when `format` is a template that does not parse. */
export function templateParses(ctx: CommandContext, format: string | undefined): boolean {
  if (!format || format === 'json') return true;
  const parsed = parseTemplate(format);
  if (parsed.ok) return true;
  ctx.stderr(`template parsing error: ${parsed.error}\n`);
  return false;
}

/**
 * Prints the documents; false when the template failed on one.
 * `blankBeforeError`: `docker inspect` (the system command) ends the
 * output it had with an empty line before the template's error.
 */
export function writeInspected(ctx: CommandContext, docs: unknown[], format: string | undefined, blankBeforeError = false): boolean {
  if (!format || format === 'json') {
    ctx.stdout(marshalIndent(docs, '    ') + '\n');
    return true;
  }
  for (const doc of docs) {
    const r = renderDockerTemplate(format, doc);
    if (!r.ok) {
      if (blankBeforeError) ctx.stdout('\n');
      ctx.stderr(r.error + '\n');
      return false;
    }
    ctx.stdout(r.text + '\n');
  }
  return true;
}
