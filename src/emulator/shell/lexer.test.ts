import { describe, expect, it } from 'vitest';
import { Lexer, type Token } from './lexer';
import { parse } from './parser';

function tokens(src: string): Token[] {
  const lx = new Lexer(src, (s) => {
    const r = parse(s);
    if (!r.ok) throw new Error('bad sub');
    return r.list;
  });
  const out: Token[] = [];
  for (let t = lx.next(); t.type !== 'eof'; t = lx.next()) out.push(t);
  return out;
}

const texts = (src: string) => tokens(src).map((t) => (t.type === 'word' || t.type === 'op' || t.type === 'redir' ? t.text : 'eof'));

describe('lexer', () => {
  it('splits words on blanks and tabs', () => {
    expect(texts('echo  a\tb')).toEqual(['echo', 'a', 'b']);
  });

  it('recognises control operators longest first', () => {
    expect(texts('a&&b||c;d|e&f')).toEqual(['a', '&&', 'b', '||', 'c', ';', 'd', '|', 'e', '&', 'f']);
  });

  it('reads a descriptor number before a redirection', () => {
    const t = tokens('cmd 2>&1');
    expect(t[1]).toMatchObject({ type: 'redir', op: '>&', fd: 2 });
    expect(t[2]).toMatchObject({ type: 'word', text: '1' });
  });

  it('does not take a digit word followed by a blank as a descriptor', () => {
    expect(texts('echo 2 > f')).toEqual(['echo', '2', '>', 'f']);
  });

  it('reads >>, &>, <<< and 2>/dev/null', () => {
    expect(tokens('a >> f &> g <<< w 2>/dev/null').filter((t) => t.type === 'redir').map((t) => (t as { op: string }).op))
      .toEqual(['>>', '&>', '<<<', '>']);
  });

  it('skips comments at the start of a token only', () => {
    expect(texts('echo a#b # comment here')).toEqual(['echo', 'a#b']);
  });

  it('joins a backslash-newline continuation', () => {
    expect(texts('echo a \\\nb')).toEqual(['echo', 'a', 'b']);
  });

  it('keeps quoted metacharacters inside one word', () => {
    expect(texts(`echo "a | b" 'c;d' e\\ f`)).toEqual(['echo', '"a | b"', "'c;d'", 'e\\ f']);
  });

  it('keeps a $(...) with spaces and pipes as one word', () => {
    expect(texts('echo $(ls | wc -l)x')).toEqual(['echo', '$(ls | wc -l)x']);
  });

  it('marks quoted parts of a word', () => {
    const t = tokens(`a"b"'c'`)[0];
    expect(t.type === 'word' && t.word.parts).toEqual([
      { kind: 'lit', text: 'a', quoted: false },
      { kind: 'lit', text: 'bc', quoted: true },
    ]);
  });

  it('reads parameters in their forms', () => {
    const t = tokens('$A${B}$?$1$')[0];
    expect(t.type === 'word' && t.word.parts.map((p) => (p.kind === 'param' ? p.name : p.kind === 'lit' ? p.text : p.kind))).toEqual(['A', 'B', '?', '1', '$']);
  });

  it('reads $\'...\' with C escapes', () => {
    const t = tokens("$'a\\tb\\x41'")[0];
    expect(t.type === 'word' && t.word.parts).toEqual([{ kind: 'lit', text: 'a\tbA', quoted: true }]);
  });
});
