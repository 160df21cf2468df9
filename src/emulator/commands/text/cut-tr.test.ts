import { describe, expect, it } from 'vitest';
import { ash, bash } from '../../shell/testing/fake-shell';

const files = { '/p': 'root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534::/nonexistent:/usr/sbin/nologin\n' };

describe('cut', () => {
  it('selects fields with -d and -f', async () => {
    expect((await bash({ files }).run('cut -d: -f1,3 /p')).out).toBe('root:0\nnobody:65534\n');
  });

  it('takes ranges', async () => {
    expect((await bash({ files }).run('cut -d : -f 6- /p')).out).toBe('/root:/bin/bash\n/nonexistent:/usr/sbin/nologin\n');
    expect((await bash().run('echo abcdef | cut -c 2-4')).out).toBe('bcd\n');
    expect((await bash().run('echo abcdef | cut -c -2,5')).out).toBe('abe\n');
  });

  it('prints lines without the delimiter unless -s', async () => {
    expect((await bash().run('echo plain | cut -d: -f2')).out).toBe('plain\n');
    expect((await bash().run('echo plain | cut -s -d: -f2')).out).toBe('');
  });

  it('defaults to TAB', async () => {
    expect((await bash().run("echo -e 'a\\tb' | cut -f2")).out).toBe('b\n');
  });

  it('needs a list', async () => {
    expect(await bash().run('cut /p')).toMatchObject({
      err: "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n", status: 1,
    });
  });

  it('needs a list in BusyBox too, without usage', async () => {
    expect(await ash().run('cut /p')).toEqual({ out: '', err: 'cut: expected a list of bytes, characters, or fields\n', status: 1 });
  });

  it('rejects field 0', async () => {
    expect((await bash().run('cut -f0')).err).toBe("cut: fields are numbered from 1\nTry 'cut --help' for more information.\n");
  });
});

describe('tr', () => {
  it('translates ranges and classes', async () => {
    expect((await bash().run('echo Hello | tr a-z A-Z')).out).toBe('HELLO\n');
    expect((await bash().run("echo Hello | tr '[:upper:]' '[:lower:]'")).out).toBe('hello\n');
  });

  it('pads a short second set with its last character', async () => {
    expect((await bash().run('echo abcd | tr abcd xy')).out).toBe('xyyy\n');
  });

  it('deletes with -d and -cd', async () => {
    expect((await bash().run('echo a-b-c | tr -d -')).out).toBe('abc\n');
    expect((await bash().run("echo 'a1 b2!' | tr -cd '[:digit:]'")).out).toBe('12');
  });

  it('squeezes with -s', async () => {
    expect((await bash().run("echo 'a   b' | tr -s ' '")).out).toBe('a b\n');
  });

  it('understands \\n', async () => {
    expect((await bash().run("echo a,b | tr , '\\n'")).out).toBe('a\nb\n');
  });

  it('needs two sets to translate', async () => {
    expect((await bash().run('tr abc')).err).toBe("tr: missing operand after 'abc'\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n");
    expect((await ash().run('tr')).status).toBe(1);
  });
});
