import { describe, expect, it } from 'vitest';
import { NIL_MAP, NIL_SLICE, goFloat, goPointer, goStringer, withGoType } from '../govalues';
import { printTop, sprint, sprintf, sprintln } from './fmt';
import { formatFloat } from './floatfmt';

const addr = (n: number) => () => `0xc00000${n}`;

describe('sprintf', () => {
  it('formats integers with width, flags and precision', () => {
    expect(sprintf('%5d|%-5d|%05d|%+d|%x|%#o|%.3d', [42, 42, -42, 3, 255, 8, 7])).toBe('   42|42   |-0042|+3|ff|010|007');
  });
  it('formats strings by runes', () => {
    expect(sprintf('%-6s|%6s|%.2s|%q', ['hé', 'hé', 'héllo', 'a\tb'])).toBe('hé    |    hé|hé|"a\\tb"');
  });
  it('rounds floats half to even on exact ties, like Go', () => {
    expect(sprintf('%.0f %.0f %.0f %.1f %.2f', [goFloat(0.5), goFloat(1.5), goFloat(2.5), 0.25, 2.675])).toBe('0 2 2 0.2 2.67');
  });
  it('reports verb and argument mistakes inline', () => {
    expect(sprintf('%d %d', [1])).toBe('1 %!d(MISSING)');
    expect(sprintf('%d', [1, 'x'])).toBe('1%!(EXTRA string=x)');
    expect(sprintf('%d', ['x'])).toBe('%!d(string=x)');
    expect(sprintf('%!', [])).toBe('%!!(MISSING)');
  });
  it('applies a verb to each element of a composite', () => {
    expect(sprintf('%3d|%q', [[1, 22], new Map([['k', 'v']])])).toBe('[  1  22]|map["k":"v"]');
  });
  it('prints field names with %+v and Go syntax with %#v', () => {
    const s = withGoType({ A: 1, B: 'x', C: NIL_SLICE }, 'pkg.T');
    expect(sprintf('%+v|%#v', [s, s])).toBe('{A:1 B:x C:[]}|pkg.T{A:1, B:"x", C:[]interface {}(nil)}');
  });
  it('prints stringers through String()', () => {
    expect(sprintf('%v|%s|%d', [goStringer('1.2.3.4', '', 'netip.Addr'), goStringer('x', ''), goStringer('y', '')])).toMatch(
      /^1\.2\.3\.4\|x\|%!d\(/,
    );
  });
});

describe('sprint / sprintln / printTop', () => {
  it('adds spaces only between non-string operands', () => {
    expect(sprint([1, 2, 'a', 'b', 3, null])).toBe('1 2ab3 <nil>');
    expect(sprintln(['a', 1])).toBe('a 1\n');
  });
  it('prints nil slices and maps as [] and map[]', () => {
    expect(sprint([NIL_SLICE, NIL_MAP, null])).toBe('[] map[] <nil>');
  });
  it('follows a top-level pointer but prints nested ones as addresses', () => {
    const inner = goPointer({ X: 1 });
    expect(printTop(goPointer({ P: inner, Q: 2 }), addr(1))).toBe('{0xc000001 2}');
    expect(sprint([goPointer({ Q: 2 })], addr(1))).toBe('&{2}');
  });
});

describe('formatFloat (strconv.FormatFloat)', () => {
  it.each([
    [1e6, 'g', -1, '1e+06'],
    [123456, 'g', -1, '123456'],
    [0.0001, 'g', -1, '0.0001'],
    [0.00001, 'g', -1, '1e-05'],
    [1234.5678, 'e', 3, '1.235e+03'],
    [3.5, 'x', -1, '0x1.cp+01'],
    [3.5, 'b', -1, '7881299347898368p-51'],
    [-0, 'f', 1, '-0.0'],
    [NaN, 'g', -1, 'NaN'],
  ] as const)('%s %s %s → %s', (v, f, p, want) => {
    expect(formatFloat(v, f, p)).toBe(want);
  });
});
