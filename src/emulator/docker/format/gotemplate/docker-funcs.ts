/**
 * docker/cli's template functions ([src] docker/cli templates/templates.go): json, split,
 * join, title, lower, upper, pad, truncate; and HeaderFunctions, the stand-ins used
 * when a `table` format is executed against the header row, which leave the column
 * name intact (pad is kept so headers stay aligned with padded cells).
 */
import { tryMarshal } from '../gojson';
import { utf8Decode, utf8Encode, utf8Length } from '../utf8';
import { BUILTINS, FuncError, type FuncTable, type GoFunc } from './funcs';

/** `json`: an Encoder with SetEscapeHTML(false), trailing newline trimmed; errors give "". */
function json(v: unknown): string {
  const r = tryMarshal(v, { escapeHTML: false });
  return r.ok ? r.text : '';
}

/** strings.Split: an empty separator splits after each UTF-8 sequence. */
function split(s: string, sep: string): string[] {
  if (sep === '') return [...s];
  return s.split(sep);
}

/** strings.Title: upper-cases (title-cases) the first letter of each word. */
function title(s: string): string {
  let prev = ' ';
  let out = '';
  for (const ch of s) {
    out += isSeparator(prev) ? mapRune(ch, 'upper') : ch;
    prev = ch;
  }
  return out;
}

function isSeparator(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp <= 0x7f) return !/[0-9A-Za-z_]/.test(ch);
  if (/[\p{L}\p{Nd}]/u.test(ch)) return false;
  return /\s/u.test(ch);
}

/** unicode.ToUpper/ToLower map one rune to one rune; JS special casings (ß → SS) are skipped. */
function mapRune(ch: string, dir: 'upper' | 'lower'): string {
  const m = dir === 'upper' ? ch.toUpperCase() : ch.toLowerCase();
  return [...m].length === 1 ? m : ch;
}

function mapString(s: string, dir: 'upper' | 'lower'): string {
  let out = '';
  for (const ch of s) out += mapRune(ch, dir);
  return out;
}

function repeatSpaces(n: number): string {
  if (n < 0) throw new FuncError('strings: negative Repeat count');
  return ' '.repeat(n);
}

const DOCKER_EXTRAS: [string, GoFunc][] = [
  ['json', { params: ['any'], fn: ([v]) => json(v) }],
  ['split', { params: ['string', 'string'], fn: ([s, sep]) => split(s as string, sep as string) }],
  ['join', { params: ['strings', 'string'], fn: ([a, sep]) => (Array.isArray(a) ? a.join(sep as string) : '') }],
  ['title', { params: ['string'], fn: ([s]) => title(s as string) }],
  ['lower', { params: ['string'], fn: ([s]) => mapString(s as string, 'lower') }],
  ['upper', { params: ['string'], fn: ([s]) => mapString(s as string, 'upper') }],
  [
    'pad',
    {
      params: ['string', 'int', 'int'],
      fn: ([s, prefix, suffix], ctx) => {
        if (s === '') return s;
        ctx.reserve(Math.max(0, prefix as number) + Math.max(0, suffix as number));
        return repeatSpaces(prefix as number) + s + repeatSpaces(suffix as number);
      },
    },
  ],
  [
    'truncate',
    {
      params: ['string', 'int'],
      fn: ([s, n]) => {
        const length = n as number;
        if (utf8Length(s as string) < length) return s;
        if (length < 0) throw new FuncError(`runtime error: slice bounds out of range [:${length}]`);
        return utf8Decode(utf8Encode(s as string).slice(0, length));
      },
    },
  ],
];

/** Every function a docker `--format` template can call. */
export const DOCKER_FUNCS: FuncTable = new Map([...BUILTINS, ...DOCKER_EXTRAS]);

const identity = ([v]: unknown[]): unknown => v;

/** templates.HeaderFunctions layered over DOCKER_FUNCS, for the header row of a table. */
export const HEADER_FUNCS: FuncTable = new Map([
  ...DOCKER_FUNCS,
  ['json', { params: ['string'], fn: identity }],
  ['split', { params: ['string', 'string'], fn: identity }],
  ['join', { params: ['string', 'string'], fn: identity }],
  ['title', { params: ['string'], fn: identity }],
  ['lower', { params: ['string'], fn: identity }],
  ['upper', { params: ['string'], fn: identity }],
  ['truncate', { params: ['string', 'int'], fn: identity }],
]);
