/**
 * Syntax errors, kept as data while parsing and turned into the text the
 * real shell prints only at the end, because bash and BusyBox ash word them
 * differently:
 *
 *   bash (parse.y, report_syntax_error):
 *     bash: syntax error near unexpected token `|'
 *     bash: syntax error: unexpected end of file
 *     bash: unexpected EOF while looking for matching `''   (then the line above)
 *   ash (shell/ash.c, raise_error_unexpected_syntax + tokname()):
 *     sh: syntax error: unexpected "|"
 *     sh: syntax error: unexpected newline
 *     sh: syntax error: unexpected end of file (expecting "fi")
 *     sh: syntax error: unterminated quoted string
 *
 * ash quotes operator and keyword tokens but names the others (`newline`,
 * `end of file`, `word`, `redirection`), as its tokname_array does. These
 * are the interactive forms: bash -c would add `-c: line 1: `, which a
 * terminal never shows.
 */

export type SyntaxErrorInfo =
  | {
      kind: 'token';
      /** The token as bash prints it: `|`, `newline`, `fi`, `foo`. */
      text: string;
      /** The token as ash names it: `"|"`, `newline`, `"fi"`, `word`. */
      ash: string;
      /** ash adds `(expecting "then")` when one token was required. */
      expecting?: string;
    }
  | { kind: 'eof'; expecting?: string }
  | {
      kind: 'unterminated';
      /** The closing character looked for: ' " ` ) } */
      closer: string;
    };

/** Thrown inside the lexer and parser; `parse()` catches it and returns it as data. */
export class ParseFailure extends Error {
  constructor(readonly info: SyntaxErrorInfo) {
    super('syntax error');
  }
}

/** An unexpected token, named for both shells. */
export function unexpected(text: string, kind: 'op' | 'word' | 'keyword' | 'redir' | 'newline', expecting?: string): ParseFailure {
  let ash: string;
  if (kind === 'newline') ash = 'newline';
  else if (kind === 'word') ash = 'word';
  else if (kind === 'redir') ash = 'redirection';
  else ash = `"${text}"`;
  return new ParseFailure({ kind: 'token', text: kind === 'newline' ? 'newline' : text, ash, expecting });
}

/** True when more input could complete the line (an interactive shell would show `> `). */
export function isIncomplete(info: SyntaxErrorInfo): boolean {
  return info.kind !== 'token';
}

/** The lines the shell prints for a syntax error; `argv0` is `bash`, `sh` or `/bin/sh`. */
export function formatSyntaxError(info: SyntaxErrorInfo, flavour: 'bash' | 'sh', argv0: string): string {
  if (flavour === 'bash') {
    if (info.kind === 'token') return `${argv0}: syntax error near unexpected token \`${info.text}'\n`;
    const eof = `${argv0}: syntax error: unexpected end of file\n`;
    if (info.kind === 'unterminated') {
      return `${argv0}: unexpected EOF while looking for matching \`${info.closer}'\n` + eof;
    }
    return eof;
  }
  const expecting = (e?: string) => (e ? ` (expecting "${e}")` : '');
  if (info.kind === 'token') return `${argv0}: syntax error: unexpected ${info.ash}${expecting(info.expecting)}\n`;
  // ash reads a quoted string to its end before it parses, so an open quote
  // is "unterminated quoted string"; an open `$(` is parsed as a nested list
  // that meets end of file while expecting ")" (derived from ash.c's parsebackq).
  // The `${` text is NOT verified against a transcript: the most plausible wording.
  if (info.kind === 'unterminated') {
    if (info.closer === ')') return `${argv0}: syntax error: unexpected end of file (expecting ")")\n`;
    if (info.closer === '}') return `${argv0}: syntax error: missing '}'\n`;
    return `${argv0}: syntax error: unterminated quoted string\n`;
  }
  return `${argv0}: syntax error: unexpected end of file${expecting(info.expecting)}\n`;
}
