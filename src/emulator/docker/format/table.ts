/**
 * docker's list output: tables through the tabwriter, and the `--format` flag of the
 * `ls`/`ps` commands ([src] docker/cli cli/command/formatter/formatter.go):
 *
 * - no format, or exactly "table" → the command's default table format;
 * - "json" → `{{json .}}` per row;
 * - "table <tmpl>" (anything starting with "table") → the rest, trimmed of spaces,
 *   as a template; a header row is made by running it against the header names
 *   with HeaderFunctions; everything goes through the tabwriter;
 * - anything else → the template, one line per row.
 * In all formats the two-character sequences `\t` and `\n` become a tab and a newline.
 */
import { marshalsAsMap } from './govalues';
import { executeHeader, executeTemplate, parseTemplate } from './gotemplate/index';
import { tabwrite } from './tabwriter';

/** Rows are tab-separated, row 0 is the header; columns padded as `docker … ls` pads them. */
export function renderTable(rows: string[][]): string {
  return tabwrite(rows.map((cells) => cells.join('\t') + '\n').join(''));
}

export type FormatResult = { ok: true; text: string } | { ok: false; error: string };

export const TABLE_FORMAT_KEY = 'table';
export const JSON_FORMAT_KEY = 'json';
export const JSON_FORMAT = '{{json .}}';

/**
 * Formats list rows like docker/cli's formatter.Context.Write.
 * - `format`: the --format value (undefined or "" for the default).
 * - `defaultTableFormat`: e.g. "table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}".
 * - `rows`: one struct per row (plain objects; field access errors like Go's for unknown
 *   fields). Name their Go type with withGoType for exact errors, e.g.
 *   `*formatter.ContainerContext`. For `{{json .}}` each row is marshalled with sorted,
 *   HTML-escaped keys, as docker's MarshalJSON does.
 * - `headers`: field name → column title, e.g. { ID: "NETWORK ID", Name: "NAME" }.
 * The text ends with a newline per line; `error` is the full line the CLI prints
 * (`template parsing error: …`), in which case docker prints nothing else.
 */
export function formatList(
  format: string | undefined,
  defaultTableFormat: string,
  rows: object[],
  headers: Record<string, string>,
): FormatResult {
  const source = format === undefined || format === '' || format === TABLE_FORMAT_KEY ? defaultTableFormat : format;
  const isTable = source.startsWith(TABLE_FORMAT_KEY);
  let finalFormat = isTable ? source.slice(TABLE_FORMAT_KEY.length) : source === JSON_FORMAT_KEY ? JSON_FORMAT : source;
  finalFormat = trimSpaces(finalFormat).replace(/\\t|\\n/g, (m) => (m === '\\t' ? '\t' : '\n'));
  const parsed = parseTemplate(finalFormat);
  if (!parsed.ok) return { ok: false, error: `template parsing error: ${parsed.error}` };
  const lines: string[] = [];
  for (const row of rows) {
    const r = executeTemplate(parsed.template, marshalsAsMap(row));
    if (!r.ok) return { ok: false, error: `template parsing error: ${r.error}` };
    lines.push(r.text + '\n');
  }
  if (!isTable) return { ok: true, text: lines.join('') };
  // The header's execution errors are ignored; whatever it wrote before failing is kept.
  const header = executeHeader(parsed.template, new Map(Object.entries(headers)));
  return { ok: true, text: tabwrite(header + '\n' + lines.join('')) };
}

/** strings.Trim(s, " "): spaces only, not tabs or newlines. */
function trimSpaces(s: string): string {
  return s.replace(/^ +| +$/g, '');
}
