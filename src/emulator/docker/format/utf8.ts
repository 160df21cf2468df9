/**
 * Go strings are UTF-8 bytes; JS strings are UTF-16. These helpers give the byte view
 * Go code sees: `len`, `slice`, `index`, `truncate` and error columns count bytes.
 * (TextEncoder is a DOM/Node global outside the ES lib this emulator compiles against.)
 *
 * A Go string can hold bytes that are not UTF-8 ("\xff", or a rune cut in half by
 * `slice`). Such a byte b is kept in the JS string as the lone surrogate U+DC00+b (the
 * "surrogateescape" trick), so it survives a round trip; `toDisplay` turns each into
 * U+FFFD, which is what a terminal shows for the raw byte.
 */

/** The byte an escaped invalid byte stands for, or -1. */
function escapedByte(cp: number): number {
  return cp >= 0xdc80 && cp <= 0xdcff ? cp - 0xdc00 : -1;
}

/** UTF-8 bytes of `s`; escaped bytes come back as themselves, other lone surrogates as U+FFFD. */
export function utf8Encode(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    let cp = ch.codePointAt(0) ?? 0xfffd;
    const b = escapedByte(cp);
    if (b >= 0) {
      out.push(b);
      continue;
    }
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else {
      out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    }
  }
  return out;
}

/** Byte length of `s` in UTF-8, without building the bytes. */
export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    n += escapedByte(cp) >= 0 ? 1 : cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Decodes bytes; each invalid byte is kept as an escaped byte (see above). */
export function utf8Decode(bytes: readonly number[]): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const { cp, size } = decodeRune(bytes, i);
    out += cp === 0xfffd && size === 1 && bytes[i] >= 0x80 ? String.fromCharCode(0xdc00 + bytes[i]) : String.fromCodePoint(cp);
    i += size;
  }
  return out;
}

/** Text for the terminal: escaped invalid bytes (and any lone surrogate) become U+FFFD. */
export function toDisplay(s: string): string {
  return s.replace(/[\ud800-\udfff]/gu, '\ufffd');
}

/** utf8.DecodeRune: the rune at `i` and its size; invalid input gives (U+FFFD, 1). */
export function decodeRune(bytes: readonly number[], i: number): { cp: number; size: number } {
  const b0 = bytes[i];
  if (b0 < 0x80) return { cp: b0, size: 1 };
  const need = b0 > 0xf4 ? -1 : b0 >= 0xf0 ? 3 : b0 >= 0xe0 ? 2 : b0 >= 0xc2 ? 1 : -1;
  if (need < 0 || i + need >= bytes.length) return { cp: 0xfffd, size: 1 };
  let cp = b0 & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
  for (let k = 1; k <= need; k++) {
    const b = bytes[i + k];
    if (b === undefined || (b & 0xc0) !== 0x80) return { cp: 0xfffd, size: 1 };
    cp = (cp << 6) | (b & 63);
  }
  const min = need === 1 ? 0x80 : need === 2 ? 0x800 : 0x10000;
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return { cp: 0xfffd, size: 1 };
  return { cp, size: need + 1 };
}

/** Number of runes (code points), as utf8.RuneCountInString counts them. */
export function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/**
 * Go's string ordering (`<`, sort.Strings, encoding/json map keys) compares bytes;
 * for UTF-8 that is code-point order, which differs from JS's UTF-16 order above U+FFFF.
 */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  const ai = a[Symbol.iterator]();
  const bi = b[Symbol.iterator]();
  for (;;) {
    const x = ai.next();
    const y = bi.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    const cx = x.value.codePointAt(0) ?? 0;
    const cy = y.value.codePointAt(0) ?? 0;
    if (cx !== cy) return cx < cy ? -1 : 1;
  }
}
