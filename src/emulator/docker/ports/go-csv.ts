/**
 * One record of Go's encoding/csv Reader with default settings (comma ',', no
 * lazy quotes, no trimming), as `docker service create --publish` reads its long
 * syntax: `csv.NewReader(strings.NewReader(value)).Read()`.
 *
 * Errors are csv.ParseError texts, e.g. `parse error on line 1, column 20: bare "
 * in non-quoted-field`. Columns are 1-based byte offsets (Go ≥1.17).
 *
 * Limitation: the value is read as a single line. A flag value with a newline
 * (a quoted field spanning lines) is not something a shell user types here.
 */
import { type Result, ok, fail } from './result';

const ERR_BARE_QUOTE = 'bare " in non-quoted-field';
const ERR_QUOTE = 'extraneous or missing " in quoted-field';

/** UTF-8 length, since Go counts columns in bytes and JS strings are UTF-16. */
function byteLength(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

function parseError(column: number, err: string): Result<never> {
  return fail(`parse error on line 1, column ${column}: ${err}`);
}

/** A quoted field starting at line[start] === '"'. Returns the text and where parsing resumes. */
function readQuoted(line: string, start: number): Result<{ text: string; next: number; done: boolean }> {
  let text = '';
  let i = start + 1;
  for (;;) {
    const q = line.indexOf('"', i);
    if (q < 0) return parseError(byteLength(line) + 1, ERR_QUOTE);
    text += line.slice(i, q);
    const after = line[q + 1];
    if (after === '"') {
      text += '"';
      i = q + 2;
    } else if (after === ',') {
      return ok({ text, next: q + 2, done: false });
    } else if (after === undefined) {
      return ok({ text, next: q + 1, done: true });
    } else {
      return parseError(byteLength(line.slice(0, q)) + 1, ERR_QUOTE);
    }
  }
}

/** csv.Reader.Read for the first line of `input`. */
export function readCsvRecord(input: string): Result<string[]> {
  const line = input.replace(/\r?\n[\s\S]*$/, '');
  const fields: string[] = [];
  let pos = 0;
  for (;;) {
    if (line[pos] === '"') {
      const quoted = readQuoted(line, pos);
      if (!quoted.ok) return quoted;
      fields.push(quoted.value.text);
      if (quoted.value.done) return ok(fields);
      pos = quoted.value.next;
      continue;
    }
    const comma = line.indexOf(',', pos);
    const field = comma < 0 ? line.slice(pos) : line.slice(pos, comma);
    const bare = field.indexOf('"');
    if (bare >= 0) return parseError(byteLength(line.slice(0, pos + bare)) + 1, ERR_BARE_QUOTE);
    fields.push(field);
    if (comma < 0) return ok(fields);
    pos = comma + 1;
  }
}
