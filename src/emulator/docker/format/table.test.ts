import { describe, expect, it } from 'vitest';
import { withGoType } from './govalues';
import { stringWidth } from './runewidth';
import { formatList, renderTable } from './table';
import { tabwrite } from './tabwriter';
import { compareGoStrings, toDisplay, utf8Decode, utf8Encode, utf8Length } from './utf8';

describe('renderTable (docker/cli tabwriter: minwidth 10, padding 3)', () => {
  it('reproduces the REFERENCE 1.2 `docker network list` transcript', () => {
    const rows = [
      ['NETWORK ID', 'NAME', 'DRIVER', 'SCOPE'],
      ['b610d4c3d3fc', 'bridge', 'bridge', 'local'],
      ['608f585347c3', 'host', 'host', 'local'],
      ['9c34410cf805', 'none', 'null', 'local'],
    ];
    expect(renderTable(rows)).toBe(
      'NETWORK ID     NAME      DRIVER    SCOPE\n' +
        'b610d4c3d3fc   bridge    bridge    local\n' +
        '608f585347c3   host      host      local\n' +
        '9c34410cf805   none      null      local\n',
    );
  });
  it('pads every column but the last to max(10, widest + 3)', () => {
    expect(renderTable([['A', 'B'], ['a-long-value', 'x']])).toBe('A              B\na-long-value   x\n');
  });
  it('pads empty cells and leaves a trailing empty last cell empty', () => {
    expect(renderTable([['ID', 'PORTS', 'NAMES'], ['abc', '', 'web']])).toBe('ID        PORTS     NAMES\nabc                 web\n');
    expect(renderTable([['A', ''], ['b', '']])).toBe('A         \nb         \n');
  });
  it('measures display width: CJK and emoji count 2, combining marks 0', () => {
    expect(renderTable([['日本語', 'x'], ['e\u0301', 'y'], ['🐳', 'z']])).toBe('日本語    x\ne\u0301         y\n🐳        z\n');
  });
});

describe('tabwrite: Go tabwriter semantics', () => {
  it('sizes columns per block of consecutive lines that have the cell', () => {
    // Line 2 has no tab, which ends the block: line 3 is sized on its own.
    expect(tabwrite('aaaaaaaaaaaa\tb\nplain\nc\td\n')).toBe('aaaaaaaaaaaa   b\nplain\nc         d\n');
  });
  it('a column exists only where the cell is tab-terminated', () => {
    expect(tabwrite('a\tb\tc\nd\te\n')).toBe('a         b         c\nd         e\n');
  });
  it('treats \\v as a cell end and \\f as a line end that flushes', () => {
    expect(tabwrite('a\vb\n')).toBe('a         b\n');
    expect(tabwrite('long-long-long\tx\fy\tz\n')).toBe('long-long-long   x\ny         z\n');
  });
  it('writes a last line without newline as is, and nothing for nothing', () => {
    expect(tabwrite('a\tb')).toBe('a         b');
    expect(tabwrite('')).toBe('');
  });
  it('honours other settings', () => {
    expect(tabwrite('a\tb\n', { minwidth: 0, padding: 1, padchar: '.' })).toBe('a.b\n');
    expect(tabwrite('ab\tc\n', { minwidth: 0, padding: 0, padchar: '\t', tabwidth: 8 })).toBe('ab\tc\n');
  });
});

describe('stringWidth (go-runewidth)', () => {
  it.each([
    ['abc', 3],
    ['héllo', 5],
    ['日本語テキスト', 14],
    ['e\u0301x', 2],
    ['x\u00adY', 2],
    ['ab\u200bcd', 4],
    ['🐳whale', 7],
    ['👨\u200d👩\u200d👧fam', 5],
    ['Ａｂ', 4],
    ['①②', 2],
    ['\t\u0007', 0],
  ])('%j is %i columns wide', (s, w) => {
    expect(stringWidth(s)).toBe(w);
  });
});

describe('utf8 helpers', () => {
  it('encodes and decodes UTF-8', () => {
    expect(utf8Encode('é🐳')).toEqual([0xc3, 0xa9, 0xf0, 0x9f, 0x90, 0xb3]);
    expect(utf8Decode([0xc3, 0xa9, 0xf0, 0x9f, 0x90, 0xb3])).toBe('é🐳');
    expect(utf8Length('é🐳a')).toBe(7);
  });
  it('keeps invalid bytes through a round trip and shows them as U+FFFD', () => {
    const half = utf8Decode([0x68, 0xc3]);
    expect(utf8Encode(half)).toEqual([0x68, 0xc3]);
    expect(utf8Length(half)).toBe(2);
    expect(toDisplay(half)).toBe('h\ufffd');
  });
  it('compares strings byte-wise like Go', () => {
    expect(compareGoStrings('\uff01', '😀')).toBeLessThan(0); // JS '<' says the opposite
    expect('\uff01' < '😀').toBe(false);
    expect(compareGoStrings('a', 'a')).toBe(0);
    expect(compareGoStrings('ab', 'a')).toBeGreaterThan(0);
  });
});

const NETWORK_TABLE = 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}';
const NETWORK_HEADERS = { ID: 'NETWORK ID', Name: 'NAME', Driver: 'DRIVER', Scope: 'SCOPE', IPv6: 'IPV6', Internal: 'INTERNAL' };
const net = (ID: string, Name: string, Driver: string) =>
  withGoType({ ID, Name, Driver, Scope: 'local', IPv6: false, Internal: false }, '*network.networkContext');
const NETWORKS = [net('b610d4c3d3fc', 'bridge', 'bridge'), net('608f585347c3', 'host', 'host'), net('9c34410cf805', 'none', 'null')];
const EXPECTED_TABLE =
  'NETWORK ID     NAME      DRIVER    SCOPE\n' +
  'b610d4c3d3fc   bridge    bridge    local\n' +
  '608f585347c3   host      host      local\n' +
  '9c34410cf805   none      null      local\n';

describe('formatList (docker … ls --format)', () => {
  it('uses the default table for no format, "" and exactly "table"', () => {
    for (const f of [undefined, '', 'table']) {
      expect(formatList(f, NETWORK_TABLE, NETWORKS, NETWORK_HEADERS)).toEqual({ ok: true, text: EXPECTED_TABLE });
    }
  });
  it('turns the two characters \\t typed in a shell into a tab', () => {
    expect(formatList('table {{.Name}}\\t{{.Driver}}', NETWORK_TABLE, NETWORKS, NETWORK_HEADERS)).toEqual({
      ok: true,
      text: 'NAME      DRIVER\nbridge    bridge\nhost      host\nnone      null\n',
    });
  });
  it('prints a plain template once per row, without a header', () => {
    expect(formatList('{{.ID}}', NETWORK_TABLE, NETWORKS, NETWORK_HEADERS)).toEqual({
      ok: true,
      text: 'b610d4c3d3fc\n608f585347c3\n9c34410cf805\n',
    });
  });
  it('"json" prints one object per row, keys sorted, HTML escaped', () => {
    const rows = [withGoType({ ID: 'x', Name: '<b>', Driver: 'bridge' }, '*network.networkContext')];
    expect(formatList('json', NETWORK_TABLE, rows, NETWORK_HEADERS)).toEqual({
      ok: true,
      text: '{"Driver":"bridge","ID":"x","Name":"\\u003cb\\u003e"}\n',
    });
  });
  it('still prints the header when there are no rows; plain formats print nothing', () => {
    expect(formatList(undefined, NETWORK_TABLE, [], NETWORK_HEADERS)).toEqual({
      ok: true,
      text: 'NETWORK ID   NAME      DRIVER    SCOPE\n',
    });
    expect(formatList('{{.ID}}', NETWORK_TABLE, [], NETWORK_HEADERS)).toEqual({ ok: true, text: '' });
  });
  it('header cells for unknown columns print <no value>; header errors are ignored', () => {
    expect(formatList('table {{.Name}}\t{{.Nope}}', NETWORK_TABLE, [], NETWORK_HEADERS)).toEqual({
      ok: true,
      text: 'NAME      <no value>\n',
    });
  });
  it('reports template errors as the CLI prints them', () => {
    expect(formatList('{{.Name', NETWORK_TABLE, NETWORKS, NETWORK_HEADERS)).toEqual({
      ok: false,
      error: 'template parsing error: template: :1: unclosed action',
    });
    expect(formatList('table {{.Nope}}', NETWORK_TABLE, NETWORKS, NETWORK_HEADERS)).toEqual({
      ok: false,
      error: 'template parsing error: template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type *network.networkContext',
    });
  });
  it('only a leading "table" makes a table; spaces around the format are trimmed', () => {
    expect(formatList('  {{.Name}}  ', NETWORK_TABLE, NETWORKS.slice(0, 1), NETWORK_HEADERS)).toEqual({ ok: true, text: 'bridge\n' });
    expect(formatList(' table {{.Name}}', NETWORK_TABLE, NETWORKS.slice(0, 1), NETWORK_HEADERS)).toEqual({
      ok: true,
      text: 'table bridge\n',
    });
  });
});
