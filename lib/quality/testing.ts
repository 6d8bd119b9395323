/**
 * Test support for this folder (imported only by `*.test.ts`): small tables written as rows, and
 * the one finding of a check in a report.
 */
import type { AnswerMode, ExportTarget, JsonStyle } from '../export';
import type { TestSize } from '../split';
import { runChecks } from './run';
import { columnsTable } from './table';
import type { CheckId, CheckOptions, CheckReport, CheckResult, Severity } from './types';

export const HEADER = ['inquiry', 'category', 'sub_category'];

export interface TableSpec {
  header?: string[];
  text?: number;
  labels?: number[];
  stratify?: number[] | null;
  testSize?: TestSize;
  target?: ExportTarget;
  systemPrompt?: string;
  jsonStyle?: JsonStyle;
  answer?: AnswerMode;
  options?: CheckOptions;
}

/** Check rows given as arrays (header `inquiry, category, sub_category` unless told). */
export function check(rows: readonly (readonly string[])[], spec: TableSpec = {}): CheckReport {
  const header = spec.header ?? HEADER;
  const columns = header.map((_, c) => rows.map((r) => r[c] ?? ''));
  return runChecks(
    {
      table: columnsTable(header, columns, rows.length),
      text: spec.text ?? 0,
      labels: spec.labels ?? [1, 2],
      stratify: spec.stratify === undefined ? [1] : spec.stratify,
      testSize: spec.testSize ?? { kind: 'float', value: 0.2 },
      ...(spec.target ? { target: spec.target } : {}),
      ...(spec.systemPrompt !== undefined ? { systemPrompt: spec.systemPrompt } : {}),
      ...(spec.jsonStyle ? { jsonStyle: spec.jsonStyle } : {}),
      ...(spec.answer ? { answer: spec.answer } : {}),
    },
    spec.options,
  );
}

/** The finding of one check (of one severity, when it reports two), or undefined. */
export function finding(report: CheckReport, id: CheckId, severity?: Severity): CheckResult | undefined {
  return report.checks.find((c) => c.id === id && (severity === undefined || c.severity === severity));
}

/** `n` distinct, ordinary rows (texts of several words, no two near-duplicates, two balanced labels), to surround a case. */
export function filler(n: number, category = 'billing', sub = 'refund'): string[][] {
  return Array.from({ length: n }, (_, i) => [`please help with ${topics(i)} ${words(i)}`, category, sub]);
}

const TOPICS = [
  'order',
  'account',
  'payment',
  'card',
  'refund',
  'delivery',
  'address',
  'password',
  'invoice',
  'balance',
  'transfer',
  'subscription',
  'receipt',
  'warranty',
  'discount',
  'voucher',
  'booking',
  'ticket',
  'parcel',
  'statement',
  'deposit',
  'upgrade',
  'contract',
  'membership',
  'appointment',
  'exchange',
];

/**
 * Four topics for each number, a different combination for each (i × 7,919 read in base 26 is a
 * bijection up to 26⁴): texts that share little beyond "please help with", so no two fillers are
 * near-duplicates, which the number's words alone (`alpha bravo`, `bravo alpha`) would be.
 */
function topics(i: number): string {
  let x = (i * 7919 + 13) % TOPICS.length ** 4;
  const out: string[] = [];
  for (let k = 0; k < 4; k++) {
    out.push(TOPICS[x % TOPICS.length]!);
    x = Math.floor(x / TOPICS.length);
  }
  return out.join(' ');
}

/** A distinct phrase for each number, without digits (so no number looks like a phone or card). */
function words(i: number): string {
  const names = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet'];
  let out = '';
  do {
    out = `${names[i % 10]} ${out}`;
    i = Math.floor(i / 10);
  } while (i > 0);
  return out.trim();
}
