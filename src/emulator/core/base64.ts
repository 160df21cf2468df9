/**
 * Base64 (RFC 4648, standard alphabet, `=` padding) for bytes that must
 * travel inside JSON: a compressed snapshot in localStorage or in a page.
 * Written out here because the emulator runs in Node and browsers alike:
 * Buffer is Node's only, and btoa/atob work on "binary strings", are not in
 * the emulator's ES-only lib, and need chunking for large inputs anyway.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Character code -> its 6-bit value; -1 for a character outside the alphabet. */
const VALUES = (() => {
  const table = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();

const ALPHABET_CODES = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
const PAD = '='.charCodeAt(0);

/** Character codes become a string this many at a time: fromCharCode takes them as arguments, and argument lists are limited. */
const CHUNK_CHARS = 8192;

export function bytesToBase64(bytes: Uint8Array): string {
  // Character codes first, one string per chunk last: appending characters one by one is ~10x slower.
  const codes = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let out = 0;
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    codes[out++] = ALPHABET_CODES[n >> 18];
    codes[out++] = ALPHABET_CODES[(n >> 12) & 63];
    codes[out++] = i + 1 < bytes.length ? ALPHABET_CODES[(n >> 6) & 63] : PAD;
    codes[out++] = i + 2 < bytes.length ? ALPHABET_CODES[n & 63] : PAD;
  }
  const pieces: string[] = [];
  for (let start = 0; start < codes.length; start += CHUNK_CHARS) {
    // apply() takes the typed array as it is; a spread (...) would iterate it, ~4x slower.
    pieces.push(String.fromCharCode.apply(null, codes.subarray(start, start + CHUNK_CHARS) as unknown as number[]));
  }
  return pieces.join('');
}

function valueAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  const value = code < 128 ? VALUES[code] : -1;
  if (value < 0) throw new Error(`not base64: unexpected character ${JSON.stringify(text[i])} at position ${i}`);
  return value;
}

/** Strict: throws an Error naming what is wrong for a length that is not a multiple of 4 or any character outside the alphabet. */
export function base64ToBytes(text: string): Uint8Array {
  if (text.length % 4 !== 0) throw new Error(`not base64: its length ${text.length} is not a multiple of 4`);
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let out = 0;
  for (let i = 0; i < text.length; i += 4) {
    const last = i + 4 === text.length;
    const n =
      (valueAt(text, i) << 18) |
      (valueAt(text, i + 1) << 12) |
      (last && padding === 2 ? 0 : valueAt(text, i + 2) << 6) |
      (last && padding >= 1 ? 0 : valueAt(text, i + 3));
    bytes[out++] = n >> 16;
    if (out < bytes.length) bytes[out++] = (n >> 8) & 255;
    if (out < bytes.length) bytes[out++] = n & 255;
  }
  return bytes;
}
