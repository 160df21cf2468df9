import { describe, expect, it } from 'vitest';
import { ash, bash } from '../testing/fake-shell';

describe('echo', () => {
  it('joins its arguments with spaces', async () => {
    expect((await bash().run('echo a   b "c  d"')).out).toBe('a b c  d\n');
  });

  it('leaves out the newline with -n', async () => {
    expect((await bash().run('echo -n hi')).out).toBe('hi');
  });

  it('interprets escapes only with -e', async () => {
    expect((await bash().run("echo 'a\\tb'")).out).toBe('a\\tb\n');
    expect((await bash().run("echo -e 'a\\tb\\n\\x41\\0101'")).out).toBe('a\tb\nAA\n');
  });

  it('stops all output at \\c', async () => {
    expect((await bash().run("echo -e 'ab\\cde'")).out).toBe('ab');
  });

  it('prints -- and unknown options as text', async () => {
    expect((await bash().run('echo -- -x -n')).out).toBe('-- -x -n\n');
  });
});

describe('export, unset, set', () => {
  it('exports into the environment of later commands', async () => {
    const sh = bash();
    await sh.run('export GREETING=hi');
    expect((await sh.run('printenv GREETING')).out).toBe('hi\n');
  });

  it('exports an existing variable by name', async () => {
    const sh = bash();
    await sh.run('A=1; export A');
    expect(sh.state.exported).toContain('A');
  });

  it('lists exports as bash declares them, sorted', async () => {
    const sh = bash({ env: { Z: 'last', A: 'say "hi" $x' } });
    expect((await sh.run('export -p')).out).toBe('declare -x A="say \\"hi\\" \\$x"\ndeclare -x Z="last"\n');
  });

  it('lists exports as ash prints them', async () => {
    const sh = ash({ env: { A: "it's" } });
    expect((await sh.run('export')).out).toBe(`export A='it'"'"'s'\n`);
  });

  it('rejects a bad name', async () => {
    expect(await bash().run('export 1a=b')).toMatchObject({ err: "bash: export: `1a=b': not a valid identifier\n", status: 1 });
    expect(await ash().run('export 1a=b')).toMatchObject({ err: 'sh: export: 1a: bad variable name\n', status: 2 });
  });

  it('unsets a variable and its export', async () => {
    const sh = bash();
    await sh.run('export A=1; unset A');
    expect(sh.state.vars.A).toBeUndefined();
    expect(sh.state.exported).not.toContain('A');
  });

  it('prints variables with set', async () => {
    const sh = bash({ env: { B: 'two words', A: 'x' } });
    expect((await sh.run('set')).out).toBe("A=x\nB='two words'\n");
  });

  it('rejects an unknown set option', async () => {
    expect(await bash().run('set -q')).toMatchObject({
      err: 'bash: set: -q: invalid option\nset: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]\n', status: 2,
    });
    expect((await ash().run('set -q')).err).toBe('sh: set: illegal option -q\n');
  });

  it('complains about a bad unset name only where the shell does', async () => {
    expect(await bash().run('unset 1a')).toEqual({ out: '', err: '', status: 0 });
    expect((await bash().run('unset -v 1a')).err).toBe("bash: unset: `1a': not a valid identifier\n");
    expect((await ash().run('unset 1a')).err).toBe('sh: unset: 1a: bad variable name\n');
  });
});

describe('cd and pwd', () => {
  it('changes the scope\'s directory and PWD', async () => {
    const sh = bash();
    await sh.run('cd /tmp');
    expect(sh.scope.cwd).toBe('/tmp');
    expect(sh.state.vars.PWD).toBe('/tmp');
    expect((await sh.run('pwd')).out).toBe('/tmp\n');
  });

  it('goes home without an argument and back with -', async () => {
    const sh = bash();
    await sh.run('cd /etc; cd');
    expect(sh.scope.cwd).toBe('/root');
    expect((await sh.run('cd -')).out).toBe('/etc\n');
  });

  it('resolves .. and relative paths', async () => {
    const sh = bash();
    await sh.run('cd /usr; cd ../tmp');
    expect(sh.scope.cwd).toBe('/tmp');
  });

  it('reports a missing directory in bash form', async () => {
    expect(await bash().run('cd /x')).toEqual({ out: '', err: 'bash: cd: /x: No such file or directory\n', status: 1 });
  });

  it('reports a missing directory in BusyBox form', async () => {
    expect(await ash().run('cd /x')).toEqual({ out: '', err: "sh: cd: can't cd to /x: No such file or directory\n", status: 2 });
  });

  it('refuses a file', async () => {
    expect((await bash({ files: { '/etc/hosts': '' } }).run('cd /etc/hosts')).err).toBe('bash: cd: /etc/hosts: Not a directory\n');
  });
});

describe('exit', () => {
  it('asks the session to leave with the given status', async () => {
    const sh = bash();
    const r = await sh.run('exit 3; echo never');
    expect(r.out).toBe('');
    expect(sh.state.exitRequested).toBe(3);
  });

  it('defaults to the last status', async () => {
    const sh = bash();
    await sh.run('false; exit');
    expect(sh.state.exitRequested).toBe(1);
  });

  it('prints exit in an interactive bash', async () => {
    const sh = bash();
    sh.rt.interactive = true;
    expect((await sh.run('exit')).err).toBe('exit\n');
  });

  it('rejects a non-number', async () => {
    const b = bash();
    expect((await b.run('exit x')).err).toBe('bash: exit: x: numeric argument required\n');
    expect(b.state.exitRequested).toBe(2);
    const a = ash();
    expect((await a.run('exit x')).err).toBe('sh: exit: Illegal number: x\n');
    expect(a.state.exitRequested).toBeUndefined();
  });
});

describe('true, false, sleep', () => {
  it('returns 0 and 1', async () => {
    expect((await bash().run('true')).status).toBe(0);
    expect((await bash().run('false')).status).toBe(1);
  });

  it('sleeps on the lab clock', async () => {
    const sh = bash();
    expect((await sh.run('sleep 2; sleep 0.5; sleep 1m')).status).toBe(0);
    expect(sh.slept).toBe(62500);
  });

  it('rejects a bad interval', async () => {
    expect((await bash().run('sleep x')).err).toBe("sleep: invalid time interval 'x'\nTry 'sleep --help' for more information.\n");
    expect((await ash().run('sleep x')).err).toBe("sleep: invalid number 'x'\n");
  });
});

describe('type and which', () => {
  it('describes builtins, keywords and programs', async () => {
    const r = await bash().run('type cd if curl');
    expect(r.out).toBe('cd is a shell builtin\nif is a shell keyword\ncurl is /usr/bin/curl\n');
  });

  it('reports a missing name as each shell does', async () => {
    expect(await bash().run('type nope')).toEqual({ out: '', err: 'bash: type: nope: not found\n', status: 1 });
    expect(await ash().run('type nope')).toEqual({ out: 'nope: not found\n', err: '', status: 127 });
  });

  it('prints a program path with which, or nothing and 1', async () => {
    expect(await bash().run('which curl')).toEqual({ out: '/usr/bin/curl\n', err: '', status: 0 });
    expect(await bash({ tools: ['cat'] }).run('which curl')).toEqual({ out: '', err: '', status: 1 });
    expect((await bash().run('which cd')).status).toBe(1);
  });

  it('uses BusyBox directories in alpine', async () => {
    expect((await ash().run('which ls sleep curl')).out).toBe('/bin/ls\n/bin/sleep\n/usr/bin/curl\n');
  });

  it('says sleep is a program, not a builtin', async () => {
    expect((await bash().run('type sleep')).out).toBe('sleep is /usr/bin/sleep\n');
  });
});

describe('test and [', () => {
  it('compares strings and integers', async () => {
    const sh = bash();
    expect((await sh.run('[ a = a ] && [ a != b ] && [ 2 -lt 10 ] && test 3 -ge 3')).status).toBe(0);
    expect((await sh.run('[ 10 -lt 2 ]')).status).toBe(1);
  });

  it('tests files and strings', async () => {
    const sh = bash({ files: { '/etc/hosts': 'x' } });
    expect((await sh.run('[ -f /etc/hosts ] && [ -d /etc ] && [ ! -e /nope ] && [ -n x ] && [ -z "" ]')).status).toBe(0);
  });

  it('combines with -a, -o and parentheses', async () => {
    expect((await bash().run('[ \\( 1 -eq 2 -o a = a \\) -a x ]')).status).toBe(0);
  });

  it('needs a closing ]', async () => {
    expect(await bash().run('[ a = a')).toMatchObject({ err: "bash: [: missing `]'\n", status: 2 });
  });

  it('needs integers for -eq', async () => {
    expect(await bash().run('[ x -eq 1 ]')).toMatchObject({ err: 'bash: [: x: integer expression expected\n', status: 2 });
  });
});

describe('read', () => {
  it('splits a piped line, the last name taking the rest', async () => {
    expect((await bash().run('echo "a b  c" | { read x y; echo "[$x][$y]"; }')).out).toBe('[a][b  c]\n');
  });

  it('reads successive lines in a while loop', async () => {
    expect((await bash().run('seq 3 | while read n; do echo "n=$n"; done')).out).toBe('n=1\nn=2\nn=3\n');
  });

  it('reads from a file redirected into the loop', async () => {
    const sh = bash({ files: { '/tmp/ips': '10.0.0.1 a\n10.0.0.2 b\n' } });
    expect((await sh.run('while read ip name; do echo "$name=$ip"; done < /tmp/ips')).out).toBe('a=10.0.0.1\nb=10.0.0.2\n');
  });

  it('fills REPLY without names and keeps backslashes with -r', async () => {
    expect((await bash().run("echo 'a\\b' | { read; echo \"$REPLY\"; }")).out).toBe('ab\n');
    expect((await bash().run("echo 'a\\b' | { read -r x; echo \"$x\"; }")).out).toBe('a\\b\n');
  });

  it('returns 1 at end of input but keeps a last line without newline', async () => {
    expect((await bash().run('echo -n last | { read x; echo "$? $x"; }')).out).toBe('1 last\n');
    expect((await bash().run('true | read x')).status).toBe(1);
  });

  it('asks the terminal when stdin is not redirected', async () => {
    const sh = bash();
    const typed = ['yes'];
    sh.rt.readLine = async () => typed.shift() ?? null;
    expect((await sh.run('read -p "Continue? " answer; echo "got $answer"')).out).toBe('got yes\n');
  });
});
