/**
 * An opt-in repair of a split: rows that are the same inquiry, or nearly, go to one file.
 *
 * Not scikit-learn. `train_test_split` knows nothing of groups, so a near-copy of a training example
 * can land in validation and the validation score looks better than the model is. This starts from
 * the very split sklearn makes (same sizes, same per-class counts, same order) and changes as little
 * as it can: every group whose rows landed in both files is moved whole to the file that already
 * holds most of it (training on a tie), and for each row moved a row of the same class that belongs
 * to no group comes back the other way, into the moved row's place. So the file sizes stay exactly
 * the same, and the per-class counts too while such rows exist; when a class has none left, a row of
 * another class is taken (the sizes are kept, the stratification bends). A group goes the other way
 * when only that way has free rows left, and only when neither has does a file grow.
 */
import type { SplitOk } from './types';

/** What the repair changed, for the Split view and `trainset export`'s report. */
export interface GroupKeeping {
  /** Groups (of two or more rows) the split had put in both files. */
  groupsSplit: number;
  /** Rows moved to join the rest of their group. */
  rowsMoved: number;
  /** Rows that came back the other way in their place. */
  rowsSwapped: number;
  /** Of those, rows of another class than the row they replaced (none of the same class was free). */
  classChanges: number;
}

export interface KeptSplit {
  split: SplitOk;
  keeping: GroupKeeping;
}

/**
 * @param split a successful split of `groupOf.length` rows.
 * @param groupOf each row's group: rows with the same non-negative number belong together; -1 (or a
 *   number no other row has) is a row of its own.
 * @param classOf each row's stratification class as an index into `split.classes`, or null when
 *   the split is not stratified (every row one class).
 */
export function keepGroupsTogether(split: SplitOk, groupOf: Int32Array, classOf: Int32Array | null): KeptSplit {
  const n = groupOf.length;
  const TRAIN = 1;
  const TEST = 2;
  const side = new Uint8Array(n);
  const train = Array.from(split.train);
  const test = Array.from(split.test);
  const posOf = new Int32Array(n).fill(-1);
  train.forEach((r, i) => ((side[r] = TRAIN), (posOf[r] = i)));
  test.forEach((r, i) => ((side[r] = TEST), (posOf[r] = i)));

  // Group sizes and members (only groups of two or more matter).
  const size = new Map<number, number>();
  for (let r = 0; r < n; r++) if (groupOf[r]! >= 0 && side[r] !== 0) size.set(groupOf[r]!, (size.get(groupOf[r]!) ?? 0) + 1);
  const members = new Map<number, number[]>();
  for (let r = 0; r < n; r++) {
    const g = groupOf[r]!;
    if (g < 0 || side[r] === 0 || size.get(g)! < 2) continue;
    const list = members.get(g);
    if (list) list.push(r);
    else members.set(g, [r]);
  }
  const free = (r: number): boolean => groupOf[r]! < 0 || (size.get(groupOf[r]!) ?? 0) < 2;
  const cls = (r: number): number => (classOf === null ? 0 : classOf[r]!);

  // Free rows of each side by class, taken from the end of the side's (shuffled) order.
  const pools = (list: number[]): Map<number, number[]> => {
    const byClass = new Map<number, number[]>();
    for (const r of list) {
      if (!free(r)) continue;
      const c = cls(r);
      const p = byClass.get(c);
      if (p) p.push(r);
      else byClass.set(c, [r]);
    }
    return byClass;
  };
  const freeOn = { [TRAIN]: pools(train), [TEST]: pools(test) } as Record<number, Map<number, number[]>>;
  /** A free row on `s`: of class `c` if one is left, else of the class with the most left. */
  const takeFree = (s: number, c: number): { row: number; sameClass: boolean } | null => {
    const pool = freeOn[s]!;
    const same = pool.get(c);
    if (same && same.length > 0) return { row: same.pop()!, sameClass: true };
    let best: number[] | null = null;
    for (const p of pool.values()) if (p.length > 0 && (best === null || p.length > best.length)) best = p;
    return best ? { row: best.pop()!, sameClass: false } : null;
  };

  const freeCount = (s: number): number => {
    let total = 0;
    for (const p of freeOn[s]!.values()) total += p.length;
    return total;
  };

  const keeping: GroupKeeping = { groupsSplit: 0, rowsMoved: 0, rowsSwapped: 0, classChanges: 0 };
  const listOf = (s: number): number[] => (s === TRAIN ? train : test);
  const appended = { [TRAIN]: [] as number[], [TEST]: [] as number[] } as Record<number, number[]>;
  // Groups in order of their first row: the same data and split always give the same files.
  for (const rows of [...members.values()].sort((a, b) => a[0]! - b[0]!)) {
    const inTest = rows.filter((r) => side[r] === TEST).length;
    if (inTest === 0 || inTest === rows.length) continue;
    keeping.groupsSplit++;
    // To the file holding most of the group (training on a tie), unless only the other way has free rows to trade.
    let to = inTest > rows.length - inTest ? TEST : TRAIN;
    const moving = to === TRAIN ? inTest : rows.length - inTest;
    if (freeCount(to) < moving && freeCount(to === TRAIN ? TEST : TRAIN) >= rows.length - moving) to = to === TRAIN ? TEST : TRAIN;
    const from = to === TRAIN ? TEST : TRAIN;
    for (const r of rows) {
      if (side[r] !== from) continue;
      keeping.rowsMoved++;
      const back = takeFree(to, cls(r));
      side[r] = to;
      if (back === null) {
        // Nothing free to send back: the row leaves a hole in its old file, filled below.
        listOf(from)[posOf[r]!] = -1;
        appended[to]!.push(r);
        continue;
      }
      // The two rows trade places, so both files keep their order around them.
      const { row: s, sameClass } = back;
      keeping.rowsSwapped++;
      if (!sameClass) keeping.classChanges++;
      const [pr, ps] = [posOf[r]!, posOf[s]!];
      listOf(from)[pr] = s;
      listOf(to)[ps] = r;
      [posOf[r], posOf[s]] = [ps, pr];
      side[s] = from;
    }
  }

  const finalTrain = Int32Array.from([...train, ...appended[TRAIN]!].filter((r) => r >= 0));
  const finalTest = Int32Array.from([...test, ...appended[TEST]!].filter((r) => r >= 0));
  return {
    split: {
      ...split,
      ...perClass(split, finalTrain, finalTest, classOf),
      train: finalTrain,
      test: finalTest,
      nTrain: finalTrain.length,
      nTest: finalTest.length,
    },
    keeping,
  };
}

/** The per-class counts of the repaired files (the classes themselves do not change). */
function perClass(split: SplitOk, train: Int32Array, test: Int32Array, classOf: Int32Array | null): Pick<SplitOk, 'trainPerClass' | 'testPerClass'> {
  if (classOf === null || split.classes.length === 0) return { trainPerClass: split.trainPerClass, testPerClass: split.testPerClass };
  const count = (rows: Int32Array): number[] => {
    const per = new Array<number>(split.classes.length).fill(0);
    for (const r of rows) per[classOf[r]!]!++;
    return per;
  };
  return { trainPerClass: count(train), testPerClass: count(test) };
}
