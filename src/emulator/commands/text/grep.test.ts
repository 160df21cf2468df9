import { describe, expect, it } from 'vitest';
import { ash, bash } from '../../shell/testing/fake-shell';

const files = {
  '/log': 'GET /index 200\nPOST /api 500\nget /health 200\n',
  '/other': 'nothing\nGET here\n',
};

async function grep(args: string, flavour: 'bash' | 'ash' = 'bash') {
  return (flavour === 'bash' ? bash({ files }) : ash({ files })).run(`grep ${args}`);
}

describe('grep', () => {
  it('prints matching lines and exits 0', async () => {
    expect(await grep('GET /log')).toEqual({ out: 'GET /index 200\n', err: '', status: 0 });
  });

  it('exits 1 when nothing matches', async () => {
    expect(await grep('PUT /log')).toEqual({ out: '', err: '', status: 1 });
  });

  it('ignores case with -i, inverts with -v, counts with -c', async () => {
    expect((await grep('-i get /log')).out).toBe('GET /index 200\nget /health 200\n');
    expect((await grep('-v 200 /log')).out).toBe('POST /api 500\n');
    expect((await grep('-c 200 /log')).out).toBe('2\n');
  });

  it('numbers lines with -n', async () => {
    expect((await grep('-n 500 /log')).out).toBe('2:POST /api 500\n');
  });

  it('prefixes file names with several files', async () => {
    expect((await grep('GET /log /other')).out).toBe('/log:GET /index 200\n/other:GET here\n');
    expect((await grep('-h GET /log /other')).out).toBe('GET /index 200\nGET here\n');
    expect((await grep('-c GET /log /other')).out).toBe('/log:1\n/other:1\n');
  });

  it('prints only matches with -o', async () => {
    expect((await grep('-o "[0-9][0-9]*" /log')).out).toBe('200\n500\n200\n');
  });

  it('matches whole words with -w and whole lines with -x', async () => {
    expect((await bash().run('echo "web webapp" | grep -ow web')).out).toBe('web\n');
    expect((await bash().run('echo ab | grep -x a')).status).toBe(1);
  });

  it('is quiet with -q', async () => {
    expect(await grep('-q GET /log')).toEqual({ out: '', err: '', status: 0 });
  });

  it('treats ( | + as literal in a basic regex and as operators with -E', async () => {
    expect((await bash().run('echo "a+b" | grep "a+b"')).out).toBe('a+b\n');
    expect((await bash().run('echo aab | grep -E "a+b"')).out).toBe('aab\n');
    expect((await bash().run('echo "x|y" | grep "x|y"')).out).toBe('x|y\n');
    expect((await bash().run('echo y | grep -E "x|y"')).out).toBe('y\n');
    expect((await bash().run('echo ab | grep "\\(a\\)b"')).out).toBe('ab\n');
  });

  it('understands POSIX classes and anchors', async () => {
    expect((await grep('"^[[:upper:]]*  *[/]api" /log')).out).toBe('POST /api 500\n');
    expect((await grep('"200$" /log')).out).toBe('GET /index 200\nget /health 200\n');
  });

  it('takes several patterns with -e', async () => {
    expect((await grep('-e POST -e health /log')).out).toBe('POST /api 500\nget /health 200\n');
  });

  it('reads stdin and accepts options after the pattern (GNU)', async () => {
    expect((await bash({ files }).run('cat /log | grep 500 -c')).out).toBe('1\n');
  });

  it('reports a missing file with status 2', async () => {
    expect(await grep('x /nope')).toEqual({ out: '', err: 'grep: /nope: No such file or directory\n', status: 2 });
    expect((await grep('x /nope', 'ash')).err).toBe('grep: /nope: No such file or directory\n');
  });

  it('reports a broken regex', async () => {
    expect(await grep('"[a" /log')).toEqual({ out: '', err: 'grep: Unmatched [, [^, [:, [., or [=\n', status: 2 });
    expect((await grep('-E "a(" /log', 'ash')).err).toBe("grep: bad regex 'a('\n");
  });

  it('needs a pattern', async () => {
    expect(await grep('')).toEqual({
      out: '', err: "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", status: 2,
    });
  });

  it('ignores --color', async () => {
    expect((await grep('--color=auto GET /log')).status).toBe(0);
  });
});
