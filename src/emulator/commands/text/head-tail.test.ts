import { describe, expect, it } from 'vitest';
import { ash, bash } from '../../shell/testing/fake-shell';

const twelve = Array.from({ length: 12 }, (_, i) => `l${i + 1}`).join('\n') + '\n';
const files = { '/f': twelve, '/g': 'a\nb\n' };

describe('head', () => {
  it('prints 10 lines by default', async () => {
    expect((await bash({ files }).run('head /f')).out.split('\n')).toHaveLength(11);
  });

  it('takes -n N, -N and -c N', async () => {
    const sh = bash({ files });
    expect((await sh.run('head -n 2 /f')).out).toBe('l1\nl2\n');
    expect((await sh.run('head -3 /f')).out).toBe('l1\nl2\nl3\n');
    expect((await sh.run('head -c 4 /f')).out).toBe('l1\nl');
  });

  it('prints all but the last N with -n -N', async () => {
    expect((await bash({ files }).run('head -n -10 /f')).out).toBe('l1\nl2\n');
  });

  it('prints headers for several files', async () => {
    expect((await bash({ files }).run('head -n1 /f /g')).out).toBe('==> /f <==\nl1\n\n==> /g <==\na\n');
  });

  it('reports a missing file as GNU and BusyBox do', async () => {
    expect((await bash().run('head /nope')).err).toBe("head: cannot open '/nope' for reading: No such file or directory\n");
    expect((await ash().run('head /nope')).err).toBe('head: /nope: No such file or directory\n');
  });

  it('rejects a bad count', async () => {
    expect(await bash().run('head -n x')).toMatchObject({ err: "head: invalid number of lines: 'x'\n", status: 1 });
  });
});

describe('tail', () => {
  it('prints the last 10 lines by default', async () => {
    expect((await bash({ files }).run('tail /f')).out.startsWith('l3\n')).toBe(true);
  });

  it('takes -n N, -N, -n +N and -c N', async () => {
    const sh = bash({ files });
    expect((await sh.run('tail -n 2 /f')).out).toBe('l11\nl12\n');
    expect((await sh.run('tail -1 /f')).out).toBe('l12\n');
    expect((await sh.run('tail -n +11 /f')).out).toBe('l11\nl12\n');
    expect((await sh.run('tail -c 4 /f')).out).toBe('l12\n');
    expect((await sh.run('tail +12 /f')).out).toBe('l12\n');
  });

  it('keeps a missing final newline', async () => {
    expect((await bash().run("echo -ne 'a\\nb' | tail -n 1")).out).toBe('b');
  });

  it('reports a missing file', async () => {
    expect((await bash().run('tail /nope')).err).toBe("tail: cannot open '/nope' for reading: No such file or directory\n");
    expect((await ash().run('tail /nope')).err).toBe("tail: can't open '/nope': No such file or directory\ntail: no files\n");
  });

  it('follows with -f until Ctrl-C', async () => {
    const sh = bash({ files });
    const r = await sh.run('tail -f -n 1 /g');
    expect(r.out).toBe('b\n');
    expect(sh.slept).toBe(3600 * 1000);
  });
});
