/**
 * The parts of Go's strconv the template engine needs: Quote (for %q and node text),
 * Unquote (for "..." and `...` literals) and UnquoteChar (for 'x' constants).
 */
import { utf8Decode, utf8Encode } from '../utf8';

const HEX = '0123456789abcdef';

/** unicode.IsPrint, approximated with Unicode property classes (L, M, N, P, S, and ' '). */
export function isPrint(cp: number): boolean {
  if (cp === 0x20) return true;
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0xa0) || cp === 0xad) return false;
  return /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(String.fromCodePoint(cp));
}

/** strconv.Quote / QuoteToASCII / QuoteRune share this rune escaper. */
function quoteWith(s: string, quote: '"' | "'", asciiOnly: boolean): string {
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    out += escapeRune(cp, quote, asciiOnly);
  }
  return out + quote;
}

function escapeRune(cp: number, quote: string, asciiOnly: boolean): string {
  // An escaped invalid byte (utf8.ts) quotes as \xNN, as strconv.Quote does.
  if (cp >= 0xdc80 && cp <= 0xdcff) return '\\x' + HEX[(cp >> 4) & 15] + HEX[cp & 15];
  if (cp >= 0xd800 && cp <= 0xdfff) return '\ufffd';
  const ch = String.fromCodePoint(cp);
  if (ch === quote || ch === '\\') return '\\' + ch;
  if (asciiOnly ? cp < 0x80 && isPrint(cp) : isPrint(cp)) return ch;
  switch (cp) {
    case 7:
      return '\\a';
    case 8:
      return '\\b';
    case 12:
      return '\\f';
    case 10:
      return '\\n';
    case 13:
      return '\\r';
    case 9:
      return '\\t';
    case 11:
      return '\\v';
  }
  if (cp < 0x20 || cp === 0x7f) return '\\x' + HEX[cp >> 4] + HEX[cp & 15];
  if (cp < 0x10000) return '\\u' + cp.toString(16).padStart(4, '0');
  return '\\U' + cp.toString(16).padStart(8, '0');
}

export function quote(s: string): string {
  return quoteWith(s, '"', false);
}

export function quoteToASCII(s: string): string {
  return quoteWith(s, '"', true);
}

export function quoteRune(cp: number): string {
  return quoteWith(String.fromCodePoint(cp), "'", false);
}

export function quoteRuneToASCII(cp: number): string {
  return quoteWith(String.fromCodePoint(cp), "'", true);
}

/** strconv.CanBackquote: no control characters other than tab, no backquote. */
export function canBackquote(s: string): boolean {
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp === 0x60 || cp === 0xfeff || cp === 0xfffd) return false;
    if ((cp < 0x20 && cp !== 9) || cp === 0x7f) return false;
  }
  return true;
}

export class SyntaxError_ extends Error {
  constructor() {
    super('invalid syntax');
  }
}

/**
 * strconv.Unquote for a template token: "..." with Go escapes, or `...` raw (carriage
 * returns are dropped from raw strings, as Go does). Throws SyntaxError_ ("invalid syntax").
 */
export function unquote(token: string): string {
  if (token.length < 2) throw new SyntaxError_();
  const q = token[0];
  if (q !== token[token.length - 1]) throw new SyntaxError_();
  const body = token.slice(1, -1);
  if (q === '`') {
    if (body.includes('`')) throw new SyntaxError_();
    return body.replace(/\r/g, '');
  }
  if (q !== '"') throw new SyntaxError_();
  const bytes: number[] = [];
  let i = 0;
  while (i < body.length) {
    const r = unquoteChar(body, i, '"');
    bytes.push(...r.bytes);
    i = r.next;
  }
  return utf8Decode(bytes);
}

/**
 * strconv.UnquoteChar: decodes one character or escape at `i`. Returns the UTF-8 bytes it
 * stands for (\x and octal escapes give single raw bytes) and the index after it.
 */
export function unquoteChar(s: string, i: number, q: string): { bytes: number[]; next: number; cp: number } {
  const cp = s.codePointAt(i) ?? 0;
  const width = cp > 0xffff ? 2 : 1;
  if (s[i] === q && (q === "'" || q === '"')) throw new SyntaxError_();
  if (s[i] !== '\\') {
    if (cp === 10 && q !== '`') throw new SyntaxError_();
    return { bytes: utf8Encode(String.fromCodePoint(cp)), next: i + width, cp };
  }
  const c = s[i + 1];
  if (c === undefined) throw new SyntaxError_();
  const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };
  if (Object.hasOwn(simple, c)) return { bytes: [simple[c]], next: i + 2, cp: simple[c] };
  if (c === "'" || c === '"') {
    if (c !== q) throw new SyntaxError_();
    return { bytes: [c.charCodeAt(0)], next: i + 2, cp: c.charCodeAt(0) };
  }
  if (c === 'x' || c === 'u' || c === 'U') {
    const n = c === 'x' ? 2 : c === 'u' ? 4 : 8;
    const hex = s.slice(i + 2, i + 2 + n);
    if (hex.length !== n || !/^[0-9a-fA-F]+$/.test(hex)) throw new SyntaxError_();
    const v = parseInt(hex, 16);
    if (c === 'x') return { bytes: [v], next: i + 2 + n, cp: v };
    if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) throw new SyntaxError_();
    return { bytes: utf8Encode(String.fromCodePoint(v)), next: i + 2 + n, cp: v };
  }
  if (c >= '0' && c <= '7') {
    const oct = s.slice(i + 1, i + 4);
    if (!/^[0-7]{3}$/.test(oct)) throw new SyntaxError_();
    const v = parseInt(oct, 8);
    if (v > 255) throw new SyntaxError_();
    return { bytes: [v], next: i + 4, cp: v };
  }
  throw new SyntaxError_();
}
