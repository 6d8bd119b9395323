import { GENERIC_RECOMMENDATION, TARGETS, type ExportTarget } from '../export';

/**
 * Every number a check compares against, with its default and why: the app shows them next to the
 * findings and lets the user change them (`CheckOptions.thresholds`). The defaults are OpenAI's
 * where a service's limit is meant; {@link targetThresholds} gives another target's.
 */
export const THRESHOLD_INFO = {
  minClassRows: {
    value: 2,
    label: 'Rows a class needs for the split',
    why: 'A stratified split puts at least one row of every class in each file, so scikit-learn refuses a class with fewer than 2 rows.',
  },
  fewClassRows: {
    value: 10,
    label: 'Rows below which a class is rare',
    why: 'With under 10 rows a class gets one or two validation rows: the model sees few examples and its validation score is noise.',
  },
  imbalanceRatio: {
    value: 10,
    label: 'Largest class ÷ smallest class',
    why: 'Past 10 to 1 a model tends to favour the large classes; worth knowing, not always wrong.',
  },
  minTrainExamples: {
    value: 10,
    label: 'Training examples required',
    why: 'OpenAI refuses a fine-tuning job with fewer than 10 training examples.',
  },
  fewTrainExamples: {
    value: 50,
    label: 'Training examples recommended',
    why: 'OpenAI reports clear improvements from 50 to 100 training examples.',
  },
  minTextChars: {
    value: 3,
    label: 'Shortest useful text (characters)',
    why: 'A message under 3 characters ("ok", "?") gives the model almost nothing to learn from.',
  },
  maxTokens: {
    value: 65_536,
    label: 'Token limit per example',
    why: 'gpt-4o-2024-08-06 and gpt-4o-mini-2024-07-18 truncate longer training examples (16,385 for gpt-3.5-turbo-0125).',
  },
  charsPerToken: {
    value: 4,
    label: 'Characters per token (estimate)',
    why: "OpenAI's rule of thumb for English text, used only when no tokenizer is given.",
  },
  variantMaxShare: {
    value: 0.1,
    label: 'Variant share of the common label',
    why: 'A spelling used at most a tenth as often as a near-identical label is most likely a slip, not a class of its own.',
  },
  variantMaxRows: {
    value: 3,
    label: 'Variant rows (small datasets)',
    why: 'In small datasets a tenth is too strict: a spelling on at most 3 rows, half as common as the other or less, is also a variant.',
  },
  editDistance1From: {
    value: 5,
    label: 'Label length allowing 1 letter difference',
    why: 'Labels of 5 letters or more may differ by one letter (Biling/Billing); shorter ones are too often different words (set/sea).',
  },
  editDistance2From: {
    value: 9,
    label: 'Label length allowing 2 letters difference',
    why: 'From 9 letters, two slips (a transposition and a missing letter) still leave the label recognisable.',
  },
  maxLabelsCompared: {
    value: 2000,
    label: 'Most distinct labels compared for variants',
    why: 'Comparing spellings is pairwise; a column with more distinct values is more likely text than labels, so its spellings are not compared.',
  },
  nearDuplicateSimilarity: {
    value: 0.8,
    label: 'Similarity making two texts near-duplicates (0 turns the check off)',
    why: 'The share of three-letter pieces two texts have in common (Jaccard). From 0.8 they differ by a word or two of a sentence ("my card" / "my new card"): the same question to the model; below it, often a different one.',
  },
  typoMaxRows: {
    value: 3,
    label: 'Most rows a misspelling is on (0 turns the typo check off)',
    why: 'A slip is rare; a spelling on more rows is most likely meant (a name, a product, a word of the trade).',
  },
  typoFrequentRows: {
    value: 10,
    label: 'Rows making a word of the file a correction',
    why: "A word on 10 rows or more is the file's own vocabulary: a rare word a letter from it is a slip even when no dictionary knows either.",
  },
  typoDistance1From: {
    value: 4,
    label: 'Word length allowing 1 letter difference',
    why: 'Shorter words are a letter apart from too many others (cat/car/can) to tell a slip from another word.',
  },
  typoDistance2From: {
    value: 8,
    label: 'Word length allowing 2 letters difference',
    why: 'From 8 letters, two slips (a swap and a missing letter) still leave one likely word.',
  },
} as const satisfies Record<string, { value: number; label: string; why: string }>;

export type ThresholdName = keyof typeof THRESHOLD_INFO;
export type Thresholds = { [K in ThresholdName]: number };

export const DEFAULT_THRESHOLDS: Thresholds = Object.fromEntries(Object.entries(THRESHOLD_INFO).map(([name, t]) => [name, t.value])) as Thresholds;

/**
 * The defaults a target's published limits replace: its minimum number of training examples (0 when
 * it publishes none: only the split can then be too small), its recommended number (the generic
 * advice when it publishes none) and its token limit per example (OpenAI's when it has none).
 */
export function targetThresholds(target: ExportTarget): Pick<Thresholds, 'minTrainExamples' | 'fewTrainExamples' | 'maxTokens'> {
  const limits = TARGETS[target].limits;
  return {
    minTrainExamples: limits.minTrainExamples?.value ?? 0,
    fewTrainExamples: (limits.recommendedTrainExamples ?? GENERIC_RECOMMENDATION).value,
    maxTokens: limits.maxTokensPerExample?.value ?? DEFAULT_THRESHOLDS.maxTokens,
  };
}

/**
 * Defaults (the target's, see {@link targetThresholds}) with the user's overrides; a value that is
 * not a finite number keeps its default.
 */
export function resolveThresholds(overrides: Partial<Thresholds> = {}, target: ExportTarget = 'openai'): Thresholds {
  const out = { ...DEFAULT_THRESHOLDS, ...targetThresholds(target) };
  for (const name of Object.keys(out) as ThresholdName[]) {
    const v = overrides[name];
    if (typeof v === 'number' && Number.isFinite(v)) out[name] = v;
  }
  return out;
}

/** Thresholds that are shares (0 to 1) rather than counts. */
const SHARES: ReadonlySet<ThresholdName> = new Set(['variantMaxShare', 'nearDuplicateSimilarity']);
/** Thresholds that may have a fraction (the rest count rows, letters or tokens). */
const FRACTIONS: ReadonlySet<ThresholdName> = new Set(['variantMaxShare', 'charsPerToken', 'imbalanceRatio', 'nearDuplicateSimilarity']);

export function isThresholdName(name: string): name is ThresholdName {
  return Object.prototype.hasOwnProperty.call(THRESHOLD_INFO, name);
}

/** A threshold typed by a person (the app's field, the CLI's --threshold): a number in range, or what is wrong with it. */
export function parseThreshold(name: ThresholdName, text: string): { ok: true; value: number } | { ok: false; error: string } {
  const trimmed = text.trim().replace(/,/g, '');
  const value = Number(trimmed);
  if (trimmed === '' || !Number.isFinite(value)) return { ok: false, error: `Type a number (${JSON.stringify(text.trim())} is not one).` };
  if (value < 0) return { ok: false, error: 'Type 0 or more.' };
  if (SHARES.has(name) && value > 1) return { ok: false, error: 'Type a share between 0 and 1, such as 0.1 for a tenth.' };
  if (!FRACTIONS.has(name) && !Number.isInteger(value)) return { ok: false, error: 'Type a whole number.' };
  if (name === 'charsPerToken' && value === 0) return { ok: false, error: 'Type a number above 0.' };
  return { ok: true, value };
}
