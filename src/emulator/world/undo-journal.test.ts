import { describe, expect, it } from 'vitest';
import { UndoScope } from './undo-journal';
import { markBuiltRaw } from '../core/raw-view';

interface Tree {
  nets: Record<string, { name: string; ids: number[] }>;
  list: number[];
  count: number;
}

const tree = (): Tree => ({ nets: { a: { name: 'a', ids: [1, 2] } }, list: [1, 2, 3], count: 1 });

describe('UndoScope', () => {
  it('rollback puts back sets, deletes, pushes, splices and truncations, leaving no holes', () => {
    const root = tree();
    const before = JSON.stringify(root);
    const scope = new UndoScope(root);
    const { journal, view } = scope.begin();
    view.count = 7;
    view.nets.a.ids.push(3, 4);
    view.nets.b = { name: 'b', ids: [] };
    delete (view.nets as Record<string, unknown>).a;
    view.list.splice(1, 1, 9, 9);
    view.list.length = 1;
    view.list.pop();
    journal.rollback();
    scope.end(journal);
    expect(JSON.stringify(root)).toBe(before);
    expect(Object.keys(root.list)).toEqual(['0', '1', '2']);
  });

  it('a committed line keeps its writes, with no proxy left inside the tree', () => {
    const root = tree();
    const scope = new UndoScope(root);
    const { journal, view } = scope.begin();
    const made = { name: 'c', ids: [] as number[] };
    view.nets.c = made;
    expect(view.nets.c).toBe(made); // what a line creates keeps its identity
    (made as unknown as { peer: unknown }).peer = view.nets.a; // a proxy stored inside a new object
    expect(scope.end(journal)).toBe(true);
    const peer = (root.nets.c as unknown as { peer: unknown }).peer;
    expect(peer).toBe(root.nets.a);
    expect(JSON.parse(JSON.stringify(root)).nets.c.peer.name).toBe('a');
  });

  it('overlapping lines: each undoes what changed since it began', () => {
    const root = tree();
    const scope = new UndoScope(root);
    const first = scope.begin();
    first.view.count = 2;
    const second = scope.begin();
    second.view.count = 3;
    second.view.list.push(4);
    second.journal.rollback();
    expect(scope.end(second.journal)).toBe(false);
    expect(root.count).toBe(2);
    expect(root.list).toEqual([1, 2, 3]);
    first.journal.rollback();
    expect(scope.end(first.journal)).toBe(true);
    expect(root.count).toBe(1);
  });

  it('reads give the same view object each time within a line', () => {
    const scope = new UndoScope(tree());
    const { journal, view } = scope.begin();
    expect(view.nets.a).toBe(view.nets.a);
    expect(view.list.indexOf(2)).toBe(1);
    scope.end(journal);
  });
});

describe('objects built from raw data', () => {
  it('are not searched for views when the run ends (markBuiltRaw), others are', () => {
    const root = tree();
    const scope = new UndoScope(root);
    const { journal, view } = scope.begin();
    const searched = { inner: view.nets.a }; // holds a view: must be swept
    const declared = markBuiltRaw({ inner: view.nets.a }); // declared raw (wrongly, here): left alone
    (view as unknown as Record<string, unknown>).searched = searched;
    (view as unknown as Record<string, unknown>).declared = declared;
    scope.end(journal);
    expect(searched.inner).toBe(root.nets.a);
    expect(declared.inner).not.toBe(root.nets.a);
  });
});
