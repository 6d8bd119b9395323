import { describe, expect, it } from 'vitest';
import { chatFormat, DEFAULT_SETTINGS, exportCsv, type ExportTarget, type JsonStyle } from '../export';
import { check, filler, finding } from './testing';
import { resolveThresholds } from './thresholds';

/** `n` rows that all write the same line: file sizes are then exact multiples of it. */
const same = (n: number): string[][] => Array.from({ length: n }, () => ['please help me with my order', 'billing', 'refund']);
const int = (value: number) => ({ kind: 'int', value }) as const;

describe('target-limits: numbers of examples', () => {
  it.each([
    ['bedrock-claude-haiku', 2000, 1000, false],
    ['bedrock-claude-haiku', 2001, 1001, true],
    ['vertex-gemini', 10_000, 5000, false],
    ['vertex-gemini', 10_001, 5001, true],
  ] as const)('%s: %i rows with %i for validation → error %s', (target, n, validation, fires) => {
    const r = finding(check(filler(n), { stratify: null, testSize: int(validation), target }), 'target-limits');
    if (!fires) {
      expect(r).toBeUndefined();
      return;
    }
    expect(r).toMatchObject({ severity: 'error', count: 0, rows: [], rowIds: [] });
    const max = target === 'bedrock-claude-haiku' ? '1,000' : '5,000';
    expect(r!.message).toMatch(new RegExp(`^The validation file would hold ${validation.toLocaleString('en-US')} examples; .* takes at most ${max} \\(`));
    expect(r!.message).toMatch(/Use a smaller test size: at most [\d,]+ rows/);
    expect(r!.message).toMatch(/would refuse this fine-tuning job\.$/);
    expect(r!.details?.limits).toEqual([
      { name: 'maxValidationExamples', actual: validation, limit: Number(max.replace(',', '')), estimated: false, source: expect.any(Object) },
    ]);
  });

  it("names Bedrock's limit of 10,000 training records and where it is published", () => {
    const r = finding(check(filler(11_001), { stratify: null, testSize: int(1000), target: 'bedrock-claude-haiku' }), 'target-limits', 'error')!;
    expect(r.message).toBe(
      'The training file would hold 10,001 examples; Claude 3 Haiku on Amazon Bedrock takes at most 10,000 ' +
        '(Amazon Bedrock User Guide, "Model requirements for training and validation datasets" (Anthropic Claude 3 Haiku)). ' +
        'Export fewer rows (or move more of them to validation, within its limit). Claude 3 Haiku on Amazon Bedrock would refuse this fine-tuning job.',
    );
    expect(r.details?.target).toEqual({ id: 'bedrock-claude-haiku', name: 'Claude 3 Haiku on Amazon Bedrock' });
  });

  it("warns (not errs) past Bedrock's default quota of 10,000 records in both files, which can be raised", () => {
    expect(finding(check(filler(10_000), { stratify: null, testSize: int(1000), target: 'bedrock-claude-haiku' }), 'target-limits')).toBeUndefined();
    const report = check(filler(11_000), { stratify: null, testSize: int(1000), target: 'bedrock-claude-haiku' });
    expect(finding(report, 'target-limits', 'error')).toBeUndefined();
    expect(finding(report, 'target-limits', 'warning')!.message).toMatch(
      /^The two files would hold 11,000 examples together; .* takes at most 10,000 \(.*: a default quota, adjustable through Service Quotas\)\. Export fewer rows, or have the quota raised\.$/,
    );
  });

  it.each(['openai', 'alpaca'] as const)('%s: publishes no maximum number of examples', (target) => {
    expect(finding(check(filler(12_000), { stratify: null, target }), 'target-limits')).toBeUndefined();
  });

  it('applies a limit the user sets, as a warning that says so', () => {
    const r = finding(check(filler(200), { stratify: null, options: { limits: { maxTrainExamples: 150 } } }), 'target-limits')!;
    expect(r.severity).toBe('warning');
    expect(r.message).toMatch(/^The training file would hold 160 examples; the limit you set is 150\./);
    expect(r.details?.limits?.[0]).not.toHaveProperty('source');
  });
});

describe('target-limits: file sizes', () => {
  const lineBytes = (target: ExportTarget, style: JsonStyle = 'python'): number => {
    const f = chatFormat(style, DEFAULT_SETTINGS.systemPrompt, target);
    return Buffer.byteLength(f.prefix + f.str(same(1)[0]![0]!) + f.middle + f.assistant(['category', 'sub_category'], ['billing', 'refund']) + f.suffix);
  };

  it.each(['openai', 'vertex-gemini', 'bedrock-claude-haiku'] as const)('%s: quiet at a training file limit, warns one byte over', (target) => {
    // 100 rows, test size 0.2: 80 training lines.
    const limit = 80 * lineBytes(target);
    expect(finding(check(same(100), { stratify: null, target, options: { limits: { maxTrainFileBytes: limit } } }), 'target-limits')).toBeUndefined();
    const r = finding(check(same(100), { stratify: null, target, options: { limits: { maxTrainFileBytes: limit - 1 } } }), 'target-limits')!;
    expect(r.message).toMatch(/^The training file would be about [\d.]+ kB \(estimated\); the limit you set is [\d.]+ kB\./);
    expect(r.details?.limits).toEqual([{ name: 'maxTrainFileBytes', actual: limit, limit: limit - 1, estimated: true }]);
    // A limit the user sets is not the service's: a warning, whatever the service would do at its own.
    expect(r.severity).toBe('warning');
  });

  it('checks the validation file against its own limit', () => {
    const limit = 20 * lineBytes('bedrock-claude-haiku');
    const r = finding(
      check(same(100), { stratify: null, target: 'bedrock-claude-haiku', options: { limits: { maxValidationFileBytes: limit - 1 } } }),
      'target-limits',
    )!;
    expect(r.details?.limits).toEqual([{ name: 'maxValidationFileBytes', actual: limit, limit: limit - 1, estimated: true }]);
  });

  // The estimate's total is exact: the files' sizes shared out by their number of examples.
  it.each([
    ['openai', 'python', 'labels'],
    ['vertex-gemini', 'python', 'labels'],
    ['bedrock-claude-haiku', 'compact', 'labels'],
    ['alpaca', 'compact', 'labels'],
    ['openai', 'python', 'text'],
    ['vertex-gemini', 'compact', 'text'],
  ] as const)('%s, %s style, %s answers: the two estimates add up to the bytes the export writes', (target, jsonStyle, answer) => {
    const labels = answer === 'text' ? ['Sure, "done" 😀\n', 'Café \\ ok', 'Yes.'] : ['billing', 'Café', 'billing'];
    const rows = filler(40).map((r, i) => [
      ['Où est "ma" commande?\n', 'naïve 😀 \\ test', 'plain text', '\u0001 tab\t'][i % 4]! + r[0],
      `${labels[i % 3]!}${answer === 'text' ? i : ''}`,
      `sub ${i % 2}`,
    ]);
    const systemPrompt = 'Réponds en "JSON"';
    const labelColumns = answer === 'text' ? ['category'] : DEFAULT_SETTINGS.labelColumns;
    const spec = { stratify: null, target, jsonStyle, systemPrompt, answer, labels: answer === 'text' ? [1] : [1, 2] };
    const report = check(rows, { ...spec, options: { limits: { maxTrainFileBytes: 1, maxValidationFileBytes: 1 } } });
    const limits = report.checks.filter((c) => c.id === 'target-limits').flatMap((c) => c.details!.limits!);
    expect(limits.map((l) => l.name).sort()).toEqual(['maxTrainFileBytes', 'maxValidationFileBytes']);
    const estimated = limits.reduce((sum, l) => sum + l.actual, 0);
    const csv = ['inquiry,category,sub_category', ...rows.map((row) => row.map((c) => `"${c.replaceAll('"', '""')}"`).join(','))].join('\n');
    const exported = exportCsv(new TextEncoder().encode(csv), { ...DEFAULT_SETTINGS, labelColumns, answer, stratify: null, target, jsonStyle, systemPrompt });
    if (!exported.ok) throw new Error('refused');
    const written = [...exported.files.train(), ...exported.files.validation()].flat().reduce((sum, part) => sum + part.length, 0);
    expect(estimated).toBe(written);
  });
});

describe("the target's thresholds", () => {
  it.each([
    ['openai', 10, 50, 65_536],
    ['vertex-gemini', 0, 100, 131_072],
    ['bedrock-claude-haiku', 32, 50, 32_000],
    ['alpaca', 0, 50, 65_536],
  ] as const)('%s: at least %i training examples, %i recommended, %i tokens per example', (target, min, few, maxTokens) => {
    expect(resolveThresholds({}, target)).toMatchObject({ minTrainExamples: min, fewTrainExamples: few, maxTokens });
  });

  it("lets the user's thresholds win over the target's", () => {
    expect(resolveThresholds({ minTrainExamples: 5 }, 'bedrock-claude-haiku').minTrainExamples).toBe(5);
  });

  it("measures long texts against the target's token limit", () => {
    // 300,000 characters ≈ 75,000 tokens: over OpenAI's 65,536, under Vertex AI's 131,072.
    const rows = [['word '.repeat(60_000), 'billing', 'refund'], ...filler(60)];
    expect(finding(check(rows, { stratify: null }), 'length')?.details?.kinds?.long).toBe(1);
    expect(finding(check(rows, { stratify: null, target: 'vertex-gemini' }), 'length')).toBeUndefined();
  });
});
