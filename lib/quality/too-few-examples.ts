import { GENERIC_RECOMMENDATION, TARGETS } from '../export';
import { pythonFloatRepr, splitSizes } from '../split';
import type { CheckContext } from './context';
import { plural } from './format';
import { strataName } from './rare-class';
import type { CheckResult } from './types';

/**
 * `too-few-examples`: the training examples left after the export's split (`splitSizes`, the same
 * arithmetic as scikit-learn). Under `minTrainExamples` (the target's published minimum: 10 for
 * OpenAI, 32 for Claude 3 Haiku on Bedrock, 3 for Fireworks, none for most others) or when the split cannot be made at all
 * (a test size that leaves no training rows, fewer rows in a file than there are classes) it is an
 * error; under `fewTrainExamples` (the target's recommendation, else OpenAI's 50) a warning. The
 * messages say where the number comes from. It concerns the whole table: `rows` is empty and
 * `count` is the number of training examples.
 */
export function checkTooFewExamples(ctx: CheckContext): CheckResult[] {
  const n = ctx.rowCount;
  const testSize = ctx.input.testSize;
  const shown = testSize.kind === 'int' ? String(testSize.value) : pythonFloatRepr(testSize.value);
  const sizes = splitSizes(n, testSize);
  const target = TARGETS[ctx.target];
  const result = (severity: 'error' | 'warning', train: number, message: string, validation = 0, classCount = 0): CheckResult[] => [
    ctx.result({
      id: 'too-few-examples',
      severity,
      positions: [],
      count: train,
      message,
      details: { split: { rows: n, train, validation, classes: classCount }, target: { id: ctx.target, name: target.name } },
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
  const { minTrainExamples: min, fewTrainExamples: few } = ctx.t;
  if (nTrain < min) {
    const published = target.limits.minTrainExamples;
    const source = published?.value === min ? `the minimum for ${target.name} (${published.source.title})` : 'the threshold you set';
    return result('error', nTrain, `${split}; fine-tuning needs at least ${min} training examples. That is ${source}; add examples.`, nTest, classCount);
  }
  if (nTrain < few) {
    const own = target.limits.recommendedTrainExamples;
    const advice = own ?? GENERIC_RECOMMENDATION;
    const why =
      advice.value !== few
        ? `you set ${few} training examples as the number to aim for`
        : own
          ? `${advice.advice} (${advice.source.title})`
          : `${advice.advice} (${advice.source.title}; ${target.name} publishes no recommended number)`;
    return result('warning', nTrain, `${split}; ${why}. Add examples if you can.`, nTest, classCount);
  }
  return [];
}
