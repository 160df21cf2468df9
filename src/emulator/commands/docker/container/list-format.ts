/**
 * The `--format` machinery of docker's list commands (docker/cli
 * cli/command/formatter/formatter.go Context): `table …` prints a header
 * row and tab-separated cells through the tabwriter (minwidth 10, padding
 * 3); `json` prints each row as one JSON object; anything else is a Go
 * template run once per row, each followed by a newline. A literal `\t` or
 * `\n` typed in the format becomes a tab or newline first.
 */
import { executeHeader, executeTemplate, parseTemplate } from '../../../docker/format/gotemplate/index';
import { tabwrite } from '../../../docker/format/tabwriter';
import { marshal } from '../../../docker/format/gojson';
import { marshalsAsMap, withGoType } from '../../../docker/format/govalues';

export type ListResult = { ok: true; text: string } | { ok: false; error: string };

export interface ListSpec {
  /** The default table format of the command, e.g. `table {{.ID}}\t{{.Image}}…`. */
  defaultTable: string;
  /** Header text per field, e.g. { ID: 'CONTAINER ID' }. */
  headers: Record<string, string>;
  /** The Go type the template sees, for its error messages: `*formatter.ContainerContext`. */
  typeName: string;
}

function expandEscapes(format: string): string {
  return format.replace(/\\t/g, '\t').replace(/\\n/g, '\n');
}

export function formatList(format: string | undefined, spec: ListSpec, rows: Record<string, unknown>[]): ListResult {
  let text = format && format.trim() !== '' ? format : spec.defaultTable;
  if (text === 'table') text = spec.defaultTable;
  if (text === 'json') return { ok: true, text: rows.map((r) => marshal(marshalsAsMap({ ...r })) + '\n').join('') };
  const table = text.startsWith('table');
  const body = expandEscapes((table ? text.slice('table'.length) : text).replace(/^ +| +$/g, ''));
  const parsed = parseTemplate(body);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  let out = table ? executeHeader(parsed.template, new Map(Object.entries(spec.headers))) + '\n' : '';
  for (const row of rows) {
    const r = executeTemplate(parsed.template, withGoType({ ...row }, spec.typeName));
    if (!r.ok) return { ok: false, error: r.error };
    out += r.text + '\n';
  }
  return { ok: true, text: table ? tabwrite(out) : out };
}
