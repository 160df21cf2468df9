import { describe, expect, it } from 'vitest';
import { ash, bash } from '../../shell/testing/fake-shell';

const files = { '/a': 'one\ntwo\n', '/b': 'three' };

describe('cat', () => {
  it('concatenates files', async () => {
    expect((await bash({ files }).run('cat /a /b')).out).toBe('one\ntwo\nthree');
  });

  it('copies stdin without operands or for -', async () => {
    expect((await bash({ files }).run('echo x | cat - /b')).out).toBe('x\nthree');
  });

  it('numbers lines across files with -n', async () => {
    expect((await bash({ files }).run('cat -n /a /b')).out).toBe('     1\tone\n     2\ttwo\n     3\tthree');
  });

  it('reports a missing file and goes on, status 1', async () => {
    expect(await bash({ files }).run('cat /nope /b')).toEqual({ out: 'three', err: 'cat: /nope: No such file or directory\n', status: 1 });
    expect((await ash({ files }).run('cat /nope')).err).toBe("cat: can't open '/nope': No such file or directory\n");
  });

  it('reports a directory', async () => {
    expect((await bash().run('cat /etc')).err).toBe('cat: /etc: Is a directory\n');
  });

  it('rejects an unknown option in GNU and BusyBox style', async () => {
    expect((await bash().run('cat -z')).err).toBe("cat: invalid option -- 'z'\nTry 'cat --help' for more information.\n");
    expect((await ash().run('cat -z')).err).toMatch(/^cat: unrecognized option: z\nBusyBox v1\.36\.1/);
  });

  it('prints help', async () => {
    expect((await bash().run('cat --help')).out).toMatch(/^Usage: cat /);
  });
});
