import { describe, expect, it } from 'vitest';
import { ash, bash } from '../../shell/testing/fake-shell';

describe('touch, mkdir, rm, tee', () => {
  it('creates an empty file with touch and keeps an existing one', async () => {
    const sh = bash({ files: { '/tmp/k': 'keep' } });
    await sh.run('touch /tmp/new /tmp/k');
    expect(sh.fs.read('/tmp/new')).toBe('');
    expect(sh.fs.read('/tmp/k')).toBe('keep');
  });

  it('reports touch into a missing directory', async () => {
    expect((await bash().run('touch /no/f')).err).toBe("touch: cannot touch '/no/f': No such file or directory\n");
    expect((await ash().run('touch /no/f')).err).toBe('touch: /no/f: No such file or directory\n');
  });

  it('makes directories, with parents under -p', async () => {
    const sh = bash();
    await sh.run('mkdir /tmp/d && mkdir -p /tmp/x/y/z');
    expect(sh.fs.isDir('/tmp/d')).toBe(true);
    expect(sh.fs.isDir('/tmp/x/y/z')).toBe(true);
  });

  it('reports mkdir errors', async () => {
    expect((await bash().run('mkdir /tmp')).err).toBe("mkdir: cannot create directory '/tmp': File exists\n");
    expect((await bash().run('mkdir /a/b')).err).toBe("mkdir: cannot create directory '/a/b': No such file or directory\n");
    expect((await ash().run('mkdir /tmp')).err).toBe("mkdir: can't create directory '/tmp': File exists\n");
  });

  it('removes files, and directories with -r', async () => {
    const sh = bash({ files: { '/tmp/f': 'x', '/srv/d/e': 'y' } });
    expect((await sh.run('rm /tmp/f')).status).toBe(0);
    expect(sh.fs.exists('/tmp/f')).toBe(false);
    expect((await sh.run('rm /srv/d')).err).toBe("rm: cannot remove '/srv/d': Is a directory\n");
    await sh.run('rm -rf /srv/d');
    expect(sh.fs.exists('/srv/d')).toBe(false);
  });

  it('reports rm of a missing file unless -f', async () => {
    expect((await bash().run('rm /nope')).err).toBe("rm: cannot remove '/nope': No such file or directory\n");
    expect((await ash().run('rm /nope')).err).toBe("rm: can't remove '/nope': No such file or directory\n");
    expect(await bash().run('rm -f /nope')).toEqual({ out: '', err: '', status: 0 });
  });

  it('refuses rm -rf /', async () => {
    expect((await bash().run('rm -rf /')).status).toBe(1);
  });

  it('reports a file tee cannot create', async () => {
    expect(await bash().run('echo x | tee /no/x')).toEqual({ out: 'x\n', err: 'tee: /no/x: No such file or directory\n', status: 1 });
  });

  it('copies stdin to files and stdout with tee', async () => {
    const sh = bash();
    expect((await sh.run('echo hi | tee /tmp/t1 /tmp/t2')).out).toBe('hi\n');
    await sh.run('echo more | tee -a /tmp/t1 > /dev/null');
    expect(sh.fs.read('/tmp/t1')).toBe('hi\nmore\n');
    expect(sh.fs.read('/tmp/t2')).toBe('hi\n');
  });
});
