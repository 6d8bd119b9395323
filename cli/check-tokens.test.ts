import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultEpochs, loadTokenCounter, MODEL_PRESETS, notebookTokens, type ChatMessage } from '../lib/tokens';
import { FIXTURES, noStackTrace, tempFile, trainset } from './testing';

const csvFile = (name: string, content: string): string => tempFile(name, content, 'trainset-check-tokens-');

/** 70 rows, two classes with accented labels (the python style writes them as \u00e9 in the answer). */
const rows = Array.from(
  { length: 70 },
  (_, i) => `"où est ma commande numéro ${i}, s'il vous plaît ?",${i % 2 ? 'facturation,remboursement' : 'expédition,retard'}`,
);
const CSV = `inquiry,category,sub_category\n${rows.join('\n')}\n`;

interface Tokens {
  model: string;
  encoding: string;
  examples: number;
  totalTokens: number;
  maxTokens: number;
  perExample: { mean: number; median: number; max: number };
  longest: { row: number; tokens: number }[];
  overLimit: number[];
  train: { examples: number; totalTokens: number } | null;
  billedOn: 'train' | 'all';
  epochs: number;
  billedTokens: number;
  pricePerMillion: number;
  priceDate: string | null;
  priceSource: string;
  estimatedCost: number;
}

function checkJson(args: string[]): { status: number | null; tokens: Tokens | null; checks: { id: string; message: string; rows: number[] }[] } {
  const r = trainset(['check', ...args, '--json']);
  expect(r.stderr).toBe('');
  const report = JSON.parse(r.stdout) as { tokens: Tokens | null; checks: { id: string; message: string; rows: number[] }[] };
  return { status: r.status, ...report };
}

/** The notebook's count of every line of an exported file. */
async function countFile(file: string, encoding: 'o200k_base' | 'cl100k_base'): Promise<number[]> {
  const counter = await loadTokenCounter(encoding);
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '');
  return lines.map((l) => notebookTokens(counter, (JSON.parse(l) as { messages: ChatMessage[] }).messages));
}

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

describe('trainset check counts tokens and estimates the cost', () => {
  it.each([['python'], ['compact']])('as the notebook counts the files export writes (%s JSON), billing the training file only', async (style) => {
    const csv = csvFile('accents.csv', CSV);
    const out = mkdtempSync(join(tmpdir(), 'trainset-check-tokens-out-'));
    expect(trainset(['export', csv, '--out', out, '--json-style', style, '-q']).status).toBe(0);
    const train = await countFile(join(out, 'train.jsonl'), 'o200k_base');
    const validation = await countFile(join(out, 'validation.jsonl'), 'o200k_base');

    const { status, tokens } = checkJson([csv, '--json-style', style, '--model', 'gpt-4o-mini-2024-07-18']);
    expect(status).toBe(0);
    expect(tokens).toMatchObject({
      model: 'gpt-4o-mini-2024-07-18',
      encoding: 'o200k_base',
      examples: 70,
      totalTokens: sum(train) + sum(validation),
      maxTokens: 65_536,
      overLimit: [],
      train: { examples: train.length, totalTokens: sum(train) },
      billedOn: 'train',
      // 56 training examples × 3 = 168 passes: the notebook's plain 3 epochs.
      epochs: 3,
      billedTokens: 3 * sum(train),
      pricePerMillion: 3,
      priceSource: 'https://developers.openai.com/api/docs/pricing',
    });
    expect(train.length).toBe(56);
    expect(tokens!.estimatedCost).toBeCloseTo((3 * sum(train) * 3) / 1e6, 12);
    expect(tokens!.perExample.max).toBe(Math.max(...train, ...validation));
    expect(tokens!.longest[0]!.tokens).toBe(tokens!.perExample.max);
    expect(tokens!.priceDate).toMatch(/2026/);
  });

  it('prints a "Tokens and cost" section before the summary', () => {
    // The texts differ only by their number, so they are near-duplicates: not this test's subject, the check is turned off.
    const off = ['--threshold', 'nearDuplicateSimilarity=0'];
    const r = trainset(['check', csvFile('accents.csv', CSV), '--model', 'gpt-4o-mini-2024-07-18', ...off]);
    const { tokens } = checkJson([csvFile('accents.csv', CSV), '--model', 'gpt-4o-mini-2024-07-18', ...off]);
    const t = tokens!;
    expect(r.stdout).toContain(
      `\nTokens and cost (gpt-4o-mini-2024-07-18, o200k_base; whole examples counted as OpenAI's data-preparation notebook does):\n` +
        `         70 examples, ${t.totalTokens.toLocaleString('en-US')} tokens (per example: mean ${Math.round(t.perExample.mean * 10) / 10}, ` +
        `median ${t.perExample.median}, max ${t.perExample.max}); none longer than the limit of 65,536 tokens per example.\n` +
        `         The training file's 56 examples (${t.train!.totalTokens.toLocaleString('en-US')} tokens) × 3 epochs (the default for 56) = ` +
        `${t.billedTokens.toLocaleString('en-US')} billed tokens: about $0.0`,
    );
    expect(r.stdout).toMatch(
      /at \$3\.00 per 1M\.\n {9}Price: OpenAI API pricing, "Fine-tuning" table, https:\/\/developers\.openai\.com\/api\/docs\/pricing \(read 2026-11[^)]*\); change it with --price\.\n/,
    );
    expect(r.stdout).toMatch(/shut down on 14 January 2027 \(deprecated 14 October 2026\)\.\n\nNo problems found\.\n$/);
  });

  it('compares whole examples with the model limit: an example over it is listed, and billed at the limit', async () => {
    const counter = await loadTokenCounter('cl100k_base');
    // A message under gpt-3.5-turbo-0613's 4,096 tokens on its own, over it with the system prompt and answer.
    const long = 'please '.repeat(4090).trim();
    expect(counter.count(long)).toBeLessThanOrEqual(4096);
    const csv = csvFile('long.csv', `inquiry,category,sub_category\n${rows.slice(0, 69).join('\n')}\n"${long}",facturation,remboursement\n`);
    const { tokens, checks } = checkJson([csv, '--model', 'gpt-3.5-turbo-0613']);
    expect(tokens).toMatchObject({ model: 'gpt-3.5-turbo-0613', encoding: 'cl100k_base', maxTokens: 4096, overLimit: [70] });
    expect(tokens!.longest[0]!.row).toBe(70);
    const length = checks.find((c) => c.id === 'length')!;
    expect(length.rows).toEqual([70]);
    expect(length.message).toBe(
      '1 example is longer than the limit of 4,096 tokens per example (counted with cl100k_base, system prompt and answer included): training would cut it short.',
    );
    // What the notebook would bill for the training file export writes.
    const out = mkdtempSync(join(tmpdir(), 'trainset-check-tokens-out-'));
    expect(trainset(['export', csv, '--out', out, '-q']).status).toBe(0);
    const train = await countFile(join(out, 'train.jsonl'), 'cl100k_base');
    const validation = await countFile(join(out, 'validation.jsonl'), 'cl100k_base');
    expect(Math.max(...train, ...validation)).toBe(tokens!.longest[0]!.tokens);
    expect(tokens!.longest[0]!.tokens).toBeGreaterThan(4096);
    expect(tokens!.billedTokens).toBe(3 * sum(train.map((t) => Math.min(4096, t))));
  });

  it('takes the price from --price, and says so', () => {
    const { tokens } = checkJson([csvFile('accents.csv', CSV), '--model', 'gpt-4o-2024-08-06', '--price', '1.5']);
    expect(tokens).toMatchObject({ model: 'gpt-4o-2024-08-06', pricePerMillion: 1.5, priceDate: null, priceSource: '--price' });
    expect(tokens!.estimatedCost).toBeCloseTo((tokens!.billedTokens * 1.5) / 1e6, 12);
  });

  it('bills every row when the split cannot be made, and says so', () => {
    const { tokens } = checkJson([join(FIXTURES, '12-refuse_singleton_category/dataset.csv'), '--model', 'gpt-4o-mini-2024-07-18']);
    expect(tokens).toMatchObject({ billedOn: 'all', train: null });
    expect(tokens!.epochs).toBe(defaultEpochs(tokens!.examples));
    expect(tokens!.billedTokens).toBe(tokens!.epochs * tokens!.totalTokens);
  });

  it('without --model (or with none) estimates from characters, and prints no tokens: check stays fast', () => {
    const csv = csvFile('accents.csv', CSV);
    expect(checkJson([csv]).tokens).toBeNull();
    expect(trainset(['check', csv]).stdout).not.toContain('Tokens and cost');
    expect(checkJson([csv, '--model', 'none']).tokens).toBeNull();
    expect(trainset(['check', csv, '--model', 'none']).stdout).not.toContain('Tokens and cost');
  });
});

describe('trainset check --model and --price usage errors exit 2', () => {
  it.each([
    ['an unknown model', ['--model', 'gpt-5'], /unknown model "gpt-5": use one of gpt-4o-mini-2024-07-18, .*, or none/],
    ['a price that is not a number', ['--price', 'three'], /--price is US dollars per 1,000,000 training tokens, such as 3 or 0\.8, not "three"/],
    ['a negative price', ['--price=-3'], /--price is US dollars per 1,000,000 training tokens/],
    ['a price without a model', ['--model', 'none', '--price', '3'], /--price needs a model to price/],
    [
      'an OpenAI model for another target',
      ['--target', 'vertex-gemini', '--model', 'gpt-4o-2024-08-06'],
      /--model counts tokens and prices training as OpenAI does, but the target is vertex-gemini/,
    ],
  ])('%s', (_name, args, message) => {
    const r = trainset(['check', join(FIXTURES, '00-basic_ascii_lf/dataset.csv'), ...args]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    noStackTrace(r);
  });

  it('--help lists every model and the --price option', () => {
    const help = trainset(['--help']).stdout;
    for (const m of MODEL_PRESETS) expect(help).toContain(m.id);
    expect(help).toMatch(/\n {2}--price USD {10}training price in US dollars per 1,000,000 tokens/);
  });
});
