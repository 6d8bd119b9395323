import type { Dataset } from '../dataset';
import { exportDataset } from '../dataset';
import type { ExportSettings } from '../export';
import type { CheckOptions, Thresholds, TokenCounter } from '../quality';
import { estimateTrainingSteps, ExampleTokens, findModel, loadTokenCounter, DEFAULT_MODEL_ID, type ModelPreset, type TokenEncoding } from '../tokens';
import type { ExportChoices, TokenChoices, TokenReport } from './types';

/** Texts whose counts are remembered between counts (the cache keeps each text alive, so it is cleared on a new file). */
const CACHE_MAX = 2_000_000;
/** Characters of an example's text kept for the list of the longest. */
const TEXT_SHOWN = 120;

/**
 * A tokenizer that remembers each text's count: after an edit only the changed texts are counted
 * again, so a second count of 100,000 rows takes milliseconds instead of a second or more.
 */
class CachedCounter implements TokenCounter {
  readonly cache = new Map<string, number>();
  constructor(private readonly inner: TokenCounter) {}
  get name(): string {
    return this.inner.name;
  }
  count(text: string): number {
    const hit = this.cache.get(text);
    if (hit !== undefined) return hit;
    const n = this.inner.count(text);
    if (this.cache.size >= CACHE_MAX) this.cache.clear();
    this.cache.set(text, n);
    return n;
  }
}

/** One cached counter per encoding, for the life of the worker. */
const counters = new Map<TokenEncoding, Promise<CachedCounter>>();
const loaded = new Map<TokenEncoding, CachedCounter>();

export function cachedCounter(encoding: TokenEncoding): Promise<CachedCounter> {
  let c = counters.get(encoding);
  if (!c) {
    c = loadTokenCounter(encoding).then((inner) => {
      const counter = new CachedCounter(inner);
      loaded.set(encoding, counter);
      return counter;
    });
    counters.set(encoding, c);
  }
  return c;
}

/** Forget remembered counts (a new file: the old texts must not stay in memory through the cache). */
export function clearTokenCaches(): void {
  for (const c of loaded.values()) c.cache.clear();
}

/** The counter if the user has counted tokens with this encoding already (the checks do not load it themselves). */
export function loadedCounter(encoding: TokenEncoding): TokenCounter | undefined {
  return loaded.get(encoding);
}

/**
 * The thresholds the checks start from for these choices: the chosen model's token limit when the
 * files are for OpenAI (other targets have their own), then the user's changes.
 */
export function checkThresholds(choices: Pick<ExportChoices, 'target' | 'tokens' | 'thresholds'>): Partial<Thresholds> {
  return { ...modelThresholds(choices), ...choices.thresholds };
}

/** What the chosen model sets among the thresholds: its token limit, when the files are for OpenAI. */
export function modelThresholds(choices: Pick<ExportChoices, 'target' | 'tokens'>): Partial<Thresholds> {
  return choices.target === 'openai' ? { maxTokens: chosenModel(choices.tokens).limit.value } : {};
}

/** The preset the choices name (the default model when the name is unknown, e.g. from an older save). */
export function chosenModel(choices: TokenChoices): ModelPreset {
  return findModel(choices.model) ?? findModel(DEFAULT_MODEL_ID)!;
}

/** How long a slice of counting may hold the worker before it lets other requests (scrolling) in. */
const SLICE_MS = 40;

export interface CountOptions {
  onProgress?: (done: number, total: number) => void;
  /**
   * Between slices: wait for this (e.g. a macrotask, so the worker answers the requests queued
   * meanwhile); without it the count runs in one go.
   */
  pause?: () => Promise<void>;
  /** Checked between slices: true when a newer count has made this one pointless (it then returns null). */
  cancelled?: () => boolean;
  /** Milliseconds of counting between two pauses (default 40). */
  sliceMs?: number;
}

/**
 * Count every live row's training example with the model's tokenizer and estimate the training
 * cost on the rows the export's split puts in the training file (all rows when the split cannot be
 * made, which the report says). The rows are the live rows when it starts; edits made while it
 * runs (between slices) are not in the report, whose `revision` says which state it describes.
 */
export async function countTokens(
  ds: Dataset,
  settings: ExportSettings,
  choices: TokenChoices,
  options: CountOptions = {},
  revisionNow: () => number = () => 0,
): Promise<TokenReport | null> {
  const { onProgress, pause, cancelled, sliceMs = SLICE_MS } = options;
  const model = chosenModel(choices);
  const counter = await cachedCounter(model.encoding);
  // Loading the tokenizer takes a moment: a newer count (or a new file) may have come meanwhile.
  if (cancelled?.()) return null;
  // The rows are read from here on: the report describes the data as it is now.
  const revision = revisionNow();
  const live = ds.liveIds();
  // An id can stop existing while the count pauses (undoing an added row); it then counts as empty.
  const cell = (id: number, col: number): string => (id < ds.capacity ? ds.cell(id, col) : '');
  const textCol = ds.header.indexOf(settings.textColumn);
  const labelCols = settings.labelColumns.map((l) => ds.header.indexOf(l));
  const split = exportDataset(ds, settings, { keepText: false });
  const pricePerMillion = choices.pricePerMillion ?? model.price.value;
  const steps = estimateTrainingSteps(
    { rowCount: live.length, text: (r) => cell(live[r]!, textCol), label: (r, j) => cell(live[r]!, labelCols[j]!) },
    counter,
    { systemPrompt: settings.systemPrompt, labelColumns: settings.labelColumns, jsonStyle: settings.jsonStyle, answer: settings.answer },
    {
      limit: model.limit.value,
      pricePerMillion,
      ...(choices.epochs !== null ? { epochs: choices.epochs } : {}),
      trainRows: split.ok ? split.files.trainRows : null,
    },
  );
  let sliceStart = Date.now();
  let step = steps.next();
  while (!step.done) {
    if (pause && Date.now() - sliceStart > sliceMs) {
      onProgress?.(step.value, live.length);
      await pause();
      if (cancelled?.()) return null;
      sliceStart = Date.now();
    }
    step = steps.next();
  }
  onProgress?.(live.length, live.length);
  const { all, train, cost } = step.value;
  const text = (id: number): string => {
    const t = cell(id, textCol);
    return t.length > TEXT_SHOWN ? `${t.slice(0, TEXT_SHOWN - 1)}…` : t;
  };
  return {
    revision,
    model: model.id,
    modelName: model.name,
    encoding: model.encoding,
    limit: model.limit.value,
    limitSource: model.limit.source,
    note: model.note,
    examples: all.examples,
    totalTokens: all.totalTokens,
    mean: all.mean,
    median: all.median,
    max: all.max,
    // Rows gone since the count started are left out of the lists (the report is then stale anyway).
    longest: all.longest
      .filter((l) => ds.isLive(live[l.position]!))
      .map((l) => ({ rowId: live[l.position]!, row: ds.rowNumber(live[l.position]!), tokens: l.tokens, text: text(live[l.position]!) })),
    overLimitIds: all.overLimit.map((p) => live[p]!).filter((id) => ds.isLive(id)),
    train: train ? { examples: train.examples, totalTokens: train.totalTokens } : null,
    epochs: cost.epochs,
    defaultEpochs: cost.defaultEpochs,
    billedTokens: cost.billedTokens,
    pricePerMillion,
    priceSource: choices.pricePerMillion === null ? model.price.source : null,
    cost: cost.cost,
  };
}

/**
 * The length check's token options once the model's tokenizer is loaded: whole examples (system
 * prompt, answer and the chat format's tokens added to each message) compared with the limit, as
 * the CLI's `check --model` and the Tokens panel count them. Empty until the user has counted.
 */
export function lengthCheckOptions(
  choices: Pick<ExportChoices, 'tokens'>,
  settings: ExportSettings,
  cell: (row: number, col: number) => string,
  labelCols: readonly number[],
): Pick<CheckOptions, 'tokenCounter' | 'exampleOverhead'> {
  const counter = loadedCounter(chosenModel(choices.tokens).encoding);
  if (!counter) return {};
  const examples = new ExampleTokens(counter, settings);
  return { tokenCounter: counter, exampleOverhead: (row) => examples.overhead(labelCols.map((c) => cell(row, c))) };
}
