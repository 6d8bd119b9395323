import { pythonFloatRepr, splitSizes } from '../split';
import type { CheckContext } from './context';
import { plural } from './format';
import { strataName } from './rare-class';
import type { CheckResult } from './types';

/**
 * `too-few-examples`: the training examples left after the export's split (`splitSizes`, the same
 * arithmetic as scikit-learn). Under `minTrainExamples` (10, OpenAI's minimum) or when the split
 * cannot be made at all (a test size that leaves no training rows, fewer rows in a file than there
 * are classes) it is an error; under `fewTrainExamples` (50) a warning. It concerns the whole table:
 * `rows` is empty and `count` is the number of training examples.
 */
export function checkTooFewExamples(ctx: CheckContext): CheckResult[] {
  const n = ctx.rowCount;
  const testSize = ctx.input.testSize;
  const shown = testSize.kind === 'int' ? String(testSize.value) : pythonFloatRepr(testSize.value);
  const sizes = splitSizes(n, testSize);
  const result = (severity: 'error' | 'warning', train: number, message: string, validation = 0, classCount = 0): CheckResult[] => [
    ctx.result({
      id: 'too-few-examples',
      severity,
      positions: [],
      count: train,
      message,
      details: { split: { rows: n, train, validation, classes: classCount } },
    }),
  ];
  if (!sizes.ok) {
    const why =
      n < 2
        ? `with ${plural(n, 'row')} there is nothing to split: add examples`
        : sizes.error.code === 'empty-train'
          ? `test size ${shown} would put all ${plural(n, 'row')} in the validation file: use a smaller test size`
          : `test size ${shown} does not fit ${plural(n, 'row')}: use a share between 0 and 1 (such as 0.2) or a row count from 1 to ${(n - 1).toLocaleString('en-US')}`;
    return result('error', 0, `The train/validation split cannot be made: ${why}.`);
  }
  const { nTrain, nTest } = sizes;
  const classes = ctx.classes();
  const classCount = classes === null ? 0 : classes.values.filter((_, code) => classes.missing[code] !== 1).length;
  const split = `${plural(n, 'row')} split with test size ${shown} give ${plural(nTrain, 'training example')} and ${plural(nTest, 'validation example')}`;
  if (classes !== null && (nTest < classCount || nTrain < classCount)) {
    const file = nTest < classCount ? 'validation' : 'training';
    return result(
      'error',
      nTrain,
      `${split}, but there are ${plural(classCount, `${strataName(ctx)} value`)} and a stratified split puts at least one row of each in both files: ` +
        `the ${file} file is too small. ${nTest < classCount ? 'Use a larger test size, or add examples.' : 'Use a smaller test size, or add examples.'}`,
      nTest,
      classCount,
    );
  }
  if (nTrain < ctx.t.minTrainExamples) {
    return result('error', nTrain, `${split}; fine-tuning needs at least ${ctx.t.minTrainExamples} training examples. Add examples.`, nTest, classCount);
  }
  if (nTrain < ctx.t.fewTrainExamples) {
    return result(
      'warning',
      nTrain,
      `${split}; results usually improve clearly from ${ctx.t.fewTrainExamples} to 100 training examples. Add examples if you can.`,
      nTest,
      classCount,
    );
  }
  return [];
}
