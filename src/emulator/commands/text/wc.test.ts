import { describe, expect, it } from 'vitest';
import { ash, bash } from '../../shell/testing/fake-shell';

const files = { '/a': 'one two\nthree\n', '/b': 'x\n' };

describe('wc (GNU)', () => {
  it('prints just the number for one count on stdin', async () => {
    expect((await bash().run('echo hi | wc -l')).out).toBe('1\n');
  });

  it('pads to 7 for all counts on stdin', async () => {
    expect((await bash().run('echo hi there | wc')).out).toBe('      1       2       9\n');
  });

  it('prints the count and name for one file and one count', async () => {
    expect((await bash({ files }).run('wc -l /a')).out).toBe('2 /a\n');
  });

  it('pads to the width of the total size for files, with a total line', async () => {
    expect((await bash({ files }).run('wc /a /b')).out).toBe(' 2  3 14 /a\n 1  1  2 /b\n 3  4 16 total\n');
  });

  it('counts words and bytes', async () => {
    expect((await bash().run('echo "a  b   c" | wc -w')).out).toBe('3\n');
    expect((await bash().run('echo héllo | wc -c')).out).toBe('7\n');
    expect((await bash().run('echo héllo | wc -m')).out).toBe('6\n');
  });

  it('reports a missing file', async () => {
    expect(await bash().run('wc -l /nope')).toEqual({ out: '', err: 'wc: /nope: No such file or directory\n', status: 1 });
  });
});

describe('wc (BusyBox)', () => {
  it('prints just the number for one count on stdin', async () => {
    expect((await ash().run('echo hi | wc -l')).out).toBe('1\n');
  });

  it('pads every count to 9 otherwise', async () => {
    expect((await ash().run('echo hi | wc')).out).toBe('        1         1         3\n');
    expect((await ash({ files }).run('wc -l /a')).out).toBe('        2 /a\n');
  });
});
