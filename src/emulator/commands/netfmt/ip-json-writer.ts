/**
 * iproute2's JSON output (lib/json_writer.c): `ip -j` prints one line;
 * `ip -j -p` indents each object member by 4 spaces per level, but keeps
 * arrays on their opening line: `[ {` … `},{` … `} ]`, and a list of strings
 * as `[ "UP","LOWER_UP" ]` (jsonw_start_array puts a space after `[`, its
 * elements get no newline, jsonw_end_array a space before `]`). The output
 * ends with a newline (jsonw_destroy).
 */
import type { JsonValue } from './types';

const INDENT = '    ';

const ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r', '\f': '\\f', '\b': '\\b' };
const NEEDS_ESCAPE = /["\\\n\t\r\f\b]/;
const TO_ESCAPE = /["\\\n\t\r\f\b]/g;

/** jsonw_puts: the C escapes only (no \u escapes, as iproute2). Most strings have none: tested first (`ip -j a` quotes thousands). */
function quote(s: string): string {
  return NEEDS_ESCAPE.test(s) ? `"${s.replace(TO_ESCAPE, (c) => ESCAPES[c])}"` : `"${s}"`;
}

function scalar(v: JsonValue): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return quote(v);
  return String(v);
}

function compact(v: JsonValue): string {
  if (Array.isArray(v)) return `[${v.map(compact).join(',')}]`;
  if (v !== null && typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${quote(k)}:${compact(x)}`).join(',')}}`;
  return scalar(v);
}

function pretty(v: JsonValue, depth: number): string {
  if (Array.isArray(v)) {
    if (v.length === 0) return '[ ]';
    return `[ ${v.map((x) => pretty(x, depth + 1)).join(',')} ]`;
  }
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v);
    if (entries.length === 0) return '{}';
    const inner = INDENT.repeat(depth + 1);
    const members = entries.map(([k, x]) => `\n${inner}${quote(k)}: ${pretty(x, depth + 1)}`).join(',');
    return `{${members}\n${INDENT.repeat(depth)}}`;
  }
  return scalar(v);
}

/** The whole output of `ip -j [-p] …`: the top-level array and the final newline. */
export function ipJson(items: JsonValue[], opts: { pretty: boolean }): string {
  return (opts.pretty ? pretty(items, 0) : compact(items)) + '\n';
}
