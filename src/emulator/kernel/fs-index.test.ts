import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { VirtualFs, emptyFs, type FsState } from './fs';
import { DirIndex } from './fs-index';

/** Paths from a small alphabet, so that they share prefixes; some not as resolvePath makes them (`//`, a trailing `/`, relative). */
const segment = fc.constantFrom('a', 'b', 'ab', '.h', 'c.txt', '');
const path = fc.tuple(fc.constantFrom('/', '', '//'), fc.array(segment, { maxLength: 4 }), fc.constantFrom('', '/')).map(([lead, parts, tail]) => lead + parts.join('/') + tail);

const fsState = fc.record({
  files: fc.dictionary(path, fc.constantFrom('', 'x'), { maxKeys: 12 }),
  dirs: fc.array(path, { maxLength: 5 }),
});

/** The directories the queries walk: every path asked about, its parent, its children's names. */
function queries(state: FsState, extra: string[]): string[] {
  const out = new Set(['/', ...extra, ...Object.keys(state.files), ...state.dirs]);
  for (const p of [...out]) {
    for (let i = p.indexOf('/'); i >= 0; i = p.indexOf('/', i + 1)) out.add(p.slice(0, i) || '/');
  }
  return [...out];
}

describe('DirIndex (one pass over the fs)', () => {
  it('answers isDir and list exactly as VirtualFs does, on any fs and any path', () => {
    fc.assert(
      fc.property(fsState, fc.array(path, { maxLength: 6 }), (state, asked) => {
        const fs = new VirtualFs(state);
        const index = new DirIndex(state);
        for (const p of queries(state, asked)) {
          expect([p, index.isDir(p)]).toEqual([p, fs.isDir(p)]);
          expect([p, index.list(p)]).toEqual([p, fs.list(p)]);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('sees directories that only files imply, explicit empty ones, and tells a file from a missing path', () => {
    const state: FsState = { ...emptyFs(), files: { '/srv/www/index.html': 'hi', '/srv/notes': 'n' } };
    state.dirs.push('/srv/empty');
    const index = new DirIndex(state);
    expect(index.isDir('/srv')).toBe(true);
    expect(index.isDir('/srv/www')).toBe(true);
    expect(index.isDir('/srv/notes')).toBe(false);
    expect(index.list('/srv')).toEqual(['empty', 'notes', 'www']);
    expect(index.list('/srv/empty')).toEqual([]);
    expect(index.list('/srv/notes')).toBe('ENOTDIR');
    expect(index.list('/nope')).toBe('ENOENT');
    expect(index.list('/')).toEqual(['bin', 'etc', 'proc', 'root', 'srv', 'tmp', 'usr', 'var']);
  });
});
