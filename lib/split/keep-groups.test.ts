import { describe, expect, it } from 'vitest';
import { keepGroupsTogether } from './keep-groups';
import { stratifiedSplitCodes } from './stratified';
import { shuffleSplit } from './shuffle-split';
import type { SplitOk } from './types';

function stratified(codes: number[], labels: string[], testSize = 0.2): SplitOk {
  const s = stratifiedSplitCodes(Int32Array.from(codes), labels, { kind: 'float', value: testSize }, 42);
  if (!s.ok) throw new Error(s.error.message);
  return s;
}

/** Class index into split.classes per row (labels here are already in code-point order). */
const classIndex = (codes: number[]): Int32Array => Int32Array.from(codes);

/** Groups that have rows in both files. */
function straddling(train: Int32Array, test: Int32Array, groupOf: Int32Array): number[] {
  const inTrain = new Set(Array.from(train, (r) => groupOf[r]!));
  return [...new Set(Array.from(test, (r) => groupOf[r]!))].filter((g) => g >= 0 && inTrain.has(g));
}

describe('keepGroupsTogether', () => {
  // 100 rows, two classes 60/40; groups of near-copies scattered through the file.
  const codes = Array.from({ length: 100 }, (_, r) => (r % 5 < 3 ? 0 : 1));
  const groupOf = new Int32Array(100).fill(-1);
  const groups = [
    [0, 5, 10, 15, 20],
    [1, 6, 11],
    [3, 8, 13, 18],
    [40, 41],
    [60, 65, 70, 75, 80, 85],
  ];
  groups.forEach((rows, g) => rows.forEach((r) => (groupOf[r] = g)));

  it('puts every group in one file, keeping the file sizes and the per-class counts', () => {
    const split = stratified(codes, ['a', 'b']);
    expect(straddling(split.train, split.test, groupOf).length).toBeGreaterThan(0);
    const { split: kept, keeping } = keepGroupsTogether(split, groupOf, classIndex(codes));
    expect(straddling(kept.train, kept.test, groupOf)).toEqual([]);
    expect([kept.nTrain, kept.nTest]).toEqual([split.nTrain, split.nTest]);
    expect(kept.trainPerClass).toEqual(split.trainPerClass);
    expect(kept.testPerClass).toEqual(split.testPerClass);
    expect(keeping.groupsSplit).toBe(straddling(split.train, split.test, groupOf).length);
    expect(keeping.rowsSwapped).toBe(keeping.rowsMoved);
    expect(keeping.classChanges).toBe(0);
    // Every row is in exactly one file.
    expect([...kept.train, ...kept.test].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, r) => r));
  });

  it('changes as little as it can: rows of no group that were not swapped keep their place', () => {
    const split = stratified(codes, ['a', 'b']);
    const { split: kept, keeping } = keepGroupsTogether(split, groupOf, classIndex(codes));
    let same = 0;
    split.train.forEach((r, i) => (same += kept.train[i] === r ? 1 : 0));
    split.test.forEach((r, i) => (same += kept.test[i] === r ? 1 : 0));
    expect(same).toBe(100 - 2 * keeping.rowsSwapped);
  });

  it('is the split itself when no group straddles the files', () => {
    const split = stratified(codes, ['a', 'b']);
    const none = new Int32Array(100).fill(-1);
    const { split: kept, keeping } = keepGroupsTogether(split, none, classIndex(codes));
    expect(kept.train).toEqual(split.train);
    expect(kept.test).toEqual(split.test);
    expect(keeping).toEqual({ groupsSplit: 0, rowsMoved: 0, rowsSwapped: 0, classChanges: 0 });
  });

  it('is deterministic', () => {
    const split = stratified(codes, ['a', 'b']);
    const a = keepGroupsTogether(split, groupOf, classIndex(codes));
    const b = keepGroupsTogether(split, groupOf, classIndex(codes));
    expect(a.split.train).toEqual(b.split.train);
    expect(a.split.test).toEqual(b.split.test);
  });

  it('moves a group to the file holding most of it (training on a tie)', () => {
    const split = stratified(codes, ['a', 'b']);
    const { split: kept } = keepGroupsTogether(split, groupOf, classIndex(codes));
    const trainSet = new Set(kept.train);
    for (const rows of groups) {
      const before = rows.filter((r) => split.test.includes(r)).length;
      if (before === 0 || before === rows.length) continue;
      const expectTest = before > rows.length - before;
      expect(rows.every((r) => trainSet.has(r) === !expectTest)).toBe(true);
    }
  });

  it('bends the stratification, not the sizes, when a class has no free row left', () => {
    // Class b: 4 rows, all one group except... none free; the split puts one in validation.
    const c = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1];
    const g = new Int32Array(20).fill(-1);
    [16, 17, 18, 19].forEach((r) => (g[r] = 7));
    const split = stratified(c, ['a', 'b']);
    const { split: kept, keeping } = keepGroupsTogether(split, g, classIndex(c));
    expect(straddling(kept.train, kept.test, g)).toEqual([]);
    expect([kept.nTrain, kept.nTest]).toEqual([split.nTrain, split.nTest]);
    expect(keeping.classChanges).toBe(keeping.rowsMoved);
    expect(kept.testPerClass).toEqual([split.testPerClass[0]! + 1, 0]);
  });

  it('lets a file grow only when no row at all is free to trade', () => {
    const split = shuffleSplit(10, { kind: 'float', value: 0.2 }, 42);
    if (!split.ok) throw new Error();
    const all = new Int32Array(10).fill(0);
    const { split: kept } = keepGroupsTogether(split, all, null);
    expect(kept.nTrain + kept.nTest).toBe(10);
    expect(kept.nTest === 0 || kept.nTrain === 0).toBe(true);
  });

  it('works on an unstratified split', () => {
    const split = shuffleSplit(100, { kind: 'float', value: 0.2 }, 42);
    if (!split.ok) throw new Error();
    const { split: kept } = keepGroupsTogether(split, groupOf, null);
    expect(straddling(kept.train, kept.test, groupOf)).toEqual([]);
    expect([kept.nTrain, kept.nTest]).toEqual([80, 20]);
  });
});
