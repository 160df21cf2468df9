import { describe, expect, it } from 'vitest';
import { parseUint10, parseInt10 } from './go-strconv';
import { readCsvRecord } from './go-csv';
import { naturalCompare, naturalLess } from './natural-sort';
import { joinHostPort, splitHostPort } from './go-hostport';

describe('strconv base 10', () => {
  it('reports overflow as soon as it happens, like Go', () => {
    expect(parseUint10('65535', 16)).toEqual({ value: 65535n });
    expect(parseUint10('65536', 16)).toEqual({ error: 'value out of range' });
    expect(parseUint10('99999a', 16)).toEqual({ error: 'value out of range' });
    expect(parseUint10('12a', 16)).toEqual({ error: 'invalid syntax' });
    expect(parseUint10('+1', 16)).toEqual({ error: 'invalid syntax' });
  });

  it('ParseInt takes a sign and uses the signed range', () => {
    expect(parseInt10('+80', 64)).toEqual({ value: 80n });
    expect(parseInt10('-1', 64)).toEqual({ value: -1n });
    expect(parseInt10('9223372036854775808', 64)).toEqual({ error: 'value out of range' });
    expect(parseInt10('-', 64)).toEqual({ error: 'invalid syntax' });
  });
});

describe('encoding/csv, one record', () => {
  it('splits on commas and unquotes quoted fields', () => {
    expect(readCsvRecord('a,"b,c",d')).toEqual({ ok: true, value: ['a', 'b,c', 'd'] });
    expect(readCsvRecord('"say ""hi"""')).toEqual({ ok: true, value: ['say "hi"'] });
    expect(readCsvRecord('a,')).toEqual({ ok: true, value: ['a', ''] });
  });

  it('reports quote errors with 1-based byte columns', () => {
    expect(readCsvRecord('ab"c')).toEqual({ ok: false, error: 'parse error on line 1, column 3: bare " in non-quoted-field' });
    expect(readCsvRecord('x,"ab"c')).toEqual({
      ok: false,
      error: 'parse error on line 1, column 6: extraneous or missing " in quoted-field',
    });
    expect(readCsvRecord('x,"abc')).toEqual({
      ok: false,
      error: 'parse error on line 1, column 7: extraneous or missing " in quoted-field',
    });
  });
});

describe('natural sort (fvbommel/sortorder)', () => {
  it('compares digit runs as numbers and puts digits before other characters', () => {
    expect(naturalLess('abc2', 'abc12')).toBe(true);
    expect(naturalLess('2', '02')).toBe(true);
    expect(naturalLess('0.0.0.0:80', '[::]:80')).toBe(true);
    expect(['443/udp', '80/tcp', '443/tcp'].sort(naturalCompare)).toEqual(['80/tcp', '443/tcp', '443/udp']);
  });
});

describe('net.JoinHostPort / SplitHostPort', () => {
  it('brackets IPv6 hosts', () => {
    expect(joinHostPort('::', '80')).toBe('[::]:80');
    expect(joinHostPort('0.0.0.0', '80')).toBe('0.0.0.0:80');
  });

  it('splits and reports Go\'s address errors', () => {
    expect(splitHostPort('[::1]:')).toEqual({ ok: true, value: ['::1', ''] });
    expect(splitHostPort('[::1:')).toEqual({ ok: false, error: "address [::1:: missing ']' in address" });
    expect(splitHostPort('[::1]x:')).toEqual({ ok: false, error: 'address [::1]x:: missing port in address' });
  });
});
