import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeDeltas, encodeDeltas } from './snapshot-delta';

const roundTrip = (v: unknown): unknown => decodeDeltas(JSON.parse(JSON.stringify(encodeDeltas(v))));

function hosts(i: number): string {
  return `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost\n172.18.0.${i}\tc${i}\n`;
}

describe('snapshot delta encoding', () => {
  it('writes look-alike records as changes and rebuilds them exactly, key order included', () => {
    const containers: Record<string, unknown> = {};
    const cli = { attachStdin: false, attachStdout: false, workingDir: '', user: '', labels: {}, restartPolicy: 'no', capAdd: [], privileged: false };
    for (let i = 0; i < 20; i++) {
      containers[`id${i}`] = i % 2
        ? { id: `id${i}`, name: `c${i}`, ports: [80, i], files: { '/etc/hosts': hosts(i) }, nets: { a: { ip: `172.18.0.${i}` } }, cli }
        : { name: `c${i}`, id: `id${i}`, extra: true, files: { '/etc/hosts': hosts(i) }, cli }; // other keys, other order
    }
    const state = { version: 1, machines: { node1: { containers } }, list: [1, 2, 3] };
    const encoded = encodeDeltas(state) as { machines: { node1: { containers: unknown } } };
    expect(Object.keys(encoded.machines.node1.containers as object)).toEqual(['$delta']);
    expect(JSON.stringify(encoded).length).toBeLessThan(JSON.stringify(state).length * 0.6);
    expect(JSON.stringify(roundTrip(state))).toBe(JSON.stringify(state));
  });

  it('leaves small collections and non-record maps as they are', () => {
    const state = { few: { a: { x: 1 }, b: { x: 2 } }, mixed: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, i % 3 ? { x: i } : [i]])) };
    expect(encodeDeltas(state)).toEqual(state);
  });

  it('a record that changes a string in the middle stores only the middle', () => {
    const records = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`r${i}`, { text: `${'a'.repeat(40)}${i}${'b'.repeat(40)}` }]));
    const list = (encodeDeltas({ records }) as { records: { $delta: unknown[] } }).records.$delta;
    expect(list[3]).toEqual([1, [['text'], 40, '1', 40]]);
    expect(roundTrip({ records })).toEqual({ records });
  });

  it('keeps keys named __proto__ (a label can be) as own properties, in and out of collections', () => {
    const state = JSON.parse('{"labels":{"__proto__":"x"},"c":{' + Array.from({ length: 8 }, (_, i) => `"k${i}":{"labels":{"__proto__":"${i}"},"n":${i}}`).join(',') + '}}');
    expect(JSON.stringify(roundTrip(state))).toBe(JSON.stringify(state));
  });

  it('round-trips any JSON state', () => {
    const json = fc.jsonValue({ maxDepth: 4 });
    const record = fc.dictionary(fc.constantFrom('id', 'name', 'ip', 'nf', 'files', '0', 'x y'), json, { maxKeys: 5 });
    const collection = fc.dictionary(fc.string({ maxLength: 6 }), record, { minKeys: 8, maxKeys: 14 });
    fc.assert(
      fc.property(collection, json, (c, other) => {
        const state = { c, other, nested: { deeper: c } };
        expect(JSON.stringify(roundTrip(state))).toBe(JSON.stringify(state));
      }),
      { numRuns: Number(process.env.DELTA_RUNS ?? 100) },
    );
  }, 30_000); // generous: CI shares two cores with the browser tests' build
});
