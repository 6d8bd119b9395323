import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addRow, setCell } from './changes';
import { Dataset } from './dataset';
import { History, parseHistorySnapshot, replayHistory } from './history';
import { changeFor, datasetOf, op, smallTable, stateOf } from './testing';
import type { Change } from './types';

const change = (label: string): Change => ({ label, patches: [] });

describe('History', () => {
  it('undoes and redoes in order, with labels', () => {
    const h = new History();
    expect([h.canUndo, h.canRedo, h.undoLabel, h.redoLabel, h.undo(), h.redo()]).toEqual([false, false, null, null, null, null]);
    h.push(change('one'));
    h.push(change('two'));
    expect([h.canUndo, h.undoLabel]).toEqual([true, 'two']);
    expect(h.undo()?.label).toBe('two');
    expect([h.undoLabel, h.redoLabel, h.canRedo]).toEqual(['one', 'two', true]);
    expect(h.redo()?.label).toBe('two');
    expect(h.canRedo).toBe(false);
  });

  it('clears the redo stack on a new change', () => {
    const h = new History();
    h.push(change('one'));
    h.push(change('two'));
    h.undo();
    h.push(change('three'));
    expect([h.canRedo, h.snapshot().changes.map((c) => c.label)]).toEqual([false, ['one', 'three']]);
  });

  it('forgets the oldest changes beyond its limit', () => {
    const h = new History(2);
    ['a', 'b', 'c'].forEach((l) => h.push(change(l)));
    expect(h.snapshot()).toEqual({ changes: [change('b'), change('c')], position: 2 });
    expect(() => new History(0)).toThrow(RangeError);
  });

  it('round-trips through a snapshot, redo stack included', () => {
    const h = new History();
    ['a', 'b', 'c'].forEach((l) => h.push(change(l)));
    h.undo();
    const r = History.restore(JSON.parse(JSON.stringify(h.snapshot())) as ReturnType<History['snapshot']>);
    expect([r.undoLabel, r.redoLabel]).toEqual(['b', 'c']);
    expect(() => History.restore({ changes: [], position: 1 })).toThrow(RangeError);
  });
});

describe('parseHistorySnapshot: a saved session is untrusted', () => {
  it.each<[string, unknown]>([
    ['null', null],
    ['no changes', { position: 0 }],
    ['a position past the end', { changes: [], position: 1 }],
    ['a change without patches', { changes: [{ label: 'x' }], position: 1 }],
    ['a patch with an unknown op', { changes: [{ label: 'x', patches: [{ op: 'move', rowId: 1 }] }], position: 1 }],
    ['a set patch with a numeric value', { changes: [{ label: 'x', patches: [{ op: 'set', rowId: 0, col: 0, before: 'a', after: 1 }] }], position: 0 }],
    ['a negative row id', { changes: [{ label: 'x', patches: [{ op: 'delete', rowId: -1, values: [] }] }], position: 0 }],
  ])('refuses %s', (_name, value) => {
    const r = parseHistorySnapshot(value);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/^the saved edit history is unreadable: /);
  });

  it('accepts what snapshot() wrote', () => {
    const ds = datasetOf([['a', 'b', 'c']]);
    const h = new History();
    const c = addRow(ds, ['x']);
    ds.apply(c);
    h.push(c);
    expect(parseHistorySnapshot(JSON.parse(JSON.stringify(h.snapshot())))).toEqual({ ok: true, snapshot: h.snapshot() });
  });
});

describe('replayHistory', () => {
  const rows = [
    ['a', 'b', 'c'],
    ['d', 'e', 'f'],
  ];

  it('replays the applied changes on a fresh copy of the file and keeps the redo stack', () => {
    const ds = datasetOf(rows);
    const h = new History();
    for (const c of [setCell(ds, 0, 0, 'A'), addRow(ds, ['n']), setCell(ds, 1, 2, 'F')]) {
      ds.apply(c!);
      h.push(c!);
    }
    ds.revert(h.undo()!);
    const fresh = datasetOf(rows);
    const r = replayHistory(fresh, h.snapshot());
    expect([r.applied, r.dropped, r.error, r.history.redoLabel]).toEqual([2, 0, undefined, 'Edit c2 in row 2']);
    expect(stateOf(fresh)).toEqual(stateOf(ds));
  });

  it('stops at the first change that does not fit the file, and says which', () => {
    const ds = datasetOf(rows);
    const ok = setCell(ds, 0, 0, 'A')!;
    const stale: Change = { label: 'Edit c1 in row 2', patches: [{ op: 'set', rowId: 1, col: 1, before: 'zzz', after: 'E' }] };
    const r = replayHistory(ds, { changes: [ok, stale, ok], position: 3 });
    expect([r.applied, r.dropped, r.history.canRedo, r.history.undoLabel]).toEqual([1, 2, false, 'Edit c0 in row 1']);
    expect(r.error).toBe('cannot apply "Edit c1 in row 2": row 2, c1: expected "zzz", found "e"');
    expect(ds.cell(0, 0)).toBe('A');
  });
});

describe('History with a dataset: properties', () => {
  /** Random user sessions: an edit, an undo or a redo at each step. */
  const step = fc.oneof(
    { weight: 3, arbitrary: op.map((o) => ({ kind: 'edit' as const, o })) },
    { weight: 1, arbitrary: fc.constant({ kind: 'undo' as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'redo' as const }) },
  );

  it('after any session, the data equals the applied prefix replayed on the upload; undoing everything restores it', () => {
    fc.assert(
      fc.property(smallTable(), fc.array(step, { maxLength: 30 }), (rows, steps) => {
        const ds = datasetOf(rows);
        const initial = stateOf(ds);
        const h = new History();
        for (const s of steps) {
          if (s.kind === 'edit') {
            const c = changeFor(ds, s.o);
            if (c === null) continue;
            ds.apply(c);
            h.push(c);
          } else if (s.kind === 'undo') {
            const c = h.undo();
            if (c) ds.revert(c);
          } else {
            const c = h.redo();
            if (c) ds.apply(c);
          }
        }
        const replayed = datasetOf(rows);
        const r = replayHistory(replayed, JSON.parse(JSON.stringify(h.snapshot())) as ReturnType<History['snapshot']>);
        expect(r.dropped).toBe(0);
        expect(stateOf(replayed)).toEqual(stateOf(ds));
        expect(replayed.capacity).toBe(ds.capacity);

        const after = stateOf(ds);
        let undone = 0;
        for (let c = h.undo(); c !== null; c = h.undo()) {
          ds.revert(c);
          undone++;
        }
        expect(stateOf(ds)).toEqual(initial);
        for (let i = 0; i < undone; i++) ds.apply(h.redo()!);
        expect(stateOf(ds)).toEqual(after);
      }),
    );
  });

  it('replays onto a dataset built from columns the same as from rows', () => {
    const ds = Dataset.fromColumns(['c0', 'c1', 'c2'], [['a'], ['b'], ['c']]);
    const c = setCell(ds, 0, 1, 'B')!;
    const r = replayHistory(ds, { changes: [c], position: 1 });
    expect([r.applied, ds.cell(0, 1)]).toEqual([1, 'B']);
  });
});
