import { describe, expect, it } from 'vitest';
import { marshal, marshalIndent, quoteJsonString, tryMarshal } from './gojson';
import {
  NIL_MAP,
  NIL_SLICE,
  goEmbed,
  goFloat,
  goInterface,
  goPointer,
  goStringer,
  jsonTag,
  marshalsAsMap,
  omitEmpty,
} from './govalues';

describe('marshal: scalars', () => {
  it('prints integers without decimals and floats the way encoding/json does', () => {
    expect(marshal([0, 16, -7, 1500, 1.5, 0.00001, 1e-7, 1e21, 123456789012])).toBe(
      '[0,16,-7,1500,1.5,0.00001,1e-7,1e+21,123456789012]',
    );
  });
  it('prints a whole float64 like an int (Go uses %f style below 1e21)', () => {
    expect(marshal(goFloat(1000000))).toBe('1000000');
  });
  it('prints bigint, booleans and nil', () => {
    expect(marshal([10n ** 20n, true, false, null, undefined])).toBe('[100000000000000000000,true,false,null,null]');
  });
  it('writes typed nil slices and maps as null', () => {
    expect(marshal({ A: NIL_SLICE, B: NIL_MAP })).toBe('{"A":null,"B":null}');
  });
});

describe('marshal: strings', () => {
  it('escapes quotes, backslashes and the short control escapes (\\b \\f since Go 1.22)', () => {
    expect(quoteJsonString('a"b\\c\n\r\t\b\f')).toBe('"a\\"b\\\\c\\n\\r\\t\\b\\f"');
  });
  it('writes other control bytes as \\u00XX in lower-case hex', () => {
    expect(quoteJsonString('\u0001\u001f')).toBe('"\\u0001\\u001f"');
  });
  it('always escapes U+2028 and U+2029, never DEL', () => {
    expect(quoteJsonString('\u2028\u2029\u007f')).toBe('"\\u2028\\u2029\u007f"');
  });
  it('leaves <>& alone unless HTML escaping is asked for', () => {
    expect(marshal('<a>&')).toBe('"<a>&"');
    expect(marshal('<a>&', { escapeHTML: true })).toBe('"\\u003ca\\u003e\\u0026"');
  });
  it('replaces a lone surrogate (invalid UTF-8) with \\ufffd, keeps real pairs', () => {
    expect(quoteJsonString('x\ud800y🐳')).toBe('"x\\ufffdy🐳"');
  });
});

describe('marshal: structs and maps', () => {
  it('keeps struct fields in insertion order', () => {
    expect(marshal({ Name: 'bridge', Id: 'abc', Scope: 'local' })).toBe('{"Name":"bridge","Id":"abc","Scope":"local"}');
  });
  it('sorts Map keys byte-wise (code points), not by UTF-16 units', () => {
    const m = new Map<string, number>([['b', 1], ['\uff01', 2], ['A', 3], ['😀', 4], ['a', 5]]);
    expect(marshal(m)).toBe('{"A":3,"a":5,"b":1,"！":2,"😀":4}');
  });
  it('skips undefined fields', () => {
    expect(marshal({ A: 1, B: undefined, C: 2 })).toBe('{"A":1,"C":2}');
  });
  it('drops empty omitempty fields and keeps the others', () => {
    const cfg = { Subnet: '172.18.0.0/16', IPRange: omitEmpty(''), Gateway: omitEmpty('172.18.0.1'), Aux: omitEmpty(new Map()) };
    expect(marshal(cfg)).toBe('{"Subnet":"172.18.0.0/16","Gateway":"172.18.0.1"}');
  });
  it('renames fields with json tags and skips "-" ones', () => {
    expect(marshal({ HostIP: jsonTag('0.0.0.0', 'HostIp'), HostPort: '80', Secret: jsonTag('x', '-') })).toBe(
      '{"HostIp":"0.0.0.0","HostPort":"80"}',
    );
  });
  it('inlines embedded structs where they sit, outer fields winning', () => {
    const v = { A: 1, Base: goEmbed({ B: 2, A: 99 }), C: 3, Nil: goEmbed(null) };
    expect(marshal(v)).toBe('{"A":1,"B":2,"C":3}');
  });
  it('writes stringers as their JSON form and sees through pointers and interfaces', () => {
    const v = { Created: goStringer('2025-04-24 21:31:26 +0000 UTC', '2025-04-24T21:31:26Z'), P: goPointer({ X: 1 }), I: goInterface('s') };
    expect(marshal(v)).toBe('{"Created":"2025-04-24T21:31:26Z","P":{"X":1},"I":"s"}');
  });
  it('sorts and HTML-escapes a struct marshalled through a map (docker list rows)', () => {
    const row = marshalsAsMap({ Name: '<b>', Driver: 'bridge', ID: 'x' });
    expect(marshal(row)).toBe('{"Driver":"bridge","ID":"x","Name":"\\u003cb\\u003e"}');
  });
});

describe('marshalIndent', () => {
  it('indents by 4 spaces with ": " and keeps empty {} and [] on one line', () => {
    expect(marshalIndent({ A: [], B: {}, C: new Map(), D: [1, { E: null }] })).toBe(
      '{\n    "A": [],\n    "B": {},\n    "C": {},\n    "D": [\n        1,\n        {\n            "E": null\n        }\n    ]\n}',
    );
  });
  it('prints scalars on their own and honours a prefix', () => {
    expect(marshalIndent('x')).toBe('"x"');
    expect(marshalIndent([1], '  ', '>')).toBe('[\n>  1\n>]');
  });
  it('reproduces the REFERENCE 1.7 default bridge document', () => {
    const net = {
      Name: 'bridge',
      Id: '17e324f459648a9baaea32b248d3884da102dde19396c25b30ec800068ce6b10',
      Created: '2017-06-22T20:27:43.826654485Z',
      Scope: 'local',
      Driver: 'bridge',
      EnableIPv6: false,
      IPAM: { Driver: 'default', Options: null, Config: [{ Subnet: '172.17.0.0/16', Gateway: '172.17.0.1' }] },
      Internal: false,
      Attachable: false,
      Containers: new Map([
        [
          'da33b7aa74b0bf3bda3ebd502d404320ca112a268aafe05b4851d1e3312ed168',
          { Name: 'alpine1', EndpointID: '46c0', MacAddress: '02:42:ac:11:00:02', IPv4Address: '172.17.0.2/16', IPv6Address: '' },
        ],
        [
          '602dbf1edc81813304b6cf0a647e65333dc6fe6ee6ed572dc0f686a3307c6a2c',
          { Name: 'alpine2', EndpointID: '03b6', MacAddress: '02:42:ac:11:00:03', IPv4Address: '172.17.0.3/16', IPv6Address: '' },
        ],
      ]),
      Options: new Map([
        ['com.docker.network.driver.mtu', '1500'],
        ['com.docker.network.bridge.name', 'docker0'],
      ]),
      Labels: new Map(),
    };
    const expected = `[
    {
        "Name": "bridge",
        "Id": "17e324f459648a9baaea32b248d3884da102dde19396c25b30ec800068ce6b10",
        "Created": "2017-06-22T20:27:43.826654485Z",
        "Scope": "local",
        "Driver": "bridge",
        "EnableIPv6": false,
        "IPAM": {
            "Driver": "default",
            "Options": null,
            "Config": [
                {
                    "Subnet": "172.17.0.0/16",
                    "Gateway": "172.17.0.1"
                }
            ]
        },
        "Internal": false,
        "Attachable": false,
        "Containers": {
            "602dbf1edc81813304b6cf0a647e65333dc6fe6ee6ed572dc0f686a3307c6a2c": {
                "Name": "alpine2",
                "EndpointID": "03b6",
                "MacAddress": "02:42:ac:11:00:03",
                "IPv4Address": "172.17.0.3/16",
                "IPv6Address": ""
            },
            "da33b7aa74b0bf3bda3ebd502d404320ca112a268aafe05b4851d1e3312ed168": {
                "Name": "alpine1",
                "EndpointID": "46c0",
                "MacAddress": "02:42:ac:11:00:02",
                "IPv4Address": "172.17.0.2/16",
                "IPv6Address": ""
            }
        },
        "Options": {
            "com.docker.network.bridge.name": "docker0",
            "com.docker.network.driver.mtu": "1500"
        },
        "Labels": {}
    }
]`;
    expect(marshalIndent([net])).toBe(expected);
  });
});

describe('tryMarshal: what Go refuses', () => {
  it('reports NaN and infinities with Go\'s text', () => {
    expect(tryMarshal(NaN)).toEqual({ ok: false, error: 'json: unsupported value: NaN' });
    expect(tryMarshal([Infinity])).toEqual({ ok: false, error: 'json: unsupported value: +Inf' });
  });
  it('reports cycles, and marshal() writes null there instead of throwing', () => {
    const a: Record<string, unknown> = { X: 1 };
    a.Self = a;
    expect(tryMarshal(a).ok).toBe(false);
    expect(marshal(a)).toBe('{"X":1,"Self":null}');
  });
  it('allows the same object twice when it is not a cycle', () => {
    const shared = { V: 1 };
    expect(marshal([shared, shared])).toBe('[{"V":1},{"V":1}]');
  });
  it('refuses functions and class instances; marshal() writes null', () => {
    expect(tryMarshal({ F: () => 1 })).toEqual({ ok: false, error: 'json: unsupported type: function' });
    expect(marshal({ D: new Date(0) })).toBe('{"D":null}');
  });
  it('can indent', () => {
    expect(tryMarshal({ A: 1 }, { indent: '  ' })).toEqual({ ok: true, text: '{\n  "A": 1\n}' });
  });
});
