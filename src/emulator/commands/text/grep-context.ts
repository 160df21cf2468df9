/**
 * grep's context lines (`-A NUM`, `-B NUM`, `-C NUM`), as GNU grep and
 * BusyBox print them: selected lines carry `:` after the file name or line
 * number, context lines `-`, and a `--` line separates groups that are not
 * adjacent. A line is printed once, however many groups it belongs to.
 */
export interface Context {
  before: number;
  after: number;
}

/** `-A`/`-B`/`-C` values (the last of each wins, `-C` sets both unless -A/-B are given); undefined when absent; a string on a bad number. */
export function contextOf(values: Map<string, string[]>): Context | undefined | string {
  const num = (letter: string): number | undefined | string => {
    const v = values.get(letter)?.at(-1);
    if (v === undefined) return undefined;
    return /^\d+$/.test(v) ? Number(v) : `${v}: invalid context length argument`;
  };
  const [a, b, c] = [num('A'), num('B'), num('C')];
  for (const v of [a, b, c]) if (typeof v === 'string') return v;
  if (a === undefined && b === undefined && c === undefined) return undefined;
  return { before: (b ?? c ?? 0) as number, after: (a ?? c ?? 0) as number };
}

/**
 * The output for one input: `selected[i]` says whether line i matched (or
 * did not, with -v); `lead(i, sep)` builds the `file:`/`12:` prefix.
 */
export function withContext(lines: string[], selected: boolean[], ctx: Context, lead: (i: number, sep: ':' | '-') => string, separatorFirst: boolean): { text: string; printedAny: boolean } {
  let text = '';
  let last = -1; // index of the last line printed
  let afterLeft = 0;
  for (let i = 0; i < lines.length; i++) {
    if (selected[i]) {
      const from = Math.max(last + 1, i - ctx.before);
      // A gap since the last printed line (or an earlier file's output) gets a separator.
      if (last === -1 ? separatorFirst : from > last + 1) text += '--\n';
      for (let j = from; j < i; j++) text += lead(j, '-') + lines[j] + '\n';
      text += lead(i, ':') + lines[i] + '\n';
      last = i;
      afterLeft = ctx.after;
    } else if (afterLeft > 0 && last === i - 1) {
      text += lead(i, '-') + lines[i] + '\n';
      last = i;
      afterLeft--;
    }
  }
  return { text, printedAny: last >= 0 };
}
