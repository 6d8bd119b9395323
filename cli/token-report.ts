import type { ExportSettings } from '../lib/export';
import type { CheckOptions } from '../lib/quality';
import { trainTestSplit } from '../lib/split';
import { DEFAULT_MODEL_ID, estimateTraining, findModel, loadTokenCounter, MODEL_PRESETS, type ModelPreset, type TrainingEstimate } from '../lib/tokens';
import { UsageError } from './usage';

/** `check`'s options for tokens and cost, for `parseArgs`. */
export const TOKEN_OPTIONS = {
  model: { type: 'string' },
  price: { type: 'string' },
} as const;

/** The model to count for and the price per 1M training tokens to bill at. */
export interface TokenChoice {
  model: ModelPreset;
  pricePerMillion: number;
  /** True when `--price` was given (the preset's source then does not apply). */
  priceGiven: boolean;
}

/**
 * `--model` and `--price`, or null for `--model none` (tokens estimated from characters, as before).
 * Tokens and prices are OpenAI's, so another `--target` counts no tokens unless asked, and refuses a model.
 */
export function tokenChoiceFrom(values: { model?: string; price?: string }, settings: Pick<ExportSettings, 'target'>): TokenChoice | null {
  // Counting every example takes about 10 s per million rows: it is asked for, so check stays fast by default.
  const id = values.model ?? (values.price !== undefined && settings.target === 'openai' ? DEFAULT_MODEL_ID : 'none');
  if (id.trim().toLowerCase() === 'none') {
    if (values.price !== undefined) throw new UsageError('--price needs a model to price: leave out --model none, or choose one with --model');
    return null;
  }
  if (settings.target !== 'openai') {
    throw new UsageError(
      `--model counts tokens and prices training as OpenAI does, but the target is ${settings.target}: leave out --model, or use --target openai`,
    );
  }
  const model = findModel(id);
  if (model === undefined) {
    throw new UsageError(`unknown model ${JSON.stringify(id)}: use one of ${MODEL_PRESETS.map((m) => m.id).join(', ')}, or none`);
  }
  if (values.price === undefined) return { model, pricePerMillion: model.price.value, priceGiven: false };
  const price = Number(values.price);
  if (!/^\s*\d+(\.\d*)?\s*$/.test(values.price) || !Number.isFinite(price)) {
    throw new UsageError(`--price is US dollars per 1,000,000 training tokens, such as 3 or 0.8, not ${JSON.stringify(values.price)}`);
  }
  return { model, pricePerMillion: price, priceGiven: true };
}

/** The columns `check` read (see its `readColumns`). */
export interface ReadColumns {
  header: readonly string[];
  columns: readonly (readonly string[] | undefined)[];
  rowCount: number;
  /** Data-row numbers, when rows were set aside (otherwise row r is number r + 1). */
  numbers?: Int32Array;
}

export interface TokenCount extends TrainingEstimate {
  choice: TokenChoice;
  /** What `runChecks` needs to compare whole examples with the model's limit. */
  checkOptions: CheckOptions;
  /** A row position's number in the file. */
  rowNumber(position: number): number;
}

/**
 * Count every row's training example with the model's tokenizer and estimate the cost of training
 * on the rows the export's split puts in the training file (`estimateTraining`). Tokenizing every
 * user message is the bulk of `check`'s time on large files, hence `--model none` to skip it.
 */
export async function countTokens(read: ReadColumns, settings: ExportSettings, choice: TokenChoice): Promise<TokenCount> {
  const counter = await loadTokenCounter(choice.model.encoding);
  const texts = columnOf(read, settings.textColumn);
  const labels = settings.labelColumns.map((name) => columnOf(read, name));
  const limit = choice.model.limit.value;
  const estimate = estimateTraining({ rowCount: read.rowCount, text: (r) => texts[r]!, label: (r, j) => labels[j]![r]! }, counter, settings, {
    limit,
    pricePerMillion: choice.pricePerMillion,
    trainRows: trainRows(read, settings),
  });
  const { overhead } = estimate;
  return {
    ...estimate,
    choice,
    checkOptions: { tokenCounter: counter, thresholds: { maxTokens: limit }, exampleOverhead: (row) => overhead[row]! },
    rowNumber: read.numbers ? (p) => read.numbers![p]! : (p) => p + 1,
  };
}

/** A column the check read (every column the settings name was read). */
const columnOf = (read: ReadColumns, name: string): readonly string[] => read.columns[read.header.indexOf(name)]!;

/**
 * The rows the export's split puts in the training file (as `ExampleCollector.finish` splits), or
 * null when the split cannot be made (a class of one row…: the checks report why).
 */
function trainRows(read: ReadColumns, settings: ExportSettings): Int32Array | null {
  const n = read.rowCount;
  const columns = settings.stratify?.map((name) => columnOf(read, name));
  // trainTestSplit joins several stratify columns with a space, as sklearn does.
  const classes = columns === undefined ? null : columns.length === 1 ? columns[0]! : Array.from({ length: n }, (_, r) => columns.map((c) => c[r]!));
  const split = trainTestSplit(classes, settings.testSize, settings.seed, n);
  return split.ok ? split.train : null;
}

/** The `tokens` object of `check --json`. */
export function tokensJson(t: TokenCount): object {
  const { model, pricePerMillion, priceGiven } = t.choice;
  const round = (x: number): number => Math.round(x * 100) / 100;
  return {
    model: model.id,
    encoding: model.encoding,
    examples: t.all.examples,
    totalTokens: t.all.totalTokens,
    maxTokens: t.all.limit,
    perExample: { mean: round(t.all.mean), median: t.all.median, max: t.all.max },
    longest: t.all.longest.map((e) => ({ row: t.rowNumber(e.position), tokens: e.tokens })),
    overLimit: t.all.overLimit.map(t.rowNumber),
    train: t.train ? { examples: t.train.examples, totalTokens: t.train.totalTokens } : null,
    billedOn: t.train ? 'train' : 'all',
    epochs: t.cost.epochs,
    billedTokens: t.cost.billedTokens,
    pricePerMillion,
    priceDate: priceGiven ? null : model.price.source.date,
    priceSource: priceGiven ? '--price' : model.price.source.url,
    estimatedCost: t.cost.cost,
  };
}

/** The "Tokens and cost" section of `check`'s report for people. */
export function tokensSection(t: TokenCount): string[] {
  const { model, pricePerMillion, priceGiven } = t.choice;
  const { all, train, cost } = t;
  const n = (x: number): string => x.toLocaleString('en-US', { maximumFractionDigits: 1 });
  const over = all.overLimit.length;
  const limit = `the limit of ${n(all.limit)} tokens per example`;
  const billed = train ?? all;
  const source = model.price.source;
  return [
    `Tokens and cost (${model.id}, ${model.encoding}; whole examples counted as OpenAI's data-preparation notebook does):`,
    `         ${count(all.examples, 'example')}, ${count(all.totalTokens, 'token')} (per example: mean ${n(all.mean)}, median ${n(all.median)}, max ${n(all.max)}); ` +
      (over === 0 ? `none longer than ${limit}.` : `${count(over, 'example')} longer than ${limit}, billed at the limit.`),
    `         ${train ? "The training file's" : 'The split cannot be made yet, so all'} ${count(billed.examples, 'example')} (${count(billed.totalTokens, 'token')}) ` +
      `× ${count(cost.epochs, 'epoch')} (the default for ${n(billed.examples)}) = ${count(cost.billedTokens, 'billed token')}: ` +
      `${cost.cost > 0 && cost.cost < 0.01 ? 'less than $0.01' : `about ${dollars(cost.cost)}`} at ${dollars(pricePerMillion)} per 1M.`,
    `         Price: ${priceGiven ? 'as given with --price' : `${source.title}, ${source.url} (${source.date}); change it with --price`}.`,
    `         ${model.note}`,
  ];
}

const dollars = (x: number): string => x.toLocaleString('en-US', { style: 'currency', currency: 'USD' });

const count = (n: number, one: string): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : `${one}s`}`;
