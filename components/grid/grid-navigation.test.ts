import { describe, expect, it } from 'vitest';
import { afterCommit, clampActive, moveActive, type CellPos } from './grid-navigation';

const bounds = { rows: 100, cols: 5, page: 10 };
const at = (row: number, col: number): CellPos => ({ row, col });

describe('moveActive', () => {
  it.each([
    ['ArrowRight', false, at(3, 1), at(3, 2)],
    ['ArrowRight', false, at(3, 4), at(3, 4)],
    ['ArrowLeft', false, at(3, 0), at(3, 0)],
    ['ArrowLeft', true, at(3, 3), at(3, 0)],
    ['ArrowRight', true, at(3, 1), at(3, 4)],
    ['ArrowDown', false, at(3, 2), at(4, 2)],
    ['ArrowDown', false, at(99, 2), at(99, 2)],
    ['ArrowDown', false, at(-1, 2), at(0, 2)],
    ['ArrowUp', false, at(0, 2), at(-1, 2)],
    ['ArrowUp', false, at(-1, 2), at(-1, 2)],
    ['ArrowDown', true, at(3, 2), at(99, 2)],
    ['ArrowUp', true, at(30, 2), at(0, 2)],
    ['Home', false, at(7, 3), at(7, 0)],
    ['End', false, at(7, 1), at(7, 4)],
    ['Home', true, at(57, 3), at(0, 0)],
    ['End', true, at(7, 1), at(99, 4)],
    ['PageDown', false, at(5, 1), at(15, 1)],
    ['PageDown', false, at(95, 1), at(99, 1)],
    ['PageDown', false, at(-1, 1), at(9, 1)],
    ['PageUp', false, at(15, 1), at(5, 1)],
    ['PageUp', false, at(4, 1), at(0, 1)],
    ['PageUp', false, at(-1, 1), at(-1, 1)],
  ])('%s (ctrl %s) from %o goes to %o', (key, ctrl, from, to) => {
    expect(moveActive(from, { key, ctrl }, bounds)).toEqual(to);
  });

  it('ignores keys that do not navigate', () => {
    expect(moveActive(at(1, 1), { key: 'a', ctrl: false }, bounds)).toBeNull();
    expect(moveActive(at(1, 1), { key: 'Enter', ctrl: false }, bounds)).toBeNull();
  });

  it('stays on the header row when the view is empty', () => {
    const empty = { rows: 0, cols: 5, page: 10 };
    expect(moveActive(at(-1, 2), { key: 'ArrowDown', ctrl: false }, empty)).toEqual(at(-1, 2));
    expect(moveActive(at(-1, 2), { key: 'End', ctrl: true }, empty)).toEqual(at(-1, 4));
    expect(moveActive(at(-1, 2), { key: 'PageDown', ctrl: false }, empty)).toEqual(at(-1, 2));
  });

  it('starts from a clamped position when the view shrank under the active cell', () => {
    expect(moveActive(at(500, 9), { key: 'ArrowUp', ctrl: false }, bounds)).toEqual(at(98, 4));
  });
});

describe('clampActive', () => {
  it.each([
    [at(5, 2), at(5, 2)],
    [at(200, 2), at(99, 2)],
    [at(-4, 9), at(-1, 4)],
  ])('%o → %o', (from, to) => {
    expect(clampActive(from, bounds)).toEqual(to);
  });
});

describe('afterCommit', () => {
  it.each([
    ['down', at(3, 2), at(4, 2)],
    ['up', at(3, 2), at(2, 2)],
    ['right', at(3, 2), at(3, 3)],
    ['left', at(3, 2), at(3, 1)],
    ['stay', at(3, 2), at(3, 2)],
    ['down', at(99, 2), at(99, 2)],
    ['up', at(0, 2), at(0, 2)],
    ['right', at(3, 4), at(3, 4)],
    ['left', at(3, 0), at(3, 0)],
  ] as const)('%s from %o goes to %o (never to the header nor off the grid)', (move, from, to) => {
    expect(afterCommit(from, move, bounds)).toEqual(to);
  });
});
