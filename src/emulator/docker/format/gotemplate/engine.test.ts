import { describe, expect, it } from 'vitest';
import {
  GoIface,
  JsonNumber,
  NIL_MAP,
  NIL_SLICE,
  anyElements,
  goEmbed,
  goFloat,
  goPointer,
  goStringer,
  hasAnyElements,
  jsonTag,
  omitEmpty,
  withGoType,
  withMapZero,
} from '../govalues';
import {
  BUILTINS,
  DOCKER_FUNCS,
  HEADER_FUNCS,
  type ExecuteOptions,
  executeHeader,
  executeTemplate,
  parseTemplate,
  renderDockerTemplate,
  toRawJson,
} from './index';

function run(template: string, data: unknown, options: ExecuteOptions = {}) {
  const parsed = parseTemplate(template);
  if (!parsed.ok) throw new Error(parsed.error);
  return executeTemplate(parsed.template, data, options);
}

const text = (template: string, data: unknown, options: ExecuteOptions = {}): string => {
  const r = run(template, data, options);
  return r.ok ? r.text : `ERR ${r.error}`;
};

describe('parseTemplate', () => {
  it('names the template in errors', () => {
    expect(parseTemplate('{{.X', { name: 'inspect' })).toEqual({ ok: false, error: 'template: inspect:1: unclosed action' });
  });
  it('checks function names against the given table', () => {
    expect(parseTemplate('{{json .}}', { funcs: BUILTINS })).toEqual({ ok: false, error: 'template: :1: function "json" not defined' });
    expect(parseTemplate('{{json .}}').ok).toBe(true);
  });
  it('reports the line of a parse error', () => {
    expect(parseTemplate('a\nb\n{{end}}')).toEqual({ ok: false, error: 'template: :3: unexpected {{end}}' });
  });
  it('keeps {{define}}d trees by name', () => {
    const r = parseTemplate('{{define "row"}}[{{.}}]{{end}}{{range .}}{{template "row" .}}{{end}}');
    expect(r.ok && [...r.template.trees.keys()].sort()).toEqual(['', 'row']);
  });
});

describe('executeTemplate', () => {
  it('counts error columns in bytes on the error line', () => {
    expect(text('héllo\n  ü {{.X}}', {})).toBe(
      'ERR template: :2:7: executing "" at <.X>: can\'t evaluate field X in type struct',
    );
  });
  it('returns what was written before an error', () => {
    expect(run('ab{{.X}}cd', {})).toMatchObject({ ok: false, partial: 'ab' });
  });
  it('missingkey=default prints <no value>, zero the element zero, error fails', () => {
    const labels = new Map([['a', '1']]);
    expect(text('{{.b}}', labels)).toBe('<no value>');
    expect(text('[{{.b}}]', labels, { missingKey: 'zero' })).toBe('[]');
    expect(text('{{.b}}', labels, { missingKey: 'error' })).toBe(
      'ERR template: :1:2: executing "" at <.b>: map has no entry for key "b"',
    );
  });
  it('the zero of a map element comes from withMapZero, else from a sample value', () => {
    const ports = withMapZero(new Map([['80/tcp', [1]]]), NIL_SLICE);
    expect(text('{{index . "443/tcp"}}', ports)).toBe('[]');
    const members = new Map([['x', { Name: 'web', Count: 2, On: true, Tags: ['a'] }]]);
    expect(text('{{index . "y"}}', members)).toBe('{ 0 false []}');
    expect(text('[{{index . "y"}}]', new Map())).toBe('[]');
  });
  it('a function table can replace the template\'s (HeaderFunctions)', () => {
    const parsed = parseTemplate('{{upper .Name}}|{{join .Names ","}}|{{pad .Name 1 1}}');
    if (!parsed.ok) throw new Error(parsed.error);
    const header = new Map([['Name', 'NAME'], ['Names', 'NAMES']]);
    expect(executeTemplate(parsed.template, header, { funcs: HEADER_FUNCS })).toEqual({ ok: true, text: 'NAME|NAMES| NAME ' });
    expect(executeHeader(parsed.template, header)).toBe('NAME|NAMES| NAME ');
  });
  it('DOCKER_FUNCS holds the builtins and docker\'s eight', () => {
    for (const f of ['and', 'or', 'not', 'len', 'index', 'slice', 'eq', 'printf', 'json', 'split', 'join', 'title', 'lower', 'upper', 'pad', 'truncate']) {
      expect(DOCKER_FUNCS.has(f)).toBe(true);
    }
  });
  it('variables: declaration, assignment, scope to the end of the block', () => {
    expect(text('{{$a := 1}}{{range .}}{{$a = .}}{{$b := 2}}{{end}}{{$a}}', [5, 6])).toBe('6');
    expect(text('{{range $i, $v := .}}{{$i}}{{$v}}{{$}}{{end}}', ['x'])).toBe('0x[x]');
  });
  it('break and continue', () => {
    expect(text('{{range .}}{{if eq . 2}}{{continue}}{{end}}{{if eq . 4}}{{break}}{{end}}{{.}}{{end}}', [1, 2, 3, 4, 5])).toBe('13');
  });
  it('else if / else with chains', () => {
    expect(text('{{if .A}}a{{else if .B}}b{{else}}c{{end}}', { A: false, B: 'x' })).toBe('b');
    expect(text('{{with .A}}a{{else with .B}}{{.}}{{end}}', { A: '', B: 'bee' })).toBe('bee');
  });
  it('range over an int, a map in key order, and else on empty', () => {
    expect(text('{{range 3}}{{.}}{{end}}', {})).toBe('012');
    expect(text('{{range $k, $v := .}}{{$k}}={{$v}};{{end}}', new Map([['b', 2], ['a', 1]]))).toBe('a=1;b=2;');
    expect(text('{{range .}}x{{else}}empty{{end}}', NIL_MAP)).toBe('empty');
  });
  it('a null in the data (nil slice stand-in) ranges as empty', () => {
    expect(text('{{range .Config}}x{{else}}none{{end}}', { Config: null })).toBe('none');
  });
  it('promoted fields of embedded structs, and the embedded struct by its name', () => {
    const ns = { Base: goEmbed({ SandboxKey: '/k', Ports: new Map() }), Networks: new Map() };
    expect(text('{{.SandboxKey}}|{{.Base.SandboxKey}}|{{.}}', ns)).toBe('/k|/k|{{/k map[]} map[]}');
  });
  it('json-tagged fields are read by their Go name', () => {
    const b = { HostIP: jsonTag('0.0.0.0', 'HostIp'), HostPort: '80' };
    expect(text('{{.HostIP}}|{{json .}}', b)).toBe('0.0.0.0|{"HostIp":"0.0.0.0","HostPort":"80"}');
  });
  it('pointers print as a struct at the top, an address inside, &{…} through printf', () => {
    const p = goPointer({ A: 1 });
    expect(text('{{.}}|{{.P}}|{{printf "%v" .P}}', goPointer({ P: p }))).toBe('{0xc0004a2000}|{1}|&{1}');
  });
  it('float64 values keep Go\'s %v form', () => {
    expect(text('{{.}}', [goFloat(1e6), 1.5, goFloat(0.1), 2 ** 70])).toBe('[1e+06 1.5 0.1 1.1805916207174113e+21]');
  });
  it('a string with an invalid byte: byte length, quoted as \\x, shown as U+FFFD', () => {
    expect(text('{{len "\\xff"}}|{{printf "%q" "a\\xffb"}}|{{"a\\xffb"}}', {})).toBe('1|"a\\xffb"|a\ufffdb');
  });
});

describe('toRawJson: the view docker falls back to', () => {
  it('turns structs and maps into map[string]any and numbers into json.Number', () => {
    const raw = toRawJson({ B: 2, A: [1.5, null], M: new Map([['k', 'v']]) }) as Map<string, unknown>;
    expect(raw).toBeInstanceOf(Map);
    expect(hasAnyElements(raw)).toBe(true);
    expect(raw.get('B')).toEqual(new JsonNumber('2'));
    expect(hasAnyElements(raw.get('A') as object)).toBe(true);
    expect((raw.get('M') as Map<string, unknown>).get('k')).toBe('v');
  });
  it('follows JSON: omitempty, tags, stringers, embedding, typed nils', () => {
    const v = {
      Gw: omitEmpty(''),
      HostIP: jsonTag('::', 'HostIp'),
      T: goStringer('text', 'json'),
      E: goEmbed({ Inner: 1 }),
      S: NIL_SLICE,
      I: new GoIface('x'),
    };
    const raw = toRawJson(v) as Map<string, unknown>;
    expect([...raw.keys()]).toEqual(['HostIp', 'T', 'Inner', 'S', 'I']);
    expect(raw.get('T')).toBe('json');
    expect(raw.get('S')).toBeNull();
  });
  it('prints numbers as the daemon sent them and compares them as strings', () => {
    expect(text('{{.N}}|{{eq .N "16"}}', toRawJson({ N: 16 }))).toBe('16|true');
  });
});

describe('renderDockerTemplate: the two passes', () => {
  const data = withGoType({ Name: '/web', Ports: new Map([['80/tcp', [{ HostIP: jsonTag('0.0.0.0', 'HostIp') }]]]) }, 'container.InspectResponse');
  it('typed pass first', () => {
    expect(renderDockerTemplate('{{.Name}}', data)).toEqual({ ok: true, text: '/web' });
  });
  it('raw pass when the typed one fails: JSON names work there', () => {
    expect(renderDockerTemplate('{{range .Ports}}{{(index . 0).HostIp}}{{end}}', data)).toEqual({ ok: true, text: '0.0.0.0' });
  });
  it('the raw pass reports missing keys', () => {
    expect(renderDockerTemplate('{{.Nope}}', data)).toEqual({
      ok: false,
      phase: 'execute',
      error: 'template parsing error: template: :1:2: executing "" at <.Nope>: map has no entry for key "Nope"',
    });
  });
  it('output of a failed typed pass is discarded, not doubled', () => {
    const v = { Name: 'x', HostIP: jsonTag('1.2.3.4', 'HostIp') };
    expect(renderDockerTemplate('a{{.Name}}-{{.HostIp}}', v)).toEqual({ ok: true, text: 'ax-1.2.3.4' });
  });
  it('an empty data map prints nothing', () => {
    expect(renderDockerTemplate('', {})).toEqual({ ok: true, text: '' });
    expect(renderDockerTemplate('{{range .}}{{end}}', anyElements(new Map()))).toEqual({ ok: true, text: '' });
  });
});
