import { chatFormat, DEFAULT_SYSTEM_PROMPT, TARGETS, type FileLimitName, type LimitSource } from '../export';
import { splitSizes } from '../split';
import type { CheckContext } from './context';
import { bytes, plural } from './format';
import type { CheckDetails, CheckResult, Severity } from './types';

/** A maximum as the check applies it: the target's published one, or the user's (no source). */
interface Limit {
  value: number;
  refuses: boolean;
  source?: LimitSource;
  note?: string;
}

interface Excess {
  name: FileLimitName;
  actual: number;
  limit: Limit;
  estimated: boolean;
}

const LIMIT_NAMES: readonly FileLimitName[] = ['maxTrainExamples', 'maxValidationExamples', 'maxTotalExamples', 'maxTrainFileBytes', 'maxValidationFileBytes'];

/**
 * `target-limits`: the export's files against the chosen target's published maximums — training
 * and validation examples, both together, and each file's size — so a file the service would
 * refuse is found before it is uploaded. An error where the service refuses the file, a warning
 * where the limit is a default quota or has a way round it (`PublishedLimit.refuses`). Each message
 * names the target, the number and where it comes from.
 *
 * File sizes are estimated: the lines' exact total (each row's line, as the export writes it for the
 * target, JSON style and system prompt), shared out between the files by their number of examples.
 * Concerns the files, not rows: `rows` is empty, `count` 0, the numbers are in `details.limits`.
 * A split that cannot be made is `too-few-examples`' business.
 */
export function checkTargetLimits(ctx: CheckContext): CheckResult[] {
  const n = ctx.rowCount;
  const sizes = splitSizes(n, ctx.input.testSize);
  if (!sizes.ok) return [];
  const { nTrain, nTest } = sizes;
  const limits = resolveLimits(ctx);
  const excess: Excess[] = [];
  const compare = (name: FileLimitName, actual: number, estimated = false): void => {
    const limit = limits[name];
    if (limit && actual > limit.value) excess.push({ name, actual, limit, estimated });
  };
  compare('maxTrainExamples', nTrain);
  compare('maxValidationExamples', nTest);
  compare('maxTotalExamples', n);
  const files = fileBytes(ctx, nTrain, nTest, limits.maxTrainFileBytes?.value ?? Infinity, limits.maxValidationFileBytes?.value ?? Infinity);
  if (files) {
    compare('maxTrainFileBytes', files.train, true);
    compare('maxValidationFileBytes', files.validation, true);
  }
  if (excess.length === 0) return [];

  const target = TARGETS[ctx.target];
  const bySeverity = (severity: Severity): CheckResult[] => {
    const these = excess.filter((e) => (e.limit.refuses ? 'error' : 'warning') === severity);
    if (these.length === 0) return [];
    const details: CheckDetails = {
      target: { id: ctx.target, name: target.name },
      limits: these.map(({ name, actual, limit, estimated }) => ({
        name,
        actual,
        limit: limit.value,
        estimated,
        ...(limit.source ? { source: limit.source } : {}),
      })),
    };
    const tail = severity === 'error' ? ` ${target.name} would refuse this fine-tuning job.` : '';
    const message = these.map((e) => sentence(e, target.name, nTest)).join(' ') + tail;
    return [ctx.result({ id: 'target-limits', severity, positions: [], message, details })];
  };
  return [...bySeverity('error'), ...bySeverity('warning')];
}

/**
 * The target's maximums, with `CheckOptions.limits` replacing them (or adding ones it lacks). A
 * limit the user sets is a warning: only the service's own number says what it would refuse.
 */
function resolveLimits(ctx: CheckContext): Partial<Record<FileLimitName, Limit>> {
  const published = TARGETS[ctx.target].limits;
  const overrides = ctx.options.limits ?? {};
  const out: Partial<Record<FileLimitName, Limit>> = {};
  for (const name of LIMIT_NAMES) {
    const own = published[name];
    const override = overrides[name];
    if (typeof override === 'number' && Number.isFinite(override)) {
      out[name] = own?.value === override ? own : { value: override, refuses: false };
    } else if (own) out[name] = own;
  }
  return out;
}

const WHAT: Record<FileLimitName, (actual: number, estimated: boolean) => string> = {
  maxTrainExamples: (n) => `The training file would hold ${plural(n, 'example')}`,
  maxValidationExamples: (n) => `The validation file would hold ${plural(n, 'example')}`,
  maxTotalExamples: (n) => `The two files would hold ${plural(n, 'example')} together`,
  maxTrainFileBytes: (b) => `The training file would be about ${bytes(b)} (estimated)`,
  maxValidationFileBytes: (b) => `The validation file would be about ${bytes(b)} (estimated)`,
};

/** "The validation file would hold 1,250 examples; Claude 3 Haiku … takes at most 1,000 (source). Use …" */
function sentence(e: Excess, targetName: string, nTest: number): string {
  const isBytes = e.name === 'maxTrainFileBytes' || e.name === 'maxValidationFileBytes';
  const max = isBytes ? bytes(e.limit.value) : e.limit.value.toLocaleString('en-US');
  const from = e.limit.source
    ? `${targetName} takes at most ${max} (${e.limit.source.title}${e.limit.note ? `: ${e.limit.note}` : ''})`
    : `the limit you set is ${max}`;
  return `${WHAT[e.name](e.actual, e.estimated)}; ${from}. ${remedy(e, nTest)}`;
}

function remedy(e: Excess, nTest: number): string {
  switch (e.name) {
    case 'maxTrainExamples':
      return 'Export fewer rows (or move more of them to validation, within its limit).';
    case 'maxValidationExamples':
      return `Use a smaller test size: at most ${e.limit.value.toLocaleString('en-US')} rows (now ${nTest.toLocaleString('en-US')}).`;
    case 'maxTotalExamples':
      return e.limit.refuses ? 'Export fewer rows.' : 'Export fewer rows, or have the quota raised.';
    case 'maxTrainFileBytes':
    case 'maxValidationFileBytes':
      return e.limit.refuses ? 'Export fewer or shorter rows.' : 'Upload it the way the service provides for large files, or export fewer or shorter rows.';
  }
}

/**
 * Bytes of the two files, or null when they cannot reach the limits. A first pass bounds the total
 * cheaply (each UTF-16 unit of a message is at most 6 bytes in JSON); only a file that might be too
 * large pays for the exact pass, which measures each line as the export writes it.
 */
function fileBytes(ctx: CheckContext, nTrain: number, nTest: number, maxTrain: number, maxValidation: number): { train: number; validation: number } | null {
  const n = ctx.rowCount;
  if (n === 0 || (maxTrain === Infinity && maxValidation === Infinity)) return null;
  const style = ctx.input.jsonStyle ?? 'python';
  const format = chatFormat(style, ctx.input.systemPrompt ?? DEFAULT_SYSTEM_PROMPT, ctx.target, ctx.answer);
  // python-style JSON is ASCII: its length is its size.
  const size = style === 'python' ? (s: string): number => s.length : utf8Length;
  const share = (total: number): { train: number; validation: number } => {
    const train = Math.round((total * nTrain) / n);
    return { train, validation: total - train };
  };
  const fits = (f: { train: number; validation: number }): boolean => f.train <= maxTrain && f.validation <= maxValidation;

  // Escaped row by row: the message, and a free-text answer too (labels repeat: measured once per combination).
  const escaped = ctx.answer === 'text' ? [ctx.text, ctx.labels[0]!] : [ctx.text];
  let total = n * size(format.prefix + format.middle + format.suffix);
  if (ctx.answer === 'labels') total += answerBytes(ctx, (a) => size(format.assistant(labelNames(ctx), a)));
  let units = 0;
  for (const c of escaped) for (let r = 0; r < n; r++) units += ctx.table.cell(r, c).length;
  if (fits(share(total + 6 * units + 2 * n * escaped.length))) return null;
  for (const c of escaped) {
    for (let r = 0; r < n; r++) {
      const text = ctx.table.cell(r, c);
      total += format.needsEscape(text) ? size(format.str(text)) : size(text) + 2;
    }
  }
  return share(total);
}

const labelNames = (ctx: CheckContext): string[] => ctx.labels.map((c) => ctx.name(c));

/** The answers' bytes summed over the rows: measured once per label combination. */
function answerBytes(ctx: CheckContext, measure: (values: string[]) => number): number {
  const columns = ctx.labels.map((c) => ctx.values(c));
  const perCombination = new Map<number | string, { values: string[]; rows: number }>();
  for (let r = 0; r < ctx.rowCount; r++) {
    const key = columns.length === 1 ? columns[0]!.codes[r]! : columns.map((v) => v.codes[r]).join(',');
    const entry = perCombination.get(key);
    if (entry) entry.rows++;
    else perCombination.set(key, { values: columns.map((v) => v.values[v.codes[r]!]!), rows: 1 });
  }
  let total = 0;
  for (const { values, rows } of perCombination.values()) total += rows * measure(values);
  return total;
}

/** UTF-8 bytes of a string (a lone surrogate counts as the 3 bytes of U+FFFD, as TextEncoder writes it). */
function utf8Length(s: string): number {
  let out = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) out += 1;
    else if (c < 0x800) out += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      out += 4;
      i++;
    } else out += 3;
  }
  return out;
}
