/**
 * Go's strconv.ParseUint / ParseInt for base 10, with the unwrapped error text
 * (`numErr.Err`) the Docker code prints: "invalid syntax" or "value out of range".
 *
 * Port parsers in go-connections and moby unwrap *strconv.NumError to its Err,
 * so `invalid start port 'x': invalid syntax` never shows the `strconv.ParseUint:`
 * prefix. Base 10 means no underscores and no 0x prefix.
 */

export const ERR_SYNTAX = 'invalid syntax';
export const ERR_RANGE = 'value out of range';

export type GoNumber = { value: bigint } | { error: typeof ERR_SYNTAX | typeof ERR_RANGE };

/**
 * strconv.ParseUint(s, 10, bitSize). Like Go, it scans left to right and reports
 * "value out of range" as soon as the value overflows, even if a bad character
 * follows ("99999a" with bitSize 16 is out of range, not a syntax error).
 */
export function parseUint10(s: string, bitSize: number): GoNumber {
  if (s === '') return { error: ERR_SYNTAX };
  const max = (1n << BigInt(bitSize)) - 1n;
  let n = 0n;
  for (const ch of s) {
    if (ch < '0' || ch > '9') return { error: ERR_SYNTAX };
    n = n * 10n + BigInt(ch.charCodeAt(0) - 48);
    if (n > max) return { error: ERR_RANGE };
  }
  return { value: n };
}

/** strconv.ParseInt(s, 10, bitSize): an optional leading '+' or '-', then ParseUint. */
export function parseInt10(s: string, bitSize: number): GoNumber {
  if (s === '') return { error: ERR_SYNTAX };
  let digits = s;
  let negative = false;
  if (s[0] === '+' || s[0] === '-') {
    negative = s[0] === '-';
    digits = s.slice(1);
  }
  const u = parseUint10(digits, bitSize);
  if ('error' in u) return u;
  const cutoff = 1n << BigInt(bitSize - 1);
  if (!negative && u.value >= cutoff) return { error: ERR_RANGE };
  if (negative && u.value > cutoff) return { error: ERR_RANGE };
  return { value: negative ? -u.value : u.value };
}
