import { describe, expect, it } from 'vitest';
import { check, filler, finding } from './testing';

const twoClasses = (n: number): string[][] => filler(n).map((r, i) => [r[0]!, i % 2 ? 'a' : 'b', 'x']);

describe('too-few-examples', () => {
  it.each([
    [5, 'error', 4, /^5 rows split with test size 0\.2 give 4 training examples and 1 validation example; fine-tuning needs at least 10 training examples\./],
    [12, 'error', 9, /give 9 training examples and 3 validation examples; fine-tuning needs at least 10/],
    [13, 'warning', 10, /give 10 training examples .*results usually improve clearly from 50 to 100 training examples/],
    [62, 'warning', 49, /give 49 training examples/],
  ])('%i rows → %s (%i training examples)', (n, severity, train, message) => {
    const r = finding(check(filler(n), { stratify: null }), 'too-few-examples');
    expect(r).toMatchObject({ severity, count: train, rows: [], rowIds: [] });
    expect(r!.message).toMatch(message);
  });

  it('stays quiet from 50 training examples', () => {
    expect(finding(check(filler(63), { stratify: null }), 'too-few-examples')).toBeUndefined();
  });

  it('uses an int test size as a row count', () => {
    expect(finding(check(filler(70), { stratify: null, testSize: { kind: 'int', value: 30 } }), 'too-few-examples')).toMatchObject({
      severity: 'warning',
      count: 40,
    });
  });

  it.each([
    ['a test size of 1.0 (a float)', { kind: 'float', value: 1 } as const, /test size 1\.0 does not fit 20 rows: use a share between 0 and 1/],
    ['a test size as large as the table', { kind: 'int', value: 20 } as const, /test size 20 does not fit 20 rows/],
  ])('is an error with %s', (_name, testSize, message) => {
    const r = finding(check(filler(20), { stratify: null, testSize }), 'too-few-examples');
    expect(r).toMatchObject({ severity: 'error', count: 0 });
    expect(r!.message).toMatch(message);
  });

  it('is an error when the validation file would have fewer rows than there are classes', () => {
    const rows = filler(60).map((r, i) => [r[0]!, `class ${i % 20}`, 'x']);
    const r = finding(check(rows, { testSize: { kind: 'int', value: 10 } }), 'too-few-examples')!;
    expect(r.severity).toBe('error');
    expect(r.message).toMatch(
      /there are 20 category values and a stratified split puts at least one row of each in both files: the validation file is too small\. Use a larger test size/,
    );
  });

  it('reports an empty table', () => {
    expect(finding(check([]), 'too-few-examples')?.message).toBe(
      'The train/validation split cannot be made: with 0 rows there is nothing to split: add examples.',
    );
  });

  it('stays quiet on a balanced table large enough', () => {
    expect(finding(check(twoClasses(100)), 'too-few-examples')).toBeUndefined();
  });
});

describe("too-few-examples with the target's published numbers", () => {
  it.each([
    [
      'bedrock-claude-haiku',
      38,
      'error',
      30,
      /; fine-tuning needs at least 32 training examples\. That is the minimum for Claude 3 Haiku on Amazon Bedrock \(Amazon Bedrock User Guide, .*\); add examples\.$/,
    ],
    [
      'bedrock-claude-haiku',
      40,
      'warning',
      32,
      /results usually improve clearly from 50 to 100 training examples \(OpenAI's fine-tuning guide; Claude 3 Haiku on Amazon Bedrock publishes no recommended number\)\. Add examples if you can\.$/,
    ],
    ['vertex-gemini', 5, 'warning', 4, /; Google recommends starting with 100 training examples \(Vertex AI, .*\)\. Add examples if you can\.$/],
    ['vertex-gemini', 124, 'warning', 99, /Google recommends starting with 100 training examples/],
    ['alpaca', 5, 'warning', 4, /publishes no recommended number/],
    ['openai', 12, 'error', 9, /needs at least 10 training examples\. That is the minimum for OpenAI \(OpenAI's fine-tuning guide\); add examples\.$/],
    [
      'fireworks',
      3,
      'error',
      2,
      /^3 rows split with test size 0\.2 give 2 training examples and 1 validation example; fine-tuning needs at least 3 training examples\. That is the minimum for Fireworks \(Fireworks docs, "Fine-tuning models" \(prepare a dataset\)\); add examples\.$/,
    ],
    ['fireworks', 4, 'warning', 3, /Fireworks publishes no recommended number/],
    ['together', 5, 'warning', 4, /Together AI publishes no recommended number/],
  ] as const)('%s, %i rows → %s (%i training examples)', (target, n, severity, train, message) => {
    const r = finding(check(filler(n), { stratify: null, target }), 'too-few-examples')!;
    expect(r).toMatchObject({ severity, count: train, details: { target: { id: target } } });
    expect(r.message).toMatch(message);
  });

  it.each([
    ['vertex-gemini', 125],
    ['bedrock-claude-haiku', 63],
    ['fireworks', 63],
  ] as const)('%s: quiet from %i rows', (target, n) => {
    expect(finding(check(filler(n), { stratify: null, target }), 'too-few-examples')).toBeUndefined();
  });

  it('says when the number is a threshold the user set', () => {
    const r = finding(check(filler(20), { stratify: null, options: { thresholds: { minTrainExamples: 20 } } }), 'too-few-examples')!;
    expect(r.message).toMatch(/needs at least 20 training examples\. That is the threshold you set; add examples\.$/);
  });
});
