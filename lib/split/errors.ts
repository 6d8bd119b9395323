/**
 * The exact error texts sklearn 1.2.1 / numpy 1.24.2 raise for the split (§4.1, §4.4), built in
 * one place. All are `ValueError`s in Python; here they are values of type {@link SplitError}.
 */
import { isValidSeed } from '../random';
import { pythonFloatRepr, pythonIntRepr } from './python-repr';
import type { SplitError, TestSize } from './types';

/** `str(test_size)` as Python prints it: ints in decimal, floats by Python's repr (§4.1). */
export function formatTestSize(testSize: TestSize): string {
  return testSize.kind === 'int' ? pythonIntRepr(testSize.value) : pythonFloatRepr(testSize.value);
}

/** §4.1, first check of `_validate_shuffle_split` (note: `test_size=` without spaces). */
export function invalidTestSizeError(n: number, testSize: TestSize): SplitError {
  return {
    code: 'invalid-test-size',
    message: `test_size=${formatTestSize(testSize)} should be either positive and smaller than the number of samples ` + `${n} or a float in the (0, 1) range`,
  };
}

/**
 * A float NaN test size slips through sklearn's range check (every comparison with NaN is false)
 * and then fails in `math.ceil(nan * n)`; this is Python's text for that.
 */
export function nanTestSizeError(): SplitError {
  return { code: 'invalid-test-size', message: 'cannot convert float NaN to integer' };
}

/** §4.1: n_train = 0. */
export function emptyTrainError(n: number, testSize: TestSize): SplitError {
  return {
    code: 'empty-train',
    message:
      `With n_samples=${n}, test_size=${formatTestSize(testSize)} and train_size=None, the resulting train set ` +
      'will be empty. Adjust any of the aforementioned parameters.',
  };
}

/** §4.4 check 1. The text is fixed (sklearn always says "only 1 member"). */
export function singletonClassError(classes: string[]): SplitError {
  return {
    code: 'singleton-class',
    message: 'The least populated class in y has only 1 member, which is too few. The minimum number of groups ' + 'for any class cannot be less than 2.',
    classes,
  };
}

/** §4.4 check 2. */
export function trainLtClassesError(nTrain: number, nClasses: number): SplitError {
  return {
    code: 'train-lt-classes',
    message: `The train_size = ${nTrain} should be greater or equal to the number of classes = ${nClasses}`,
  };
}

/** §4.4 check 3 (note: `test_size = ` with spaces, unlike §4.1). */
export function testLtClassesError(nTest: number, nClasses: number): SplitError {
  return {
    code: 'test-lt-classes',
    message: `The test_size = ${nTest} should be greater or equal to the number of classes = ${nClasses}`,
  };
}

/**
 * §4.4 check 4 (`check_random_state` → `RandomState(seed)`), or `null` when the seed is usable.
 *
 * An integer outside [0, 2**32 - 1] gets numpy's text. A non-integer (1.5, NaN, Infinity) is what
 * Python would see as a float, which `check_random_state` rejects with its own text
 * (`1.5 cannot be used to seed a numpy.random.RandomState instance`); it gets the same code.
 */
export function seedError(seed: number): SplitError | null {
  if (isValidSeed(seed)) return null;
  if (!Number.isInteger(seed)) {
    return {
      code: 'invalid-seed',
      message: `${pythonFloatRepr(seed)} cannot be used to seed a numpy.random.RandomState instance`,
    };
  }
  return { code: 'invalid-seed', message: 'Seed must be between 0 and 2**32 - 1' };
}
