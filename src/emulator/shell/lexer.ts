/**
 * Splits a command line into tokens (XCU 2.3 token recognition): operators,
 * redirection operators (with an optional leading descriptor number, as in
 * `2>&1`) and words. Blanks separate tokens, `#` at the start of a token
 * begins a comment, `\` + newline joins lines. Reserved words (`if`, `do`,
 * `{`, `!`) are plain words here; the parser decides by position.
 */
import type { List, RedirOp, Word } from './ast';
import { readWord, type Cursor } from './word-reader';

export type OpText = ';' | '&' | '&&' | '||' | '|' | '(' | ')' | ';;' | '\n';

export type Token =
  | { type: 'word'; word: Word; /** The source text, e.g. `"$HOME"/x`. */ text: string }
  | { type: 'op'; text: OpText }
  | { type: 'redir'; op: RedirOp; fd?: number; text: string }
  | { type: 'eof' };

/** Longest match first, as the shell reads operators. */
const REDIR_OPS: readonly RedirOp[] = ['&>>', '<<<', '&>', '>>', '>&', '>|', '<<', '<&', '>', '<'];
const CONTROL_OPS: readonly OpText[] = ['&&', '||', ';;', ';', '&', '|', '(', ')', '\n'];

export class Lexer {
  private readonly c: Cursor;
  private peeked: Token | undefined;

  constructor(src: string, parseSub: (src: string) => List) {
    this.c = { src, pos: 0, parseSub };
  }

  peek(): Token {
    if (!this.peeked) this.peeked = this.read();
    return this.peeked;
  }

  next(): Token {
    const t = this.peek();
    this.peeked = undefined;
    return t;
  }

  private read(): Token {
    const c = this.c;
    const src = c.src;
    this.skipBlanks();
    if (c.pos >= src.length) return { type: 'eof' };
    const rest2 = src.startsWith('&>', c.pos);
    if (!rest2) {
      for (const op of CONTROL_OPS) {
        if (src.startsWith(op, c.pos)) {
          c.pos += op.length;
          return { type: 'op', text: op };
        }
      }
    }
    const redir = this.readRedirOp(undefined, c.pos);
    if (redir) return redir;
    const start = c.pos;
    const word = readWord(c);
    const text = src.slice(start, c.pos);
    // `2>&1`: a word of digits right before `<` or `>` is a descriptor number (XCU 2.7).
    if (/^[0-9]+$/.test(text) && (src[c.pos] === '<' || src[c.pos] === '>')) {
      const fdRedir = this.readRedirOp(Number(text), start);
      if (fdRedir) return fdRedir;
    }
    return { type: 'word', word, text };
  }

  private readRedirOp(fd: number | undefined, start: number): Token | undefined {
    const c = this.c;
    for (const op of REDIR_OPS) {
      if (c.src.startsWith(op, c.pos)) {
        if (fd !== undefined && op.startsWith('&')) return undefined;
        c.pos += op.length;
        return { type: 'redir', op, fd, text: c.src.slice(start, c.pos) };
      }
    }
    return undefined;
  }

  private skipBlanks(): void {
    const c = this.c;
    const src = c.src;
    for (;;) {
      const ch = src[c.pos];
      if (ch === ' ' || ch === '\t') c.pos++;
      else if (ch === '\\' && src[c.pos + 1] === '\n') c.pos += 2;
      else if (ch === '#') {
        const nl = src.indexOf('\n', c.pos);
        c.pos = nl < 0 ? src.length : nl;
      } else return;
    }
  }
}
