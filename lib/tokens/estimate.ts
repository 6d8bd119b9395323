import type { TokenSummary } from './tally';

const TARGET_EPOCHS = 3;
const MIN_TARGET_EXAMPLES = 100;
const MAX_TARGET_EXAMPLES = 25_000;
const MIN_DEFAULT_EPOCHS = 1;
const MAX_DEFAULT_EPOCHS = 25;

/**
 * The default number of epochs, as OpenAI's data-preparation notebook estimates it (its constants:
 * TARGET_EPOCHS 3, MIN_TARGET_EXAMPLES 100, MAX_TARGET_EXAMPLES 25,000, epochs kept within 1..25):
 * 3 epochs, unless that makes fewer than 100 example passes (then `min(25, 100 // n)`) or more than
 * 25,000 (then `max(1, 25000 // n)`).
 *
 * @param examples the training file's examples. With none there is nothing to train: 0.
 */
export function defaultEpochs(examples: number): number {
  if (!Number.isSafeInteger(examples) || examples < 0) throw new RangeError(`defaultEpochs: ${examples} is not a number of examples`);
  if (examples === 0) return 0;
  const passes = examples * TARGET_EPOCHS;
  if (passes < MIN_TARGET_EXAMPLES) return Math.min(MAX_DEFAULT_EPOCHS, Math.floor(MIN_TARGET_EXAMPLES / examples));
  if (passes > MAX_TARGET_EXAMPLES) return Math.max(MIN_DEFAULT_EPOCHS, Math.floor(MAX_TARGET_EXAMPLES / examples));
  return TARGET_EPOCHS;
}

export interface CostOptions {
  /** USD per 1,000,000 training tokens (a preset's `price.value`, or the user's). */
  pricePerMillion: number;
  /** Epochs the job will run; default {@link defaultEpochs} of the examples. */
  epochs?: number;
}

export interface CostEstimate {
  epochs: number;
  /** True when `epochs` is the notebook's default rather than the caller's. */
  defaultEpochs: boolean;
  /** epochs × Σ min(limit, tokens of each example). */
  billedTokens: number;
  pricePerMillion: number;
  /** USD: billedTokens × pricePerMillion / 1,000,000. */
  cost: number;
}

/**
 * What training on these examples is billed, as the notebook estimates it: every epoch bills each
 * example's tokens, up to the limit. Give it the training file's summary: the validation file is
 * not billed.
 */
export function estimateCost(summary: Pick<TokenSummary, 'examples' | 'billableTokens'>, options: CostOptions): CostEstimate {
  const { pricePerMillion } = options;
  if (!(pricePerMillion >= 0) || !Number.isFinite(pricePerMillion)) throw new RangeError(`estimateCost: price ${pricePerMillion} is not a price`);
  const chosen = options.epochs;
  if (chosen !== undefined && (!Number.isSafeInteger(chosen) || chosen < 0)) throw new RangeError(`estimateCost: ${chosen} is not a number of epochs`);
  const epochs = chosen ?? defaultEpochs(summary.examples);
  const billedTokens = epochs * summary.billableTokens;
  return { epochs, defaultEpochs: chosen === undefined, billedTokens, pricePerMillion, cost: (billedTokens * pricePerMillion) / 1_000_000 };
}
