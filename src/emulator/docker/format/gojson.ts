/**
 * Go `encoding/json` marshalling of emulator data (see govalues.ts for the data model).
 *
 * - `docker inspect` prints the daemon's JSON re-indented by the CLI with
 *   `json.Indent(dst, src, "", "    ")` ([src] docker/cli cli/command/inspect/inspector.go);
 *   the daemon encodes with SetEscapeHTML(false) ([src] moby api/server/httputils
 *   WriteJSON). `marshalIndent` gives that text.
 * - The template function `json` uses an Encoder with SetEscapeHTML(false) and trims the
 *   trailing newline ([src] docker/cli templates/templates.go): `marshal`.
 */
import {
  GoEmbedded,
  GoFloat,
  GoIface,
  GoNil,
  GoTagged,
  GoStringer,
  JsonNumber,
  isMarshalledAsMap,
  isPlainObject,
  jsonFields,
} from './govalues';
import { compareGoStrings } from './utf8';

export interface MarshalOptions {
  /** Escape `<`, `>`, `&` as \u003c… (json.Marshal's default). Default false, as docker. */
  escapeHTML?: boolean;
}

export type MarshalResult = { ok: true; text: string } | { ok: false; error: string };

/** Go marshal errors, with the text encoding/json gives them. */
class MarshalError extends Error {}

/** Deep enough for any inspect document; stops runaway recursion in a cyclic value. */
const MAX_DEPTH = 1000;

interface Writer {
  out: string[];
  indent: string;
  prefix: string;
  depth: number;
  seen: Set<object>;
  lenient: boolean;
}

/** Compact JSON, as the CLI's `json` template function prints it. */
export function marshal(value: unknown, options: MarshalOptions = {}): string {
  return encode(value, '', '', options, true) as string;
}

/**
 * Indented JSON like json.MarshalIndent(v, prefix, indent): one member per line,
 * `"key": value`, and empty objects/arrays kept as `{}` / `[]`. No trailing newline.
 */
export function marshalIndent(
  value: unknown,
  indent = '    ',
  prefix = '',
  options: MarshalOptions = {},
): string {
  return encode(value, indent, prefix, options, true) as string;
}

/**
 * Like marshal/marshalIndent but reports what Go reports for values JSON cannot hold
 * (`json: unsupported value: NaN`, cycles) instead of writing `null` for them.
 */
export function tryMarshal(
  value: unknown,
  options: MarshalOptions & { indent?: string; prefix?: string } = {},
): MarshalResult {
  try {
    const text = encode(value, options.indent ?? '', options.prefix ?? '', options, false) as string;
    return { ok: true, text };
  } catch (err) {
    if (err instanceof MarshalError) return { ok: false, error: err.message };
    throw err;
  }
}

function encode(
  value: unknown,
  indent: string,
  prefix: string,
  options: MarshalOptions,
  lenient: boolean,
): string {
  const w: Writer = { out: [], indent, prefix, depth: 0, seen: new Set(), lenient };
  writeValue(w, value, options.escapeHTML ?? false);
  return w.out.join('');
}

function newline(w: Writer): void {
  if (w.indent === '' && w.prefix === '') return;
  w.out.push('\n', w.prefix, w.indent.repeat(w.depth));
}

function writeValue(w: Writer, value: unknown, html: boolean): void {
  if (value === null || value === undefined || value instanceof GoNil) {
    w.out.push('null');
  } else if (typeof value === 'string') {
    w.out.push(quoteJsonString(value, html));
  } else if (typeof value === 'boolean') {
    w.out.push(value ? 'true' : 'false');
  } else if (typeof value === 'number' || value instanceof GoFloat) {
    writeNumber(w, typeof value === 'number' && !isGoInt(value) ? new GoFloat(value) : value);
  } else if (typeof value === 'bigint') {
    w.out.push(value.toString());
  } else if (value instanceof JsonNumber) {
    w.out.push(value.text === '' ? '0' : value.text);
  } else if (value instanceof GoStringer) {
    writeValue(w, value.json, html);
  } else if (value instanceof GoIface) {
    writeValue(w, value.inner, html);
  } else if (value instanceof GoTagged || value instanceof GoEmbedded) {
    writeValue(w, value.value, html);
  } else if (Array.isArray(value) || value instanceof Map || isPlainObject(value)) {
    writeContainer(w, value, html);
  } else {
    unsupported(w, `json: unsupported type: ${typeof value}`);
  }
}

function unsupported(w: Writer, message: string): void {
  if (!w.lenient) throw new MarshalError(message);
  w.out.push('null');
}

function writeNumber(w: Writer, value: number | GoFloat): void {
  const n = value instanceof GoFloat ? value.value : value;
  if (!Number.isFinite(n)) {
    const text = Number.isNaN(n) ? 'NaN' : n > 0 ? '+Inf' : '-Inf';
    unsupported(w, `json: unsupported value: ${text}`);
    return;
  }
  w.out.push(formatJsonNumber(n, value instanceof GoFloat));
}

/**
 * An int prints its digits; a float64 prints like Go's encoder, which uses %f-style
 * shortest digits except below 1e-6 or from 1e21 up, where it uses e-notation with the
 * exponent's leading zero removed ("1e-7"). JS's Number#toString follows the same rule.
 */
export function formatJsonNumber(n: number, isFloat = false): string {
  if (!isFloat && isGoInt(n)) return Math.abs(n) >= 1e21 ? BigInt(n).toString() : String(n === 0 ? 0 : n);
  if (Object.is(n, -0)) return '-0';
  return String(n);
}

/** A JS number is a Go int when it is whole and fits in int64; otherwise a float64. */
export function isGoInt(n: number): boolean {
  return Number.isInteger(n) && Math.abs(n) < 2 ** 63;
}

function writeContainer(w: Writer, value: object, html: boolean): void {
  if (w.seen.has(value) || w.depth >= MAX_DEPTH) {
    unsupported(w, 'json: unsupported value: encountered a cycle');
    return;
  }
  w.seen.add(value);
  if (Array.isArray(value)) writeArray(w, value, html);
  else if (value instanceof Map) writeObject(w, mapMembers(value), html);
  else {
    const record = value as Record<string, unknown>;
    // A MarshalJSON that builds a map and calls json.Marshal: sorted keys, HTML escaped.
    const asMap = isMarshalledAsMap(record);
    const members = structMembers(record);
    if (asMap) members.sort((a, b) => compareGoStrings(a[0], b[0]));
    writeObject(w, members, html || asMap);
  }
  w.seen.delete(value);
}

function writeArray(w: Writer, items: unknown[], html: boolean): void {
  if (items.length === 0) {
    w.out.push('[]');
    return;
  }
  w.out.push('[');
  w.depth++;
  items.forEach((item, i) => {
    if (i > 0) w.out.push(',');
    newline(w);
    writeValue(w, item, html);
  });
  w.depth--;
  newline(w);
  w.out.push(']');
}

function writeObject(w: Writer, members: [string, unknown][], html: boolean): void {
  if (members.length === 0) {
    w.out.push('{}');
    return;
  }
  const colon = w.indent === '' && w.prefix === '' ? ':' : ': ';
  w.out.push('{');
  w.depth++;
  members.forEach(([key, item], i) => {
    if (i > 0) w.out.push(',');
    newline(w);
    w.out.push(quoteJsonString(key, html), colon);
    writeValue(w, item, html);
  });
  w.depth--;
  newline(w);
  w.out.push('}');
}

/** Map members with keys as strings, sorted byte-wise as encoding/json sorts them. */
function mapMembers(map: Map<unknown, unknown>): [string, unknown][] {
  const members: [string, unknown][] = [];
  for (const [key, item] of map) members.push([mapKeyString(key), item]);
  return members.sort((a, b) => compareGoStrings(a[0], b[0]));
}

export function mapKeyString(key: unknown): string {
  if (typeof key === 'string') return key;
  if (key instanceof JsonNumber) return key.text;
  return String(key);
}

/** Struct fields in declaration order, embedded ones inlined, empty omitempty ones left out. */
function structMembers(record: Record<string, unknown>): [string, unknown][] {
  return jsonFields(record, isEmptyValue);
}

/** encoding/json isEmptyValue: false, 0, "", nil, and empty arrays, slices and maps. */
export function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined || value instanceof GoNil) return true;
  if (value === false || value === 0 || value === '' || value === 0n) return true;
  if (value instanceof GoFloat) return value.value === 0;
  if (value instanceof JsonNumber) return value.text === '';
  if (value instanceof GoIface) return value.inner === null || value.inner === undefined;
  if (Array.isArray(value)) return value.length === 0;
  if (value instanceof Map) return value.size === 0;
  return false;
}

const HEX = '0123456789abcdef';

/**
 * A JSON string literal exactly as encoding/json writes it: `\"` `\\` `\b` `\f` `\n` `\r`
 * `\t`, other control bytes as \u00XX, U+2028/U+2029 always escaped, `<>&` escaped only
 * with escapeHTML, and invalid UTF-8 (here: a lone surrogate) as \ufffd.
 */
export function quoteJsonString(s: string, escapeHTML = false): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp === 0x22) out += '\\"';
    else if (cp === 0x5c) out += '\\\\';
    else if (cp < 0x20) out += controlEscape(cp);
    else if (escapeHTML && (cp === 0x3c || cp === 0x3e || cp === 0x26)) {
      out += '\\u00' + HEX[cp >> 4] + HEX[cp & 15];
    } else if (cp === 0x2028 || cp === 0x2029) out += '\\u202' + HEX[cp & 15];
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd';
    else out += ch;
  }
  return out + '"';
}

function controlEscape(cp: number): string {
  switch (cp) {
    case 0x08:
      return '\\b'; // since Go 1.22; older Go wrote \u0008
    case 0x0c:
      return '\\f';
    case 0x0a:
      return '\\n';
    case 0x0d:
      return '\\r';
    case 0x09:
      return '\\t';
    default:
      return '\\u00' + HEX[cp >> 4] + HEX[cp & 15];
  }
}
