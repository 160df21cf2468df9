/**
 * The syntax tree of one command line, as the POSIX shell grammar names its
 * parts (XCU 2.10): a list of and-or lists, each a chain of pipelines, each
 * pipeline a chain of commands. Plain data, so a parsed line can be cached.
 */

/** One piece of a word; `quoted` pieces are never split into fields. */
export type WordPart =
  | { kind: 'lit'; text: string; quoted: boolean }
  | { kind: 'param'; name: string; quoted: boolean; op?: ParamOp }
  | { kind: 'cmdsub'; list: List; quoted: boolean }
  | { kind: 'arith'; expr: string; quoted: boolean }
  /** `${a b}`: bash reports it when it expands the word, not when it parses. */
  | { kind: 'badsub'; text: string; quoted: boolean };

/**
 * `${NAME:-word}` and friends; `len` is `${#NAME}`; `#`, `##`, `%`, `%%`
 * remove a prefix or suffix matching a pattern (only `*` and `?` are
 * wildcards here); `substr` is `${NAME:offset:length}` (bash, and ash's
 * bash-compatible build), the two parts being arithmetic expressions.
 */
export interface ParamOp {
  op: ':-' | '-' | ':=' | '=' | ':+' | '+' | '?' | ':?' | 'len' | '#' | '##' | '%' | '%%' | 'substr';
  word?: Word;
  offset?: string;
  length?: string;
}

export interface Word {
  parts: WordPart[];
}

/** `<<` only keeps its delimiter: a one-line shell has no here-document body. */
export type RedirOp = '>' | '>>' | '<' | '>&' | '<&' | '&>' | '&>>' | '<<' | '<<<' | '>|';

export interface Redirect {
  /** The file descriptor redirected; undefined means the operator's default (0 or 1). */
  fd?: number;
  op: RedirOp;
  target: Word;
}

export interface Assignment {
  name: string;
  value: Word;
}

export interface SimpleCommand {
  kind: 'simple';
  assigns: Assignment[];
  words: Word[];
  redirs: Redirect[];
}

export interface Subshell {
  kind: 'subshell';
  body: List;
  redirs: Redirect[];
}

export interface Group {
  kind: 'group';
  body: List;
  redirs: Redirect[];
}

export interface IfCommand {
  kind: 'if';
  /** `if c1; then b1; elif c2; then b2; fi` → [[c1, b1], [c2, b2]]. */
  branches: { cond: List; body: List }[];
  elseBody?: List;
  redirs: Redirect[];
}

export interface ForCommand {
  kind: 'for';
  name: string;
  /** undefined for `for x; do` (the positional parameters, always empty here). */
  items?: Word[];
  body: List;
  redirs: Redirect[];
}

export interface LoopCommand {
  kind: 'while' | 'until';
  cond: List;
  body: List;
  redirs: Redirect[];
}

export type Command = SimpleCommand | Subshell | Group | IfCommand | ForCommand | LoopCommand;

export interface Pipeline {
  /** `! cmd` inverts the status. */
  negate: boolean;
  commands: Command[];
}

export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

export interface List {
  items: AndOr[];
}
