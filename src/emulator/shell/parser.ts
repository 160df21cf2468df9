/**
 * A recursive-descent parser for the POSIX shell grammar (XCU 2.10), cut to
 * what a one-line terminal needs: lists (`;` `&` newline), and-or lists
 * (`&&` `||`), pipelines with `!`, simple commands with assignments and
 * redirections, and the compound commands `( )`, `{ }`, `if`, `for`,
 * `while`, `until`. Not parsed: `case`, functions, here-document bodies.
 */
import type { AndOr, Assignment, Command, List, Pipeline, Redirect, SimpleCommand, Word } from './ast';
import { Lexer, type Token } from './lexer';
import { ParseFailure, unexpected, isIncomplete, type SyntaxErrorInfo } from './syntax-error';

export type ParseResult =
  | { ok: true; list: List }
  | {
      ok: false;
      error: SyntaxErrorInfo;
      /** True when more input could complete the line (bash would prompt with `> `). */
      incomplete: boolean;
    };

/** Parses a command line; never throws. */
export function parse(src: string): ParseResult {
  try {
    return { ok: true, list: parseOrThrow(src) };
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, error: e.info, incomplete: isIncomplete(e.info) };
    throw e;
  }
}

function parseOrThrow(src: string): List {
  return new Parser(src).program();
}

const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for', 'in', '{', '}', '!']);

class Parser {
  private readonly lx: Lexer;

  constructor(src: string) {
    this.lx = new Lexer(src, parseOrThrow);
  }

  program(): List {
    const list = this.list(NO_STOPS);
    const t = this.lx.peek();
    if (t.type !== 'eof') throw this.unexpectedToken(t);
    return list;
  }

  /** Commands separated by `;`, `&` or newlines, up to a stop word or `)`. */
  private list(stops: ReadonlySet<string>): List {
    const items: AndOr[] = [];
    this.skipNewlines();
    for (;;) {
      const t = this.lx.peek();
      if (t.type === 'eof' || isStop(t, stops)) break;
      items.push(this.andOr());
      const sep = this.lx.peek();
      if (sep.type !== 'op' || (sep.text !== ';' && sep.text !== '&' && sep.text !== '\n')) break;
      this.lx.next();
      this.skipNewlines();
    }
    return { items };
  }

  /** A list that must hold at least one command (`if ; then` is an error in bash and ash). */
  private body(stops: ReadonlySet<string>, expecting: string): List {
    const list = this.list(stops);
    if (list.items.length === 0) {
      const t = this.lx.peek();
      if (t.type === 'eof') throw new ParseFailure({ kind: 'eof', expecting });
      throw this.unexpectedToken(t);
    }
    return list;
  }

  private andOr(): AndOr {
    const first = this.pipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      const t = this.lx.peek();
      if (t.type !== 'op' || (t.text !== '&&' && t.text !== '||')) return { first, rest };
      this.lx.next();
      this.skipNewlines();
      rest.push({ op: t.text, pipeline: this.pipeline() });
    }
  }

  private pipeline(): Pipeline {
    let negate = false;
    const t = this.lx.peek();
    if (t.type === 'word' && t.text === '!') {
      this.lx.next();
      negate = true;
    }
    const commands = [this.command()];
    for (;;) {
      const p = this.lx.peek();
      if (p.type !== 'op' || p.text !== '|') return { negate, commands };
      this.lx.next();
      this.skipNewlines();
      commands.push(this.command());
    }
  }

  private command(): Command {
    const t = this.lx.peek();
    if (t.type === 'eof') throw new ParseFailure({ kind: 'eof' });
    if (t.type === 'op') {
      if (t.text !== '(') throw this.unexpectedToken(t);
      this.lx.next();
      const body = this.body(CLOSE_PAREN, ')');
      this.expectOp(')');
      return { kind: 'subshell', body, redirs: this.redirects() };
    }
    if (t.type === 'word' && RESERVED.has(t.text)) return this.compound(t.text);
    return this.simple();
  }

  private compound(word: string): Command {
    const t = this.lx.next();
    switch (word) {
      case '{': {
        const body = this.body(CLOSE_BRACE, '}');
        this.expectWord('}');
        return { kind: 'group', body, redirs: this.redirects() };
      }
      case 'if':
        return this.ifCommand();
      case 'while':
      case 'until': {
        const cond = this.body(DO, 'do');
        this.expectWord('do');
        const body = this.body(DONE, 'done');
        this.expectWord('done');
        return { kind: word, cond, body, redirs: this.redirects() };
      }
      case 'for':
        return this.forCommand();
      default:
        throw this.unexpectedToken(t);
    }
  }

  private ifCommand(): Command {
    const branches: { cond: List; body: List }[] = [];
    let elseBody: List | undefined;
    for (;;) {
      const cond = this.body(THEN, 'then');
      this.expectWord('then');
      const body = this.body(IF_BODY_END, 'fi');
      branches.push({ cond, body });
      const t = this.lx.next();
      if (t.type === 'word' && t.text === 'elif') continue;
      if (t.type === 'word' && t.text === 'else') {
        elseBody = this.body(FI, 'fi');
        this.expectWord('fi');
      } else if (t.type !== 'word' || t.text !== 'fi') throw this.unexpectedToken(t, 'fi');
      break;
    }
    return { kind: 'if', branches, elseBody, redirs: this.redirects() };
  }

  private forCommand(): Command {
    const nameTok = this.lx.next();
    if (nameTok.type === 'eof') throw new ParseFailure({ kind: 'eof' });
    // An invalid name (`for 1 in`) is reported when the loop runs, as bash does.
    if (nameTok.type !== 'word') throw this.unexpectedToken(nameTok);
    let items: Word[] | undefined;
    this.skipNewlines();
    const t = this.lx.peek();
    if (t.type === 'word' && t.text === 'in') {
      this.lx.next();
      items = [];
      for (let w = this.lx.peek(); w.type === 'word'; w = this.lx.peek()) items.push((this.lx.next() as { word: Word }).word);
    }
    const sep = this.lx.peek();
    if (sep.type === 'op' && (sep.text === ';' || sep.text === '\n')) this.lx.next();
    else if (items !== undefined && sep.type !== 'eof' && !(sep.type === 'word' && sep.text === 'do')) throw this.unexpectedToken(sep);
    this.skipNewlines();
    this.expectWord('do');
    const body = this.body(DONE, 'done');
    this.expectWord('done');
    return { kind: 'for', name: nameTok.text, items, body, redirs: this.redirects() };
  }

  private simple(): SimpleCommand {
    const cmd: SimpleCommand = { kind: 'simple', assigns: [], words: [], redirs: [] };
    for (;;) {
      const t = this.lx.peek();
      if (t.type === 'redir') cmd.redirs.push(this.redirect());
      else if (t.type === 'word') {
        this.lx.next();
        const assign = cmd.words.length === 0 ? asAssignment(t.text, t.word) : undefined;
        if (assign) cmd.assigns.push(assign);
        else cmd.words.push(t.word);
      } else return cmd;
    }
  }

  private redirects(): Redirect[] {
    const out: Redirect[] = [];
    while (this.lx.peek().type === 'redir') out.push(this.redirect());
    return out;
  }

  private redirect(): Redirect {
    const r = this.lx.next() as Extract<Token, { type: 'redir' }>;
    const target = this.lx.next();
    // At the end of the line bash has read the newline, hence `newline'.
    if (target.type === 'eof') throw unexpected('newline', 'newline');
    if (target.type !== 'word') throw this.unexpectedToken(target);
    return { fd: r.fd, op: r.op, target: target.word };
  }

  private expectWord(word: string): void {
    const t = this.lx.next();
    if (t.type === 'word' && t.text === word) return;
    if (t.type === 'eof') throw new ParseFailure({ kind: 'eof', expecting: word });
    throw this.unexpectedToken(t, word);
  }

  private expectOp(op: ')'): void {
    const t = this.lx.next();
    if (t.type === 'op' && t.text === op) return;
    if (t.type === 'eof') throw new ParseFailure({ kind: 'unterminated', closer: op });
    throw this.unexpectedToken(t, op);
  }

  private skipNewlines(): void {
    for (let t = this.lx.peek(); t.type === 'op' && t.text === '\n'; t = this.lx.peek()) this.lx.next();
  }

  private unexpectedToken(t: Token, expecting?: string): ParseFailure {
    if (t.type === 'eof') return new ParseFailure({ kind: 'eof', expecting });
    if (t.type === 'redir') return unexpected(t.text, 'redir', expecting);
    if (t.type === 'op') return unexpected(t.text, t.text === '\n' ? 'newline' : 'op', expecting);
    return unexpected(t.text, RESERVED.has(t.text) ? 'keyword' : 'word', expecting);
  }
}

const NO_STOPS: ReadonlySet<string> = new Set();
const CLOSE_PAREN: ReadonlySet<string> = new Set([')']);
const CLOSE_BRACE: ReadonlySet<string> = new Set(['}']);
const THEN: ReadonlySet<string> = new Set(['then']);
const IF_BODY_END: ReadonlySet<string> = new Set(['elif', 'else', 'fi']);
const FI: ReadonlySet<string> = new Set(['fi']);
const DO: ReadonlySet<string> = new Set(['do']);
const DONE: ReadonlySet<string> = new Set(['done']);

/**
 * Keywords that can only close a construct. A list ends at any of them (as
 * ash's list() does), so the construct being parsed reports what it
 * expected: `if true; fi` → unexpected "fi" (expecting "then").
 */
const CLOSERS: ReadonlySet<string> = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}']);

function isStop(t: Token, stops: ReadonlySet<string>): boolean {
  if (t.type === 'op') return t.text === ')' && stops.has(')');
  return t.type === 'word' && (stops.has(t.text) || CLOSERS.has(t.text));
}

/** `NAME=value` before the command name is an assignment (XCU 2.10.2 rule 7). */
function asAssignment(text: string, word: Word): Assignment | undefined {
  const m = /^[A-Za-z_][A-Za-z0-9_]*=/.exec(text);
  const first = word.parts[0];
  if (!m || !first || first.kind !== 'lit' || first.quoted || !first.text.startsWith(m[0])) return undefined;
  const restText = first.text.slice(m[0].length);
  const parts = restText ? [{ ...first, text: restText }, ...word.parts.slice(1)] : word.parts.slice(1);
  return { name: m[0].slice(0, -1), value: { parts } };
}
