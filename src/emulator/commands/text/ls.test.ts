import { describe, expect, it } from 'vitest';
import { ash, bash } from '../../shell/testing/fake-shell';

const files = { '/srv/b.txt': 'hello\n', '/srv/a.txt': '', '/srv/.hidden': 'x', '/srv/sub/c': 'c' };

describe('ls', () => {
  it('prints names in columns on a terminal', async () => {
    expect((await bash({ files }).run('ls /srv')).out).toBe('a.txt  b.txt  sub\n');
  });

  it('prints one name a line into a pipe or with -1', async () => {
    expect((await bash({ files }).run('ls /srv | cat')).out).toBe('a.txt\nb.txt\nsub\n');
    expect((await bash({ files }).run('ls -1 /srv')).out).toBe('a.txt\nb.txt\nsub\n');
  });

  it('shows hidden names with -a and -A', async () => {
    expect((await bash({ files }).run('ls -a1 /srv')).out).toBe('.\n..\n.hidden\na.txt\nb.txt\nsub\n');
    expect((await bash({ files }).run('ls -A1 /srv')).out).toBe('.hidden\na.txt\nb.txt\nsub\n');
  });

  it('lists the current directory by default', async () => {
    expect((await bash({ files }).run('cd /srv/sub; ls')).out).toBe('c\n');
  });

  it('pads columns with spaces in BusyBox', async () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 30; i++) many[`/m/file-number-${String(i).padStart(2, '0')}`] = '';
    expect((await ash({ files: many }).run('ls /m')).out).not.toContain('\t');
  });

  it('prints -l lines as GNU ls aligns them', async () => {
    expect((await bash({ files }).run('ls -l /srv')).out).toBe(
      'total 8\n' +
      '-rw-r--r-- 1 root root    0 Jan 12 09:00 a.txt\n' +
      '-rw-r--r-- 1 root root    6 Jan 12 09:00 b.txt\n' +
      'drwxr-xr-x 2 root root 4096 Jan 12 09:00 sub\n',
    );
  });

  it('prints -l lines in BusyBox columns', async () => {
    expect((await ash({ files }).run('ls -l /srv/sub')).out).toBe('total 4\n-rw-r--r--    1 root     root             1 Jan 12 09:00 c\n');
  });

  it('lists a file operand by its name', async () => {
    expect((await bash({ files }).run('ls /srv/b.txt')).out).toBe('/srv/b.txt\n');
  });

  it('prints a header for each directory when given several', async () => {
    expect((await bash({ files }).run('ls -1 /srv/sub /srv/b.txt')).out).toBe('/srv/b.txt\n\n/srv/sub:\nc\n');
  });

  it('reports a missing name as GNU and BusyBox do', async () => {
    expect(await bash().run('ls /nope')).toEqual({ out: '', err: "ls: cannot access '/nope': No such file or directory\n", status: 2 });
    expect(await ash().run('ls /nope')).toEqual({ out: '', err: 'ls: /nope: No such file or directory\n', status: 1 });
  });

  it('wraps many names into rows that fit 80 columns', async () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 30; i++) many[`/m/file-number-${String(i).padStart(2, '0')}`] = '';
    const out = (await bash({ files: many }).run('ls /m')).out;
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    // GNU ls pads to each 16-wide column with a tab where a tab stop allows.
    expect(lines[0]).toBe(['file-number-00', 'file-number-06', 'file-number-12', 'file-number-18', 'file-number-24'].join('\t'));
  });
});
