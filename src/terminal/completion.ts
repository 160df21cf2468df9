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
