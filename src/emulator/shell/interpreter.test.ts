import { describe, expect, it } from 'vitest';
import { ash, bash } from './testing/fake-shell';

describe('lists and statuses', () => {
  it('runs ; lists in order and returns the last status', async () => {
    const r = await bash().run('echo a; false; echo b');
    expect(r).toEqual({ out: 'a\nb\n', err: '', status: 0 });
  });

  it('skips && after a failure and || after a success', async () => {
    expect((await bash().run('false && echo no || echo yes')).out).toBe('yes\n');
    expect((await bash().run('true || echo no && echo yes')).out).toBe('yes\n');
  });

  it('returns the status of the last pipeline that ran', async () => {
    expect((await bash().run('true && false')).status).toBe(1);
    expect((await bash().run('false || status 4')).status).toBe(4);
  });

  it('leaves $? in the state', async () => {
    const sh = bash();
    await sh.run('status 5');
    expect(sh.state.lastStatus).toBe(5);
  });

  it('keeps $? on an empty line', async () => {
    const sh = bash();
    await sh.run('false');
    expect((await sh.run('   ')).status).toBe(1);
  });

  it('negates a pipeline with !', async () => {
    expect((await bash().run('! false')).status).toBe(0);
    expect((await bash().run('! true')).status).toBe(1);
  });

  it('runs `cmd &` in the foreground', async () => {
    expect((await bash().run('echo a & echo b')).out).toBe('a\nb\n');
  });
});

describe('assignments', () => {
  it('sets a shell variable that is not exported', async () => {
    const sh = bash();
    await sh.run('A=1');
    expect((await sh.run('echo $A; env | grep -c ^A=')).out).toBe('1\n0\n');
  });

  it('passes a prefix assignment to the command only', async () => {
    const sh = bash();
    expect((await sh.run('A=1 printenv A')).out).toBe('1\n');
    expect(sh.state.vars.A).toBeUndefined();
  });

  it('gives an assignment the status of its command substitution', async () => {
    expect((await bash().run('X=$(false)')).status).toBe(1);
  });
});

describe('pipelines', () => {
  const hosts = { '/etc/hosts': '127.0.0.1 localhost\n172.18.0.2 web\n172.18.0.3 db\n' };

  it('feeds each stage the previous stdout', async () => {
    expect((await bash({ files: hosts }).run('cat /etc/hosts | grep 172 | wc -l')).out).toBe('2\n');
  });

  it('pipes into head, tail, sort and cut', async () => {
    const sh = bash({ files: hosts });
    expect((await sh.run('cat /etc/hosts | head -1')).out).toBe('127.0.0.1 localhost\n');
    expect((await sh.run('cat /etc/hosts | tail -n 1')).out).toBe('172.18.0.3 db\n');
    expect((await sh.run('cut -d" " -f2 /etc/hosts | sort')).out).toBe('db\nlocalhost\nweb\n');
  });

  it('returns the last stage status', async () => {
    expect((await bash().run('false | true')).status).toBe(0);
    expect((await bash().run('true | false')).status).toBe(1);
  });

  it('honours set -o pipefail', async () => {
    const sh = bash();
    await sh.run('set -o pipefail');
    expect((await sh.run('status 3 | true')).status).toBe(3);
  });

  it('sends stderr of an early stage straight to the terminal', async () => {
    const r = await bash().run('cat /nope | wc -l');
    expect(r.err).toBe('cat: /nope: No such file or directory\n');
    expect(r.out).toBe('0\n');
  });

  it('runs each stage in a subshell', async () => {
    const sh = bash();
    await sh.run('cd /tmp | true; X=1 | true; export Y=2 | true');
    expect(sh.scope.cwd).toBe('/root');
    expect(sh.state.vars.X).toBeUndefined();
    expect(sh.state.vars.Y).toBeUndefined();
  });
});

describe('redirections', () => {
  it('writes and appends files in the virtual fs', async () => {
    const sh = bash();
    await sh.run('echo one > /tmp/f; echo two >> /tmp/f');
    expect(sh.fs.read('/tmp/f')).toBe('one\ntwo\n');
  });

  it('truncates with > and resolves relative paths against cwd', async () => {
    const sh = bash({ files: { '/root/f': 'old\n' } });
    await sh.run('echo new > f');
    expect(sh.fs.read('/root/f')).toBe('new\n');
  });

  it('reads stdin from a file with <', async () => {
    expect((await bash({ files: { '/tmp/in': 'x\ny\n' } }).run('wc -l < /tmp/in')).out).toBe('2\n');
  });

  it('discards into /dev/null', async () => {
    const r = await bash().run('cat /nope 2>/dev/null; echo $?');
    expect(r).toEqual({ out: '1\n', err: '', status: 0 });
  });

  it('applies 2>&1 in order', async () => {
    const sh = bash();
    await sh.run('cat /nope > /tmp/both 2>&1');
    expect(sh.fs.read('/tmp/both')).toBe('cat: /nope: No such file or directory\n');
    // stderr goes where stdout pointed before `>`: the terminal's stdout.
    const r = await sh.run('cat /nope 2>&1 > /tmp/only');
    expect(r).toMatchObject({ out: 'cat: /nope: No such file or directory\n', err: '' });
    expect(sh.fs.read('/tmp/only')).toBe('');
  });

  it('pipes stderr with 2>&1 |', async () => {
    expect((await bash().run('cat /nope 2>&1 | wc -l')).out).toBe('1\n');
  });

  it('sends a command not found message through redirections', async () => {
    expect((await bash().run('nosuch 2>/dev/null')).err).toBe('');
  });

  it('redirects a group', async () => {
    const sh = bash();
    await sh.run('{ echo a; echo b; } > /tmp/g');
    expect(sh.fs.read('/tmp/g')).toBe('a\nb\n');
  });

  it('reports a missing directory as each shell does', async () => {
    const b = await bash().run('echo x > /nodir/f');
    expect(b).toMatchObject({ err: 'bash: /nodir/f: No such file or directory\n', status: 1 });
    const a = await ash().run('echo x > /nodir/f');
    expect(a.err).toBe("sh: can't create /nodir/f: nonexistent directory\n");
  });

  it('refuses to write a directory', async () => {
    expect((await bash().run('echo x > /tmp')).err).toBe('bash: /tmp: Is a directory\n');
  });

  it('reports a missing input file', async () => {
    expect((await bash().run('cat < /nope')).err).toBe('bash: /nope: No such file or directory\n');
    expect((await ash().run('cat < /nope')).err).toBe("sh: can't open /nope: no such file\n");
  });

  it('feeds a here-string', async () => {
    expect((await bash().run('grep -c b <<< "a b"')).out).toBe('1\n');
  });

  it('warns about a here-document without a body', async () => {
    const r = await bash().run('cat <<EOF');
    expect(r.err).toBe("bash: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')\n");
  });
});

describe('command lookup', () => {
  it('prints bash\'s not-found message with status 127', async () => {
    expect(await bash().run('foo bar')).toEqual({ out: '', err: 'bash: foo: command not found\n', status: 127 });
  });

  it('prints BusyBox sh\'s not-found message with status 127', async () => {
    expect(await ash().run('foo')).toEqual({ out: '', err: 'sh: foo: not found\n', status: 127 });
    expect((await ash({ argv0: '/bin/sh' }).run('foo')).err).toBe('/bin/sh: foo: not found\n');
  });

  it('does not find a program the namespace lacks', async () => {
    expect((await bash({ tools: ['cat'] }).run('grep x')).status).toBe(127);
  });

  it('runs a program by its path', async () => {
    expect((await bash().run('/usr/bin/curl -s x')).out).toBe('curl -s x\n');
  });

  it('reports paths that are missing, directories or plain files', async () => {
    const sh = bash({ files: { '/root/run.sh': 'echo hi\n' } });
    expect(await sh.run('./nope')).toMatchObject({ err: 'bash: ./nope: No such file or directory\n', status: 127 });
    expect(await sh.run('/tmp')).toMatchObject({ err: 'bash: /tmp: Is a directory\n', status: 126 });
    expect(await sh.run('./run.sh')).toMatchObject({ err: 'bash: ./run.sh: Permission denied\n', status: 126 });
    expect(await ash().run('./nope')).toMatchObject({ err: 'sh: ./nope: not found\n', status: 127 });
  });

  it('turns a thrown error into one line and status 1', async () => {
    const sh = bash();
    expect(await sh.run('boom; echo next')).toEqual({ out: 'next\n', err: 'boom: internal error: kaboom\n', status: 0 });
    expect((await sh.run('boom')).status).toBe(1);
  });
});

describe('syntax errors at run time', () => {
  it('prints the error, runs nothing and returns 2', async () => {
    const sh = bash();
    expect(await sh.run('echo a; | b')).toEqual({ out: '', err: "bash: syntax error near unexpected token `|'\n", status: 2 });
    expect(sh.state.lastStatus).toBe(2);
  });

  it('uses ash wording in a BusyBox shell', async () => {
    expect((await ash().run('echo a && || b')).err).toBe('sh: syntax error: unexpected "||"\n');
  });
});

describe('Ctrl-C', () => {
  it('stops the rest of the list with status 130', async () => {
    const sh = bash();
    const r = await sh.run('echo a; ctrlc; echo never');
    expect(r).toEqual({ out: 'a\nstarted\n', err: '', status: 130 });
    expect(sh.state.lastStatus).toBe(130);
  });

  it('stops && and || chains', async () => {
    expect((await bash().run('ctrlc || echo never')).out).toBe('started\n');
  });

  it('interrupts sleep with 130', async () => {
    const sh = bash();
    sh.interrupt.abort();
    expect((await sh.run('sleep 5')).status).toBe(130);
  });

  it('stops a loop', async () => {
    const r = await bash().run('for i in 1 2 3; do echo $i; ctrlc; done');
    expect(r.out).toBe('1\nstarted\n');
    expect(r.status).toBe(130);
  });

  it('runs nothing when Ctrl-C came before the line', async () => {
    const sh = bash();
    sh.interrupt.abort();
    expect(await sh.run('echo a')).toEqual({ out: '', err: '', status: 130 });
  });
});

describe('compound commands', () => {
  it('runs if / elif / else', async () => {
    const sh = bash();
    expect((await sh.run('if false; then echo 1; elif true; then echo 2; else echo 3; fi')).out).toBe('2\n');
    expect((await sh.run('if false; then echo 1; fi')).status).toBe(0);
  });

  it('loops with for over expanded words', async () => {
    expect((await bash().run('for n in $(seq 3) x; do echo "n=$n"; done')).out).toBe('n=1\nn=2\nn=3\nn=x\n');
  });

  it('loops with while and arithmetic', async () => {
    expect((await bash().run('i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done')).out).toBe('0\n1\n2\n');
  });

  it('stops a loop that never ends at the emulator limit', async () => {
    const r = await bash().run('while true; do :; done');
    expect(r.err).toBe('bash: loop stopped after 10000 iterations (emulator limit)\n');
    expect(r.status).toBe(1);
  });

  it('rejects a bad for-loop variable when the loop runs', async () => {
    expect(await bash().run('for 1 in a; do echo x; done')).toEqual({ out: '', err: "bash: `1': not a valid identifier\n", status: 1 });
    expect((await ash().run('for 1 in a; do echo x; done')).err).toBe('sh: syntax error: bad for loop variable\n');
  });

  it('keeps a subshell\'s changes to itself', async () => {
    const sh = bash();
    const r = await sh.run('(cd /tmp; A=1; pwd); pwd; echo "A=$A"');
    expect(r.out).toBe('/tmp\n/root\nA=\n');
  });

  it('returns a subshell\'s exit status without leaving the shell', async () => {
    const sh = bash();
    expect((await sh.run('(exit 3)')).status).toBe(3);
    expect(sh.state.exitRequested).toBeUndefined();
  });
});
