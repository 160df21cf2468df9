import { describe, expect, it } from 'vitest';
import { ash, bash } from '../../shell/testing/fake-shell';

const files = {
  '/ten': '1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n',
  '/two': 'a\nmatch\nb\n',
};

async function grep(args: string, flavour: 'bash' | 'ash' = 'bash') {
  return (flavour === 'bash' ? bash({ files }) : ash({ files })).run(`grep ${args}`);
}

describe('grep -A, -B, -C', () => {
  it('prints lines after and before a match, once each, with -- between groups that do not touch', async () => {
    expect((await grep('-A1 -e 3 -e 4 /ten')).out).toBe('3\n4\n5\n');
    expect((await grep('-C1 -e 3 -e 8 /ten')).out).toBe('2\n3\n4\n--\n7\n8\n9\n');
    expect((await grep('-B 2 5 /ten')).out).toBe('3\n4\n5\n');
    expect((await grep('--after-context=1 10 /ten')).out).toBe('10\n');
  });

  it('marks context lines with - and selected lines with : after numbers and file names', async () => {
    expect((await grep('-n -B1 5 /ten')).out).toBe('4-4\n5:5\n');
    expect((await grep('-A1 match /two /ten')).out).toBe('/two:match\n/two-b\n');
    expect((await grep('-H -C1 -e 1 -e match /two /ten')).out).toBe('/two-a\n/two:match\n/two-b\n--\n/ten:1\n/ten-2\n--\n/ten-9\n/ten:10\n');
  });

  it('leaves -c and -q alone, works in BusyBox, and refuses a bad number', async () => {
    expect((await grep('-c -A3 5 /ten')).out).toBe('1\n');
    expect((await grep('-A1 match /two', 'ash')).out).toBe('match\nb\n');
    expect(await grep('-A x 5 /ten')).toEqual({ out: '', err: 'grep: x: invalid context length argument\n', status: 2 });
  });
});
