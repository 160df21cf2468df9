import { describe, expect, it } from 'vitest';
import { ipJson } from './ip-json-writer';
import type { JsonValue } from './types';

const links: JsonValue[] = [
  { ifindex: 1, ifname: 'lo', flags: ['LOOPBACK', 'UP'], addr_info: [{ family: 'inet', local: '127.0.0.1' }, { family: 'inet6' }] },
  { ifindex: 4, link_index: 5, ifname: 'eth0', flags: [], linkinfo: {} },
];

describe("iproute2's JSON writer", () => {
  it('-j: one line, no spaces', () => {
    expect(ipJson(links, { pretty: false })).toBe(
      '[{"ifindex":1,"ifname":"lo","flags":["LOOPBACK","UP"],"addr_info":[{"family":"inet","local":"127.0.0.1"},{"family":"inet6"}]},' +
      '{"ifindex":4,"link_index":5,"ifname":"eth0","flags":[],"linkinfo":{}}]\n',
    );
  });

  it('-j -p: members indented by 4 per level, arrays kept on their line ([ {, },{, } ])', () => {
    expect(ipJson(links, { pretty: true })).toBe(
      [
        '[ {',
        '        "ifindex": 1,',
        '        "ifname": "lo",',
        '        "flags": [ "LOOPBACK","UP" ],',
        '        "addr_info": [ {',
        '                "family": "inet",',
        '                "local": "127.0.0.1"',
        '            },{',
        '                "family": "inet6"',
        '            } ]',
        '    },{',
        '        "ifindex": 4,',
        '        "link_index": 5,',
        '        "ifname": "eth0",',
        '        "flags": [ ],',
        '        "linkinfo": {}',
        '    } ]',
        '',
      ].join('\n'),
    );
  });

  it('escapes quotes and control characters as jsonw_puts does', () => {
    expect(ipJson(['a"b\tc'], { pretty: false })).toBe('["a\\"b\\tc"]\n');
    // Every escape, in keys too; plain strings around escaped ones are left as they are.
    expect(ipJson([{ 'k\\': 'x\\y\n\r\f\b', plain: 'eth0', q: '"' }, 'lo'], { pretty: false })).toBe('[{"k\\\\":"x\\\\y\\n\\r\\f\\b","plain":"eth0","q":"\\""},"lo"]\n');
  });
});
