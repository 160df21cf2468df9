/**
 * POSIX regular expressions (grep's BRE by default, ERE with -E, fixed
 * strings with -F) translated to JavaScript RegExp source.
 *
 * BRE: `\( \) \{ \} \| \+ \?` are the operators and the bare characters are
 * literal (GNU grep accepts `\| \+ \?` as extensions); `*` at the start is
 * literal; `^` and `$` anchor only at the ends. ERE: the bare characters are
 * the operators. Bracket expressions copy through, with the POSIX classes
 * (`[:digit:]`) spelled out and a backslash inside taken literally.
 * `\<` and `\>` are word starts and ends (GNU).
 */

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', cntrl: '\\x00-\\x1f\\x7f', print: ' -~', graph: '!-~', word: 'A-Za-z0-9_',
};

/** Copies a bracket expression starting at `i` (the `[`); returns [source, next index] or undefined if unclosed. */
function bracket(re: string, i: number): [string, number] | undefined {
  let out = '[';
  let j = i + 1;
  if (re[j] === '^') {
    out += '^';
    j++;
  }
  if (re[j] === ']') {
    out += '\\]';
    j++;
  }
  for (; j < re.length; j++) {
    const ch = re[j];
    if (ch === ']') return [out + ']', j + 1];
    if (ch === '[' && re[j + 1] === ':') {
      const end = re.indexOf(':]', j + 2);
      if (end < 0) return undefined;
      const cls = CLASSES[re.slice(j + 2, end)];
      if (cls === undefined) return undefined;
      out += cls;
      j = end + 1;
    } else if (ch === '\\' || ch === '[') out += '\\' + ch;
    else out += ch;
  }
  return undefined;
}

export type RegexError = 'bracket' | 'paren' | 'brace' | 'backslash';

/** Translates a BRE or ERE; returns the JS source or which construct is broken. */
export function posixToJs(re: string, extended: boolean): { ok: true; source: string } | { ok: false; error: RegexError } {
  let out = '';
  let depth = 0;
  for (let i = 0; i < re.length; i++) {
    const ch = re[i];
    const atStart = out === '' || out.endsWith('(') || out.endsWith('|') || out === '^';
    if (ch === '[') {
      const b = bracket(re, i);
      if (!b) return { ok: false, error: 'bracket' };
      out += b[0];
      i = b[1] - 1;
    } else if (ch === '\\') {
      const n = re[++i];
      if (n === undefined) return { ok: false, error: 'backslash' };
      if (n === '<') out += '(?<!\\w)(?=\\w)';
      else if (n === '>') out += '(?<=\\w)(?!\\w)';
      else if (!extended && '(){}|+?'.includes(n)) {
        if (n === '(') depth++;
        if (n === ')' && --depth < 0) return { ok: false, error: 'paren' };
        out += n;
      } else if ('wWsSbB'.includes(n) || (n >= '1' && n <= '9')) out += '\\' + n;
      else out += /[A-Za-z0-9]/.test(n) ? n : '\\' + n;
    } else if (ch === '*' && atStart) out += '\\*';
    else if (ch === '^') out += i === 0 || extended ? '^' : '\\^';
    else if (ch === '$') out += i === re.length - 1 || extended ? '$' : '\\$';
    else if ('(){}|+?'.includes(ch)) {
      if (!extended) out += '\\' + ch;
      else {
        if (ch === '(') depth++;
        if (ch === ')' && --depth < 0) return { ok: false, error: 'paren' };
        out += ch === '{' && !/^\{[0-9]+(,[0-9]*)?\}/.test(re.slice(i)) ? '\\{' : ch;
      }
    } else if (ch === '/' || ch === ']' || ch === '}') out += '\\' + ch;
    else out += ch;
  }
  if (depth > 0) return { ok: false, error: 'paren' };
  return { ok: true, source: out };
}

/** Escapes a fixed string (-F). */
export function literalToJs(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** GNU grep's (dfa.c / regcomp) and musl's regerror texts for each broken construct. */
export function regexErrorText(err: RegexError, gnu: boolean): string {
  if (gnu) {
    switch (err) {
      case 'bracket': return 'Unmatched [, [^, [:, [., or [=';
      case 'paren': return 'Unmatched ( or \\(';
      case 'brace': return 'Unmatched \\{';
      case 'backslash': return 'Trailing backslash';
    }
  }
  switch (err) {
    case 'bracket': return "Missing ']'";
    case 'paren': return "Missing ')'";
    case 'brace': return "Missing '}'";
    case 'backslash': return 'Trailing backslash';
  }
}
