/** Helpers for Tab completion, as bash shows it. */

export function longestCommonPrefix(words: readonly string[]): string {
  if (words.length === 0) return '';
  let prefix = words[0]!;
  for (const word of words.slice(1)) {
    let i = 0;
    while (i < prefix.length && i < word.length && prefix[i] === word[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix;
}

/**
 * Candidates in columns filling the width, sorted down the columns first,
 * the way readline prints them when a completion is ambiguous.
 */
export function formatColumns(words: readonly string[], cols: number): string {
  const sorted = [...words].sort();
  const cell = Math.max(...sorted.map((w) => w.length)) + 2;
  const perRow = Math.max(1, Math.floor((cols + 2) / cell));
  const rows = Math.ceil(sorted.length / perRow);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < perRow; c++) {
      const word = sorted[c * rows + r];
      if (word !== undefined) line += word.padEnd(cell);
    }
    lines.push(line.trimEnd());
  }
  return lines.join('\n');
}

export type CompletionStep =
  | { kind: 'none' }
  /** Text to insert at the cursor (the rest of the word, and a space when it is complete). */
  | { kind: 'insert'; text: string }
  /** Ambiguous with nothing more in common: show the candidates. */
  | { kind: 'list'; candidates: string[] };

/**
 * What Tab does, given the line up to the cursor and the emulator's
 * candidates for its last word (whole words, as `lab.complete` returns them).
 */
export function completionStep(before: string, candidates: readonly string[]): CompletionStep {
  const word = /\S*$/.exec(before)![0];
  const unique = [...new Set(candidates)].filter((c) => c.startsWith(word));
  if (unique.length === 0) return { kind: 'none' };
  const only = unique.length === 1 ? unique[0]! : undefined;
  // A directory or `--opt=` goes on being typed; any other complete word gets its space.
  const target = only !== undefined ? only + (/[/=]$/.test(only) ? '' : ' ') : longestCommonPrefix(unique);
  if (target.length > word.length) return { kind: 'insert', text: target.slice(word.length) };
  return unique.length > 1 ? { kind: 'list', candidates: unique } : { kind: 'none' };
}
