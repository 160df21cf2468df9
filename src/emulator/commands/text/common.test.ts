import { describe, expect, it } from 'vitest';
import { getopt, splitLines, utf8Length } from './common';
import { ash, bash } from '../../shell/testing/fake-shell';

describe('getopt', () => {
  const spec = { flags: 'abc', withArg: 'n', long: { all: 'a', number: 'n' } };

  it('groups flags and reads option arguments both ways', () => {
    const r = getopt(['x', '-ab', '-n5', '-n', '6', 'file'], spec, 'gnu');
    expect(r.ok && [...r.opts.flags]).toEqual(['a', 'b']);
    expect(r.ok && r.opts.values.get('n')).toEqual(['5', '6']);
    expect(r.ok && r.opts.operands).toEqual(['file']);
  });

  it('reads GNU long options with and without =', () => {
    const r = getopt(['x', '--all', '--number=3', '--number', '4'], spec, 'gnu');
    expect(r.ok && r.opts.values.get('n')).toEqual(['3', '4']);
    expect(r.ok && r.opts.flags.has('a')).toBe(true);
  });

  it('permutes in GNU but stops at the first operand with musl', () => {
    const g = getopt(['x', 'file', '-a'], spec, 'gnu');
    expect(g.ok && g.opts.operands).toEqual(['file']);
    const m = getopt(['x', 'file', '-a'], spec, 'busybox');
    expect(m.ok && m.opts.operands).toEqual(['file', '-a']);
  });

  it('words errors as glibc and musl do', () => {
    expect(getopt(['x', '-z'], spec, 'gnu')).toEqual({ ok: false, message: "invalid option -- 'z'" });
    expect(getopt(['x', '-z'], spec, 'busybox')).toEqual({ ok: false, message: 'unrecognized option: z' });
    expect(getopt(['x', '-n'], spec, 'gnu')).toEqual({ ok: false, message: "option requires an argument -- 'n'" });
    expect(getopt(['x', '--bogus'], spec, 'gnu')).toEqual({ ok: false, message: "unrecognized option '--bogus'" });
  });

  it('treats everything after -- as operands', () => {
    const r = getopt(['x', '--', '-a'], spec, 'gnu');
    expect(r.ok && r.opts.operands).toEqual(['-a']);
  });
});

describe('helpers', () => {
  it('splits lines keeping a last line without newline', () => {
    expect(splitLines('a\nb\n')).toEqual(['a', 'b']);
    expect(splitLines('a\nb')).toEqual(['a', 'b']);
    expect(splitLines('')).toEqual([]);
  });

  it('counts UTF-8 bytes', () => {
    expect(utf8Length('aé€😀')).toBe(1 + 2 + 3 + 4);
  });
});

describe('options after operands, as typed in each userland', () => {
  it('works in a GNU shell and reads the option as a file in alpine', async () => {
    const files = { '/f': 'A\n' };
    expect((await bash({ files }).run('grep a /f -i')).out).toBe('A\n');
    expect((await ash({ files }).run('grep a /f -i')).err).toBe('grep: -i: No such file or directory\n');
  });
});

describe('fd duplication', () => {
  it('sends stdout to stderr with >&2 and closes with >&-', async () => {
    expect(await bash().run('echo oops >&2')).toEqual({ out: '', err: 'oops\n', status: 0 });
    expect(await bash().run('echo gone >&-')).toEqual({ out: '', err: '', status: 0 });
    expect((await bash().run('echo x 3>&1 >&4')).err).toBe('bash: 4: Bad file descriptor\n');
  });
});
