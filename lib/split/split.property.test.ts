/**
 * Property tests: invariants that follow from sklearn's algorithm (§4), checked on random inputs.
 * Exact parity itself is what fixtures.test.ts checks; these catch what fixtures cannot enumerate.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodePoints, shuffleSplit, splitSizes, stratifiedSplitCodes, trainTestSplit, type SplitErrorCode, type SplitOk, type TestSize } from './index';

/** Labels chosen to exercise code-point order (astral vs BMP, case, NFC/NFD, spaces, empty). */
const ALPHABET = ['a', 'b', 'B', 'é', 'e\u0301', '😀', '\uff21', '\ue000', 'a b', '', ' a', '10', '9'];

const seedArb = fc.integer({ min: 0, max: 0xffffffff });

/** Any test size valid for n (n >= 2). Floats include ones whose product rounds up (0.07-like). */
function validTestSizeArb(n: number): fc.Arbitrary<TestSize> {
  return fc.oneof(
    fc.double({ min: 0.001, max: 0.999, noNaN: true }).map((value): TestSize => ({ kind: 'float', value })),
    fc.constantFrom(0.07, 0.14, 0.2, 0.25, 0.28, 0.33, 0.5, 0.55).map((value): TestSize => ({ kind: 'float', value })),
    fc.integer({ min: 1, max: n - 1 }).map((value): TestSize => ({ kind: 'int', value })),
  );
}

/** Rows whose classes all have >= 2 members, in a random row order. */
const validLabelsArb = fc
  .uniqueArray(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 6 })
  .chain((names) => fc.tuple(...names.map((name) => fc.integer({ min: 2, max: 25 }).map((c) => new Array<string>(c).fill(name)))))
  .chain((groups) => {
    const rows = groups.flat();
    return fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length });
  });

/** Any rows at all (singletons, empty input, ...). */
const anyLabelsArb = fc.array(fc.constantFrom(...ALPHABET.slice(0, 6)), { maxLength: 40 });

const anyTestSizeArb: fc.Arbitrary<TestSize> = fc.oneof(
  fc.double({ min: -0.5, max: 1.5, noNaN: true }).map((value): TestSize => ({ kind: 'float', value })),
  fc.integer({ min: -2, max: 45 }).map((value): TestSize => ({ kind: 'int', value })),
);
const anySeedArb = fc.oneof(seedArb, fc.constantFrom(-1, 2 ** 32, 1.5));

function expectedNTest(n: number, t: TestSize): number {
  return t.kind === 'int' ? t.value : Math.ceil(t.value * n);
}

/** Partition facts of a successful split of n rows: every row exactly once, lengths consistent. */
function checkPartition(r: SplitOk, n: number): void {
  const seen = new Uint8Array(n);
  for (const i of [...r.train, ...r.test]) {
    expect(i >= 0 && i < n).toBe(true);
    expect(seen[i]).toBe(0); // no duplicates, no overlap
    seen[i] = 1;
  }
  expect(r.train.length + r.test.length).toBe(n); // union complete
  expect(r.nTrain).toBe(r.train.length);
  expect(r.nTest).toBe(r.test.length);
}

describe('stratified split properties', () => {
  const validCase = validLabelsArb.chain((labels) => fc.tuple(fc.constant(labels), validTestSizeArb(labels.length), seedArb));

  it('is a partition of 0..n-1 with |test| = ceil(T*n) (float) or T (int), when it succeeds', () => {
    fc.assert(
      fc.property(validCase, ([labels, t, seed]) => {
        const r = trainTestSplit(labels, t, seed);
        if (!r.ok) {
          // only the class-vs-size checks can fail on these inputs
          expect(['train-lt-classes', 'test-lt-classes', 'empty-train']).toContain(r.error.code);
          return;
        }
        checkPartition(r, labels.length);
        expect(r.nTest).toBe(expectedNTest(labels.length, t));
        expect(r.nTrain).toBe(labels.length - r.nTest);
      }),
      { numRuns: 400 },
    );
  });

  it('per-class quotas: sum to n_train / n_test, add up to each class count, match the rows, and stay within 1 of the proportional share', () => {
    fc.assert(
      fc.property(validCase, ([labels, t, seed]) => {
        const r = trainTestSplit(labels, t, seed);
        if (!r.ok) return;
        const n = labels.length;
        const K = r.classes.length;
        // classes: distinct, strictly increasing by code point, counts match
        for (let k = 1; k < K; k++) expect(compareCodePoints(r.classes[k - 1]!, r.classes[k]!)).toBeLessThan(0);
        expect(r.classCounts).toEqual(r.classes.map((c) => labels.filter((l) => l === c).length));
        expect(r.trainPerClass.reduce((a, b) => a + b, 0)).toBe(r.nTrain);
        expect(r.testPerClass.reduce((a, b) => a + b, 0)).toBe(r.nTest);
        const trainRows = r.classes.map((c) => Array.from(r.train).filter((i) => labels[i] === c).length);
        const testRows = r.classes.map((c) => Array.from(r.test).filter((i) => labels[i] === c).length);
        expect(trainRows).toEqual(r.trainPerClass);
        expect(testRows).toEqual(r.testPerClass);
        for (let k = 0; k < K; k++) {
          const c = r.classCounts[k]!;
          expect(r.trainPerClass[k]! + r.testPerClass[k]!).toBe(c);
          // _approximate_mode gives floor(share) or floor(share) + 1 of share = c * N / n (computed in
          // doubles, hence the tiny slack) — the only per-class guarantee sklearn makes.
          expect(Math.abs(r.trainPerClass[k]! - (c * r.nTrain) / n)).toBeLessThan(1 + 1e-9);
          expect(Math.abs(r.testPerClass[k]! - (c * r.nTest) / n)).toBeLessThan(1 + 1e-9);
          // Consequence: a class is on a side whenever its share there exceeds one row. (n_train >= K,
          // n_test >= K and c >= 2 are NOT enough — see stratified.test.ts for a counterexample.)
          if (c * r.nTrain > n) expect(r.trainPerClass[k]!).toBeGreaterThanOrEqual(1);
          if (c * r.nTest > n) expect(r.testPerClass[k]!).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('is deterministic: the same seed gives the same split', () => {
    fc.assert(
      fc.property(validCase, ([labels, t, seed]) => {
        expect(trainTestSplit(labels, t, seed)).toEqual(trainTestSplit([...labels], t, seed));
      }),
      { numRuns: 200 },
    );
  });

  it('stratifiedSplitCodes and trainTestSplit agree, whatever the code order (errors included)', () => {
    const arb = fc.oneof(validCase, fc.tuple(anyLabelsArb, anyTestSizeArb, anySeedArb)).chain(([labels, t, seed]) => {
      const distinct = [...new Set(labels)];
      return fc.tuple(
        fc.constant(labels),
        fc.constant(t),
        fc.constant(seed),
        fc.shuffledSubarray(distinct, { minLength: distinct.length, maxLength: distinct.length }),
      );
    });
    fc.assert(
      fc.property(arb, ([labels, t, seed, codeLabels]) => {
        const codeOf = new Map(codeLabels.map((l, i) => [l, i]));
        const codes = Int32Array.from(labels, (l) => codeOf.get(l)!);
        expect(stratifiedSplitCodes(codes, codeLabels, t, seed)).toEqual(trainTestSplit(labels, t, seed));
      }),
      { numRuns: 300 },
    );
  });

  it('two columns are the one-column split of the space-joined rows', () => {
    const pairArb = fc.array(fc.tuple(fc.constantFrom('a', 'a b', 'x'), fc.constantFrom('c', 'b c', 'y')), { minLength: 4, maxLength: 40 });
    fc.assert(
      fc.property(pairArb, fc.integer({ min: 1, max: 3 }), seedArb, (pairs, tv, seed) => {
        const t: TestSize = { kind: 'int', value: Math.min(tv, pairs.length - 1) };
        expect(trainTestSplit(pairs, t, seed)).toEqual(
          trainTestSplit(
            pairs.map((p) => p.join(' ')),
            t,
            seed,
          ),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('reports the first failing check in sklearn order (sizes, singleton, n_train < K, n_test < K, seed)', () => {
    fc.assert(
      fc.property(anyLabelsArb, anyTestSizeArb, anySeedArb, (labels, t, seed) => {
        const n = labels.length;
        const counts = new Map<string, number>();
        for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
        const K = counts.size;
        let expected: SplitErrorCode | 'ok';
        const sizes = splitSizes(n, t);
        if (!sizes.ok) expected = sizes.error.code;
        else if ([...counts.values()].some((c) => c < 2)) expected = 'singleton-class';
        else if (sizes.nTrain < K) expected = 'train-lt-classes';
        else if (sizes.nTest < K) expected = 'test-lt-classes';
        else if (!(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32)) expected = 'invalid-seed';
        else expected = 'ok';
        const r = trainTestSplit(labels, t, seed);
        expect(r.ok ? 'ok' : r.error.code).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('ShuffleSplit properties', () => {
  it('partition of 0..n-1, test = first n_test of permutation(n), train = the rest', () => {
    const arb = fc.integer({ min: 2, max: 200 }).chain((n) => fc.tuple(fc.constant(n), validTestSizeArb(n), seedArb));
    fc.assert(
      fc.property(arb, ([n, t, seed]) => {
        const r = shuffleSplit(n, t, seed);
        if (!r.ok) {
          expect(r.error.code).toBe('empty-train');
          return;
        }
        checkPartition(r, n);
        expect(r.nTest).toBe(expectedNTest(n, t));
        expect(shuffleSplit(n, t, seed)).toEqual(r);
        expect(trainTestSplit(null, t, seed, n)).toEqual(r);
      }),
      { numRuns: 300 },
    );
  });
});
