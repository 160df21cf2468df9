import { describe, expect, it } from 'vitest';
import { bash, ash } from './testing/fake-shell';

async function argsOf(line: string, setup = ''): Promise<string[]> {
  const sh = bash();
  if (setup) await sh.run(setup);
  const r = await sh.run(`args ${line}`);
  return r.out.split('\n').filter(Boolean).map((l) => l.slice(1, -1));
}

describe('expansion', () => {
  it('splits an unquoted variable on blanks', async () => {
    expect(await argsOf('$X', 'X="a  b   c"')).toEqual(['a', 'b', 'c']);
  });

  it('keeps a double-quoted variable as one field', async () => {
    expect(await argsOf('"$X"', 'X="a  b"')).toEqual(['a  b']);
  });

  it('joins split pieces with the text around them', async () => {
    expect(await argsOf('x$X-y', 'X=" a b "')).toEqual(['x', 'a', 'b', '-y']);
  });

  it('drops an empty unquoted variable but keeps an empty quoted one', async () => {
    expect(await argsOf('$NOPE "" "$NOPE" z')).toEqual(['', '', 'z']);
  });

  it('does not expand inside single quotes', async () => {
    expect(await argsOf("'$HOME' \"$HOME\"")).toEqual(['$HOME', '/root']);
  });

  it('expands ${VAR} next to letters', async () => {
    expect(await argsOf('${A}b $Ab', 'A=x')).toEqual(['xb']);
  });

  it('expands $? after a failure', async () => {
    const sh = bash();
    await sh.run('status 3');
    expect((await sh.run('echo $?')).out).toBe('3\n');
  });

  it('expands $$ and $0', async () => {
    expect((await bash().run('echo $$ $0')).out).toBe('4242 bash\n');
    expect((await ash({ argv0: '/bin/sh' }).run('echo $0')).out).toBe('/bin/sh\n');
  });

  it('turns ~ and ~/x into /root, but not a quoted or inner ~', async () => {
    expect(await argsOf('~ ~/x "~" a~')).toEqual(['/root', '/root/x', '~', 'a~']);
  });

  it('handles backslash escapes outside and inside double quotes', async () => {
    expect(await argsOf('a\\ b "c\\"d" "e\\nf" \\$HOME')).toEqual(['a b', 'c"d', 'e\\nf', '$HOME']);
  });

  it('substitutes $(...) and backquotes and strips trailing newlines', async () => {
    expect(await argsOf('$(echo hi) "`echo a b`" "$(v=1; echo x$v)"')).toEqual(['hi', 'a b', 'x1']);
  });

  it('splits an unquoted command substitution into fields', async () => {
    expect(await argsOf('$(seq 3)')).toEqual(['1', '2', '3']);
  });

  it('nests command substitutions', async () => {
    expect(await argsOf('"$(echo "$(echo inner)")"')).toEqual(['inner']);
  });

  it('keeps * and ? literal (no globbing)', async () => {
    expect(await argsOf('*.txt a?')).toEqual(['*.txt', 'a?']);
  });

  it('applies default, alternative and length operators', async () => {
    expect(await argsOf('${U:-dflt} ${A:+alt} ${#A} ${U-x}', 'A=hello')).toEqual(['dflt', 'alt', '5', 'x']);
  });

  it('assigns with ${VAR:=word}', async () => {
    const sh = bash();
    await sh.run('echo ${N:=7} >/dev/null');
    expect(sh.state.vars.N).toBe('7');
  });

  it('removes prefixes and suffixes', async () => {
    expect(await argsOf('${F%.*} ${F##*.} ${F#*.} ${F%%.*}', 'F=a.b.c')).toEqual(['a.b', 'c', 'b.c', 'a']);
  });

  it('takes substrings with ${V:offset:length}', async () => {
    expect(await argsOf('${V:1} ${V: -2} ${V:1:2} ${V:1:-1}', 'V=hello')).toEqual(['ello', 'lo', 'el', 'ell']);
  });

  it('makes no field of "$@" without positional parameters', async () => {
    expect(await argsOf('"$@" end')).toEqual(['end']);
  });

  it('computes $((...)) with variables', async () => {
    expect(await argsOf('$((2+3*4)) $((i+1)) $(( (1+2)*3 ))', 'i=41')).toEqual(['14', '42', '9']);
  });

  it('reports division by zero', async () => {
    const r = await bash().run('echo $((1/0))');
    expect(r.err).toBe('bash: 1/0: division by 0 (error token is "0")\n');
    expect(r.status).toBe(1);
  });

  it('names the error token of bad arithmetic as bash does, and ash its own way', async () => {
    expect((await bash().run('echo $((2+))')).err).toBe('bash: 2+: syntax error: operand expected (error token is "+")\n');
    expect((await bash().run('echo $(( 3 4 ))')).err).toBe('bash: 3 4 : syntax error in expression (error token is "4 ")\n');
    expect((await ash().run('echo $((1/0))')).err).toBe('sh: divide by zero\n');
    expect((await ash().run('echo $((2+))')).err).toBe('sh: arithmetic syntax error\n');
  });

  it('reports a bad substitution the way each shell does', async () => {
    const b = await bash().run('echo ${a b}');
    expect(b.err).toBe('bash: ${a b}: bad substitution\n');
    expect(b.status).toBe(1);
    const a = await ash().run('echo ${a b}');
    expect(a.err).toBe('sh: syntax error: bad substitution\n');
  });
});
