/**
 * The models a training file can be checked against: how each counts tokens, how long a training
 * example may be, and what OpenAI charges per training token. One table, so the CLI, the app and the
 * tests show the same numbers with the same sources (shared/docs/fine-tuning-facts.md asks that every
 * number a check depends on says where it comes from, and that the user can change it).
 */

import { TARGETS, type LimitSource } from '../export';

/** The tiktoken encodings gpt-tokenizer ships and the presets use. */
export type TokenEncoding = 'o200k_base' | 'cl100k_base';

/** A published number and where it was published (the shape `lib/export`'s target limits use). */
export interface Sourced {
  value: number;
  source: LimitSource;
}

export interface ModelPreset {
  /** The snapshot id a fine-tuning job names, e.g. `gpt-4o-mini-2024-07-18`. */
  id: string;
  /** For people, e.g. "GPT-4o mini". */
  name: string;
  encoding: TokenEncoding;
  /** Tokens per training example; longer examples are truncated, and billed at the limit. */
  limit: Sourced;
  /** Default training price in USD per 1,000,000 tokens (what `--price` overrides). */
  price: Sourced;
  /** What to know before relying on the preset: retirement dates, unverified numbers. */
  note: string;
}

/**
 * OpenAI's pricing page, whose fine-tuning table lists the training prices below. The same prices
 * were announced with each model's fine-tuning launch: gpt-3.5-turbo on 2023-08-22 ($0.008 per 1K
 * tokens, https://openai.com/blog/gpt-3-5-turbo-fine-tuning-and-api-updates), gpt-4o on 2024-08-20
 * ("Fine-tuning now available for GPT-4o": $25 per 1M).
 */
const OPENAI_PRICING: LimitSource = {
  title: 'OpenAI API pricing, "Fine-tuning" table',
  url: 'https://developers.openai.com/api/docs/pricing',
  date: 'read 2026-11 in a copy from autumn 2026, after the 2026-05-07 wind-down notice',
};

/** The gpt-4o and gpt-3.5 limits are the facts file's, as the `openai` export target cites them. */
const OPENAI_GUIDE: LimitSource = TARGETS.openai.limits.maxTokensPerExample!.source;

/**
 * No per-example limit for the gpt-4.1 snapshots could be found in OpenAI's documentation; Azure
 * OpenAI, which fine-tunes the same snapshots, documents these ("Training example context length").
 */
const AZURE_MODELS: LimitSource = {
  title: 'Azure OpenAI fine-tuning models table, "Training example context length" (the same snapshots on Azure)',
  url: 'https://github.com/MicrosoftDocs/azure-ai-docs/blob/main/articles/ai-foundry/openai/includes/fine-tune-models.md',
  date: 'as of 2025-09, read 2026-11',
};

/** From the facts file: OpenAI's deprecation notice of 7 May 2026. */
const SHUTDOWN =
  'OpenAI is winding down self-serve fine-tuning: no new jobs from 6 January 2027, and this snapshot and the models ' +
  'fine-tuned from it shut down on 14 January 2027 (deprecated 14 October 2026).';
const NO_NEW_JOBS = 'OpenAI is winding down self-serve fine-tuning: no new jobs from 6 January 2027.';
const AZURE_LIMIT = "The token limit is Azure OpenAI's for the same snapshot: OpenAI's own could not be verified.";
const LEGACY = 'OpenAI lists gpt-3.5-turbo fine-tuning as legacy.';

export const MODEL_PRESETS: readonly ModelPreset[] = [
  {
    id: 'gpt-4o-mini-2024-07-18',
    name: 'GPT-4o mini',
    encoding: 'o200k_base',
    limit: { value: 65_536, source: OPENAI_GUIDE },
    price: { value: 3, source: OPENAI_PRICING },
    note: SHUTDOWN,
  },
  {
    id: 'gpt-4o-2024-08-06',
    name: 'GPT-4o',
    encoding: 'o200k_base',
    limit: { value: 65_536, source: OPENAI_GUIDE },
    price: { value: 25, source: OPENAI_PRICING },
    note: SHUTDOWN,
  },
  {
    id: 'gpt-4.1-2025-04-14',
    name: 'GPT-4.1',
    encoding: 'o200k_base',
    limit: { value: 65_536, source: AZURE_MODELS },
    price: { value: 25, source: OPENAI_PRICING },
    note: `${SHUTDOWN} ${AZURE_LIMIT}`,
  },
  {
    id: 'gpt-4.1-mini-2025-04-14',
    name: 'GPT-4.1 mini',
    encoding: 'o200k_base',
    limit: { value: 65_536, source: AZURE_MODELS },
    price: { value: 5, source: OPENAI_PRICING },
    note: `${SHUTDOWN} ${AZURE_LIMIT}`,
  },
  {
    id: 'gpt-4.1-nano-2025-04-14',
    name: 'GPT-4.1 nano',
    encoding: 'o200k_base',
    limit: { value: 32_768, source: AZURE_MODELS },
    price: { value: 1.5, source: OPENAI_PRICING },
    note: `${NO_NEW_JOBS} ${AZURE_LIMIT}`,
  },
  {
    id: 'gpt-3.5-turbo-0125',
    name: 'GPT-3.5 Turbo (0125)',
    encoding: 'cl100k_base',
    limit: { value: 16_385, source: OPENAI_GUIDE },
    price: { value: 8, source: OPENAI_PRICING },
    note: `${NO_NEW_JOBS} ${LEGACY}`,
  },
  {
    id: 'gpt-3.5-turbo-1106',
    name: 'GPT-3.5 Turbo (1106)',
    encoding: 'cl100k_base',
    limit: { value: 16_385, source: OPENAI_GUIDE },
    price: { value: 8, source: OPENAI_PRICING },
    note: `${NO_NEW_JOBS} ${LEGACY}`,
  },
  {
    id: 'gpt-3.5-turbo-0613',
    name: 'GPT-3.5 Turbo (0613)',
    encoding: 'cl100k_base',
    limit: { value: 4_096, source: OPENAI_GUIDE },
    price: { value: 8, source: OPENAI_PRICING },
    note: `${NO_NEW_JOBS} ${LEGACY}`,
  },
];

/** The model checked against when none is chosen: the snapshot most fine-tunes were built on. */
export const DEFAULT_MODEL_ID = 'gpt-4o-mini-2024-07-18';

/** The preset with this id (case-insensitive), or undefined. */
export function findModel(id: string): ModelPreset | undefined {
  const wanted = id.trim().toLowerCase();
  return MODEL_PRESETS.find((m) => m.id === wanted);
}
