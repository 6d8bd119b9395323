import type { TokenCounter } from '../quality';
import { ExampleTokens, type ExampleSettings } from './chat';
import { estimateCost, type CostEstimate } from './estimate';
import { TokenTally, type TokenSummary } from './tally';

/** The rows an export makes examples of, by position: the CLI's columns, or the app's live rows. */
export interface ExampleRows {
  readonly rowCount: number;
  /** The row's user message. */
  text(row: number): string;
  /** The row's value of `settings.labelColumns[index]`. */
  label(row: number, index: number): string;
}

export interface TrainingOptions {
  /** The model's tokens per training example. */
  limit: number;
  /** USD per 1,000,000 training tokens. */
  pricePerMillion: number;
  /** Epochs the job will run; default the notebook's for the training file's size. */
  epochs?: number;
  /**
   * Positions of the rows in the training file (the export's split), which alone is billed; null
   * when the split cannot be made, and then every row is billed.
   */
  trainRows: ArrayLike<number> | null;
  /** Called every 10,000 rows with the number counted so far. */
  onProgress?: (rows: number) => void;
}

export interface TrainingEstimate {
  /** Every row's example (both files). */
  all: TokenSummary;
  /** The training file's examples, or null without a split (then `cost` bills every row). */
  train: TokenSummary | null;
  cost: CostEstimate;
  /**
   * Per row position, the tokens its example adds to its user message's own: the length check's
   * `exampleOverhead`, so it compares whole examples with the limit.
   */
  overhead: Int32Array;
}

/**
 * Count every row's training example as OpenAI's data-preparation notebook does and estimate what
 * training on the training file costs. One pass; per row only the user message is tokenized (the
 * system prompt and each label combination are counted once), which is nearly all the time it
 * takes: about 10 µs a row for 150-character messages.
 */
export function estimateTraining(rows: ExampleRows, counter: TokenCounter, settings: ExampleSettings, options: TrainingOptions): TrainingEstimate {
  const steps = estimateTrainingSteps(rows, counter, settings, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Rows counted between two steps of {@link estimateTrainingSteps}. */
export const TRAINING_STEP_ROWS = 500;

/**
 * {@link estimateTraining} one slice at a time: yields the number of rows counted after every
 * {@link TRAINING_STEP_ROWS}, and returns the estimate. A worker can pause between slices to answer
 * other requests, or stop when the count is no longer wanted.
 */
export function* estimateTrainingSteps(
  rows: ExampleRows,
  counter: TokenCounter,
  settings: ExampleSettings,
  options: TrainingOptions,
): Generator<number, TrainingEstimate> {
  const { limit, trainRows, onProgress } = options;
  const n = rows.rowCount;
  const examples = new ExampleTokens(counter, settings);
  let inTrain: Uint8Array | null = null;
  if (trainRows) {
    inTrain = new Uint8Array(n);
    for (let k = 0; k < trainRows.length; k++) inTrain[trainRows[k]!] = 1;
  }
  const all = new TokenTally({ limit, onProgress });
  const train = inTrain ? new TokenTally({ limit }) : null;
  const overhead = new Int32Array(n);
  const labels: string[] = new Array<string>(settings.labelColumns.length);
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < labels.length; j++) labels[j] = rows.label(r, j);
    overhead[r] = examples.overhead(labels);
    const tokens = overhead[r]! + counter.count(rows.text(r));
    all.add(tokens, r);
    if (inTrain?.[r]) train!.add(tokens, r);
    if ((r + 1) % TRAINING_STEP_ROWS === 0 && r + 1 < n) yield r + 1;
  }
  const billed = (train ?? all).summary();
  return {
    all: train ? all.summary() : billed,
    train: train ? billed : null,
    cost: estimateCost(billed, { pricePerMillion: options.pricePerMillion, epochs: options.epochs }),
    overhead,
  };
}
