import { describe, expect, it } from 'vitest';
import { ash, bash } from '../../shell/testing/fake-shell';

describe('env and printenv', () => {
  it('prints the environment in the order it was built', async () => {
    const sh = bash({ env: { PATH: '/bin', HOME: '/root' } });
    await sh.run('export ZED=1 ALPHA=2');
    expect((await sh.run('env')).out).toBe('PATH=/bin\nHOME=/root\nZED=1\nALPHA=2\n');
  });

  it('does not print unexported variables', async () => {
    expect((await bash({ env: { A: '1' } }).run('B=2; env')).out).toBe('A=1\n');
  });

  it('runs a command with extra variables', async () => {
    expect((await bash({ env: {} }).run('env X=1 printenv X')).out).toBe('1\n');
    expect((await bash({ env: { A: '1' } }).run('env -i B=2 env')).out).toBe('B=2\n');
  });

  it('reports a command env cannot find', async () => {
    expect(await bash().run('env nope')).toEqual({ out: '', err: "env: 'nope': No such file or directory\n", status: 127 });
  });

  it('prints one variable with printenv, or fails with 1', async () => {
    expect(await bash({ env: { A: 'x' } }).run('printenv A')).toEqual({ out: 'x\n', err: '', status: 0 });
    expect((await bash().run('printenv NOPE')).status).toBe(1);
  });
});

describe('seq', () => {
  it('counts from 1 to LAST', async () => {
    expect((await bash().run('seq 3')).out).toBe('1\n2\n3\n');
  });

  it('takes FIRST INCREMENT LAST, including going down', async () => {
    expect((await bash().run('seq 2 2 7')).out).toBe('2\n4\n6\n');
    expect((await bash().run('seq 3 -1 1')).out).toBe('3\n2\n1\n');
    expect((await bash().run('seq -1 1')).out).toBe('-1\n0\n1\n');
  });

  it('keeps the decimals of its operands', async () => {
    expect((await bash().run('seq 0 0.5 1')).out).toBe('0.0\n0.5\n1.0\n');
  });

  it('joins with -s and pads with -w', async () => {
    expect((await bash().run('seq -s, 3')).out).toBe('1,2,3\n');
    expect((await bash().run('seq -w 8 10')).out).toBe('08\n09\n10\n');
  });

  it('prints nothing when LAST is below FIRST', async () => {
    expect((await bash().run('seq 5 1')).out).toBe('');
  });

  it('rejects a non-number', async () => {
    expect((await bash().run('seq x')).err).toBe("seq: invalid floating point argument: 'x'\nTry 'seq --help' for more information.\n");
    expect((await ash().run('seq x')).err).toMatch(/^BusyBox v1\.36\.1 multi-call binary\.\n\nUsage: seq /);
  });
});
