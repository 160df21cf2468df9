/**
 * A template comes from whatever a student types. It must never reach JavaScript
 * internals (prototypes, constructors, getters, functions) and never hang the page.
 */
import { describe, expect, it } from 'vitest';
import { executeTemplate, parseTemplate, renderDockerTemplate } from './index';

function run(template: string, data: unknown, limits = {}) {
  const parsed = parseTemplate(template);
  if (!parsed.ok) return { ok: false as const, error: parsed.error, partial: '' };
  return executeTemplate(parsed.template, data, limits);
}

describe('safety: field access reads own data only', () => {
  const data = { Name: 'web', Labels: new Map([['a', 'b']]), List: ['x'] };

  for (const field of ['constructor', '__proto__', 'prototype', 'toString', 'valueOf', 'hasOwnProperty']) {
    it(`{{.${field}}} on a struct is an unknown field`, () => {
      const r = run(`{{.${field}}}`, data);
      expect(r).toMatchObject({ ok: false, error: `template: :1:2: executing "" at <.${field}>: can't evaluate field ${field} in type struct` });
    });
    it(`{{.Labels.${field}}} on a Map is a missing key, not a Map method`, () => {
      expect(run(`{{.Labels.${field}}}`, data)).toEqual({ ok: true, text: '<no value>' });
    });
    it(`{{.Name.${field}}} on a string is refused`, () => {
      expect(run(`{{.Name.${field}}}`, data).ok).toBe(false);
    });
    it(`{{.List.${field}}} on a slice is refused`, () => {
      expect(run(`{{.List.${field}}}`, data).ok).toBe(false);
    });
  }

  it('{{.length}} of a string or slice is not JS length', () => {
    expect(run('{{.Name.length}}', data).ok).toBe(false);
    expect(run('{{.List.length}}', data).ok).toBe(false);
  });

  it('a Map key named like a prototype property is plain data', () => {
    const m = new Map([['__proto__', 'p'], ['constructor', 'c']]);
    expect(run('{{.__proto__}} {{.constructor}} {{index . "__proto__"}}', m)).toEqual({ ok: true, text: 'p c p' });
  });

  it('an own data property called __proto__ (from JSON.parse) is readable as data', () => {
    const obj = JSON.parse('{"__proto__": "own"}');
    expect(run('{{.__proto__}}', obj)).toEqual({ ok: true, text: 'own' });
  });

  it('inherited properties are never fields', () => {
    const child = Object.create({ Inherited: 'secret' });
    expect(run('{{.Inherited}}', child).ok).toBe(false);
  });

  it('a prototype-less object works as a struct', () => {
    const bare = Object.assign(Object.create(null), { A: 1 });
    expect(run('{{.A}}', bare)).toEqual({ ok: true, text: '1' });
  });

  it('getters are never run, even when printing or marshalling', () => {
    let calls = 0;
    const obj = { A: 1 };
    Object.defineProperty(obj, 'G', { enumerable: true, get: () => ++calls });
    expect(run('{{.G}}', obj).ok).toBe(false);
    expect(run('{{.}}|{{json .}}|{{printf "%+v" .}}', obj)).toEqual({ ok: true, text: '{1}|{"A":1}|{A:1}' });
    expect(calls).toBe(0);
  });

  it('functions in the data are never called', () => {
    let calls = 0;
    const fn = () => {
      calls++;
      return 'called';
    };
    const data2 = { F: fn, M: new Map([['f', fn]]) };
    expect(run('{{.F}}', data2)).toEqual({
      ok: false,
      error: 'template: :1:2: executing "" at <{{.F}}>: can\'t print {{.F}} of type function',
      partial: '',
      limit: false,
    });
    expect(run('{{.F 1}}', data2).ok).toBe(false);
    expect(run('{{call .F}}', data2)).toMatchObject({ ok: false, error: expect.stringContaining('error calling call: non-function .F') });
    expect(run('{{json .F}}|{{print .M}}', data2)).toEqual({ ok: true, text: '|map[f:{}]' });
    expect(calls).toBe(0);
  });

  it('class instances are opaque: no fields, no methods', () => {
    class Secret {
      token = 'x';
      reveal() {
        return this.token;
      }
    }
    const data2 = { S: new Secret(), D: new Date(0) };
    expect(run('{{.S.token}}', data2).ok).toBe(false);
    expect(run('{{.S.reveal}}', data2).ok).toBe(false);
    expect(run('{{.D.getTime}}', data2).ok).toBe(false);
  });

  it('only functions from the table can be named', () => {
    for (const name of ['eval', 'Function', 'constructor', 'toString', 'hasOwnProperty', '__proto__', 'require']) {
      expect(parseTemplate(`{{${name} 1}}`)).toEqual({ ok: false, error: `template: :1: function "${name}" not defined` });
    }
  });

  it('the same data renders the same way twice (nothing is mutated)', () => {
    const d = { A: [1, 2], M: new Map([['k', 'v']]) };
    const before = JSON.stringify([...d.M]) + JSON.stringify(d.A);
    run('{{$x := .A}}{{range $i, $e := .A}}{{$x = 5}}{{end}}{{slice .A 0 1}}', d);
    expect(JSON.stringify([...d.M]) + JSON.stringify(d.A)).toBe(before);
  });
});

describe('safety: resource limits', () => {
  it('a huge range stops at the step limit', () => {
    const r = run('{{range 1000000000}}{{end}}', {});
    expect(r).toMatchObject({ ok: false, limit: true, error: 'template: : emulator limit: more than 200000 evaluation steps' });
  });

  it('nested ranges over large data stop too', () => {
    const big = Array.from({ length: 2000 }, (_, i) => i);
    const r = run('{{range .}}{{range $}}{{end}}{{end}}', big);
    expect(r).toMatchObject({ ok: false, limit: true });
  });

  it('output is capped', () => {
    const r = run('{{range 100000}}0123456789abcdef{{end}}', {}, { maxOutput: 4096 });
    expect(r).toMatchObject({ ok: false, limit: true, error: 'template: : emulator limit: output exceeds 4096 characters' });
    expect(r.ok ? '' : r.partial.length).toBeLessThanOrEqual(4096);
  });

  it('function results are budgeted, so pad cannot allocate gigabytes', () => {
    expect(run('{{pad "x" 1000000000 0}}', {})).toMatchObject({ ok: false, limit: true });
    expect(run('{{range 20}}{{$s := printf "%1000000d" 1}}{{end}}', {}, { maxAlloc: 4_000_000 })).toMatchObject({ ok: false, limit: true });
  });

  it('printf gives up on absurd widths as Go does (the digit after 1e6 is refused)', () => {
    expect(run('{{printf "%100000000d" 1}}', {})).toEqual({ ok: true, text: '%!(NOVERB)%!(EXTRA int=1)' });
  });

  it('deep parentheses stop with Go\'s message', () => {
    const t = '{{' + '('.repeat(500) + '1' + ')'.repeat(500) + '}}';
    expect(parseTemplate(t)).toEqual({ ok: false, error: 'template: :1: max expression depth exceeded' });
  });

  it('deeply nested blocks stop at parse time', () => {
    const t = '{{if 1}}'.repeat(1000) + '{{end}}'.repeat(1000);
    expect(parseTemplate(t)).toEqual({ ok: false, error: 'template: :1: max expression depth exceeded' });
  });

  it('runaway {{template}} recursion ends with Go\'s error', () => {
    const r = run('{{define "x"}}{{template "x"}}{{end}}{{template "x"}}', {});
    expect(r).toMatchObject({ ok: false, error: expect.stringContaining('exceeded maximum template depth (100000)') });
  });

  it('overlong templates are refused', () => {
    const r = parseTemplate('x'.repeat(70000));
    expect(r.ok).toBe(false);
  });

  it('renderDockerTemplate does not retry the raw pass after a limit', () => {
    const r = renderDockerTemplate('{{range 1000000000}}{{end}}', {});
    expect(r).toEqual({
      ok: false,
      phase: 'execute',
      error: 'template parsing error: template: : emulator limit: more than 200000 evaluation steps',
    });
  });

  it('cyclic data neither hangs printing nor JSON', () => {
    const a: Record<string, unknown> = { Name: 'a' };
    a.Self = [a];
    expect(run('{{json .}}', a)).toEqual({ ok: true, text: '' });
    expect(run('{{.Self}}', a).ok).toBeTypeOf('boolean');
  });
});
