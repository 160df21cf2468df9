import { describe, expect, it } from 'vitest';
import type { SimpleCommand } from './ast';
import { parse } from './parser';
import { formatSyntaxError } from './syntax-error';

function ok(src: string) {
  const r = parse(src);
  if (!r.ok) throw new Error(`expected ${src} to parse: ${JSON.stringify(r.error)}`);
  return r.list;
}

function bashError(src: string): string {
  const r = parse(src);
  if (r.ok) throw new Error(`expected ${src} to fail`);
  return formatSyntaxError(r.error, 'bash', 'bash');
}

function ashError(src: string): string {
  const r = parse(src);
  if (r.ok) throw new Error(`expected ${src} to fail`);
  return formatSyntaxError(r.error, 'sh', 'sh');
}

describe('parser', () => {
  it('parses an empty line and a comment to an empty list', () => {
    expect(ok('').items).toEqual([]);
    expect(ok('   # nothing').items).toEqual([]);
  });

  it('builds and-or chains', () => {
    const list = ok('a && b || c; d');
    expect(list.items).toHaveLength(2);
    expect(list.items[0].rest.map((r) => r.op)).toEqual(['&&', '||']);
  });

  it('builds pipelines with negation', () => {
    const p = ok('! a | b | c').items[0].first;
    expect(p.negate).toBe(true);
    expect(p.commands).toHaveLength(3);
  });

  it('separates prefix assignments from words', () => {
    const cmd = ok('A=1 B="x y" env C=3').items[0].first.commands[0] as SimpleCommand;
    expect(cmd.assigns.map((a) => a.name)).toEqual(['A', 'B']);
    expect(cmd.words).toHaveLength(2);
  });

  it('does not take a quoted name as an assignment', () => {
    const cmd = ok('"A"=1').items[0].first.commands[0] as SimpleCommand;
    expect(cmd.assigns).toEqual([]);
  });

  it('collects redirections anywhere in a simple command', () => {
    const cmd = ok('>out echo a 2>&1 b').items[0].first.commands[0] as SimpleCommand;
    expect(cmd.redirs.map((r) => [r.fd, r.op])).toEqual([[undefined, '>'], [2, '>&']]);
    expect(cmd.words).toHaveLength(3);
  });

  it('parses command substitution inside double quotes', () => {
    const cmd = ok('echo "n=$(echo 1)"').items[0].first.commands[0] as SimpleCommand;
    expect(cmd.words[1].parts.map((p) => p.kind)).toEqual(['lit', 'cmdsub']);
  });

  it('parses if, for, while, subshells and groups', () => {
    expect(ok('if a; then b; elif c; then d; else e; fi').items[0].first.commands[0].kind).toBe('if');
    expect(ok('for i in 1 2; do echo $i; done').items[0].first.commands[0].kind).toBe('for');
    expect(ok('while false; do :; done').items[0].first.commands[0].kind).toBe('while');
    expect(ok('(cd /tmp; ls)').items[0].first.commands[0].kind).toBe('subshell');
    expect(ok('{ echo a; echo b; } > f').items[0].first.commands[0].kind).toBe('group');
  });

  it('treats reserved words as plain words after a command name', () => {
    const cmd = ok('echo if then fi').items[0].first.commands[0] as SimpleCommand;
    expect(cmd.words).toHaveLength(4);
  });
});

describe('syntax errors', () => {
  it('words an unexpected pipe as bash does', () => {
    expect(bashError('| grep x')).toBe("bash: syntax error near unexpected token `|'\n");
  });

  it('words an unexpected pipe as BusyBox ash does', () => {
    expect(ashError('| grep x')).toBe('sh: syntax error: unexpected "|"\n');
  });

  it('reports a missing redirection target as newline', () => {
    expect(bashError('echo >')).toBe("bash: syntax error near unexpected token `newline'\n");
    expect(ashError('echo >')).toBe('sh: syntax error: unexpected newline\n');
  });

  it('reports ;; and a stray ) ', () => {
    expect(bashError('echo a ;; b')).toBe("bash: syntax error near unexpected token `;;'\n");
    expect(bashError('echo )')).toBe("bash: syntax error near unexpected token `)'\n");
  });

  it('reports a double separator', () => {
    expect(bashError('echo a; ; b')).toBe("bash: syntax error near unexpected token `;'\n");
    expect(bashError('a && && b')).toBe("bash: syntax error near unexpected token `&&'\n");
  });

  it('reports a keyword out of place', () => {
    expect(bashError('fi')).toBe("bash: syntax error near unexpected token `fi'\n");
    expect(ashError('if true; fi')).toBe('sh: syntax error: unexpected "fi" (expecting "then")\n');
  });

  it('marks an input that ends too early as incomplete', () => {
    for (const src of ['echo a |', 'a &&', 'if true; then echo', 'for i in 1; do', 'echo "abc', "echo 'x", 'echo $(ls', '(echo']) {
      const r = parse(src);
      expect(r.ok ? 'parsed' : r.incomplete, src).toBe(true);
    }
  });

  it('words an open quote as bash and ash do', () => {
    expect(bashError("echo 'abc")).toBe("bash: unexpected EOF while looking for matching `''\nbash: syntax error: unexpected end of file\n");
    expect(ashError('echo "abc')).toBe('sh: syntax error: unterminated quoted string\n');
  });

  it('words a dangling operator at the end of input', () => {
    expect(bashError('echo a |')).toBe('bash: syntax error: unexpected end of file\n');
    expect(ashError('if true; then echo')).toBe('sh: syntax error: unexpected end of file (expecting "fi")\n');
  });

  it('reports an operator that closes a command substitution too early', () => {
    expect(bashError('echo $(echo |)')).toBe("bash: syntax error near unexpected token `)'\n");
  });
});
