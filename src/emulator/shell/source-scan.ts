/**
 * Finds where a nested construct (`$(...)`, `${...}`, `$((...))`) ends,
 * stepping over quotes and escapes the way the shell's reader does before it
 * parses the inside. (A `case` pattern's `)` inside `$(...)` is not
 * understood; the shell has no `case`.)
 */

/** Index just past a quoted run starting at `i` (which holds ' " or `), or -1 if it never closes. */
function skipQuoted(src: string, i: number): number {
  const q = src[i];
  if (q === "'") {
    const end = src.indexOf("'", i + 1);
    return end < 0 ? -1 : end + 1;
  }
  for (let j = i + 1; j < src.length; j++) {
    if (src[j] === '\\') j++;
    else if (src[j] === q) return j + 1;
    else if (q === '"' && src[j] === '$' && src[j + 1] === '(') {
      const end = findParenEnd(src, j + 2);
      if (end < 0) return -1;
      j = end;
    }
  }
  return -1;
}

/** The index of the `)` that closes a `(` opened just before `start`, or -1. */
export function findParenEnd(src: string, start: number): number {
  let depth = 1;
  for (let i = start; i < src.length; i++) {
    const ch = src[i];
    if (ch === '\\') i++;
    else if (ch === "'" || ch === '"' || ch === '`') {
      const next = skipQuoted(src, i);
      if (next < 0) return -1;
      i = next - 1;
    } else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
  }
  return -1;
}

/** The index of the `}` that closes `${` (opened just before `start`), or -1. */
export function findBraceEnd(src: string, start: number): number {
  let depth = 1;
  for (let i = start; i < src.length; i++) {
    const ch = src[i];
    if (ch === '\\') i++;
    else if (ch === "'" || ch === '"' || ch === '`') {
      const next = skipQuoted(src, i);
      if (next < 0) return -1;
      i = next - 1;
    } else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i;
  }
  return -1;
}

/**
 * For `$((` (with `start` just after it): the index of the first `)` of the
 * closing `))`, or -1 when the parentheses close otherwise (then it was a
 * subshell inside a command substitution).
 */
export function findArithEnd(src: string, start: number): number {
  let depth = 0;
  for (let i = start; i < src.length; i++) {
    const ch = src[i];
    if (ch === '(') depth++;
    else if (ch === ')') {
      if (depth > 0) depth--;
      else return src[i + 1] === ')' ? i : -1;
    }
  }
  return -1;
}
