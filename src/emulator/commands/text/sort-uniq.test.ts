import { describe, expect, it } from 'vitest';
import { ash, bash } from '../../shell/testing/fake-shell';

const files = {
  '/n': '10\n9\n100\n-1\n',
  '/w': 'b\na\nB\nb\n',
  '/t': 'web:3\ndb:10\napi:2\n',
  '/cols': 'x  3 b\ny 1 a\nz 2 c\n',
};

describe('sort', () => {
  it('sorts in byte order', async () => {
    expect((await bash({ files }).run('sort /w')).out).toBe('B\na\nb\nb\n');
  });

  it('sorts numbers with -n and reverses with -r', async () => {
    expect((await bash({ files }).run('sort -n /n')).out).toBe('-1\n9\n10\n100\n');
    expect((await bash({ files }).run('sort -rn /n')).out).toBe('100\n10\n9\n-1\n');
  });

  it('drops duplicates with -u and folds case with -f', async () => {
    expect((await bash({ files }).run('sort -u /w')).out).toBe('B\na\nb\n');
    expect((await bash({ files }).run('sort -fu /w')).out).toBe('a\nb\n');
  });

  it('sorts by a key with -t and -k', async () => {
    expect((await bash({ files }).run('sort -t: -k2n /t')).out).toBe('api:2\nweb:3\ndb:10\n');
    expect((await bash({ files }).run('sort -t : -k 1,1 /t')).out).toBe('api:2\ndb:10\nweb:3\n');
  });

  it('splits fields on blanks without -t', async () => {
    expect((await bash({ files }).run('sort -k2n /cols')).out).toBe('y 1 a\nz 2 c\nx  3 b\n');
    expect((await bash({ files }).run('sort -k3 /cols')).out).toBe('y 1 a\nx  3 b\nz 2 c\n');
  });

  it('reports a missing file in each userland\'s words', async () => {
    expect(await bash().run('sort /nope')).toEqual({ out: '', err: 'sort: cannot read: /nope: No such file or directory\n', status: 2 });
    expect(await ash().run('sort /nope')).toEqual({ out: '', err: 'sort: /nope: No such file or directory\n', status: 1 });
  });
});

describe('uniq', () => {
  it('collapses adjacent duplicates', async () => {
    expect((await bash().run('echo -e "a\\na\\nb\\na" | uniq')).out).toBe('a\nb\na\n');
  });

  it('counts with -c as %7d', async () => {
    expect((await bash({ files }).run('sort /w | uniq -c')).out).toBe('      1 B\n      1 a\n      2 b\n');
  });

  it('keeps only repeated (-d) or unique (-u) lines', async () => {
    expect((await bash({ files }).run('sort /w | uniq -d')).out).toBe('b\n');
    expect((await bash({ files }).run('sort /w | uniq -u')).out).toBe('B\na\n');
  });
});
