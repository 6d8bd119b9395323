import { isExportTarget, RENAMED_TARGETS } from '../export';
import { isThresholdName, parseThreshold, type Thresholds } from '../quality';
import { isValidSeed } from '../random';
import type { ExportChoices, StratifyChoice, TokenChoices } from './types';

const STRATIFY: readonly StratifyChoice[] = ['first', 'all-labels', 'none'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Settings read back from this browser's storage, checked field by field: a session saved by an
 * older or newer build, or damaged storage, gives the default for each field that is missing or
 * not valid (and says which), never an exception or an impossible setting.
 */
export function parseChoices(saved: unknown, defaults: ExportChoices): { choices: ExportChoices; dropped: string[] } {
  const dropped: string[] = [];
  const raw = isObject(saved) ? saved : {};
  // A session saved under a target's old id keeps the layout it chose.
  const renamed = typeof raw.target === 'string' && Object.hasOwn(RENAMED_TARGETS, raw.target) ? RENAMED_TARGETS[raw.target] : undefined;
  const s = renamed ? { ...raw, target: renamed } : raw;
  const pick = <K extends keyof ExportChoices>(key: K, valid: (v: unknown) => boolean): ExportChoices[K] => {
    if (!(key in s)) return defaults[key];
    if (valid(s[key])) return s[key] as ExportChoices[K];
    dropped.push(key);
    return defaults[key];
  };
  const choices: ExportChoices = {
    systemPrompt: pick('systemPrompt', (v) => typeof v === 'string'),
    stratify: pick('stratify', (v) => STRATIFY.includes(v as StratifyChoice)),
    // The validation share a split can use: 0 < x < 1, or a whole number of rows.
    testSize: pick(
      'testSize',
      (v) =>
        isObject(v) &&
        isNumber(v.value) &&
        ((v.kind === 'float' && v.value > 0 && v.value < 1) || (v.kind === 'int' && Number.isInteger(v.value) && v.value >= 1)),
    ),
    seed: pick('seed', (v) => isNumber(v) && isValidSeed(v)),
    jsonStyle: pick('jsonStyle', (v) => v === 'python' || v === 'compact'),
    target: pick('target', (v) => typeof v === 'string' && isExportTarget(v)),
    thresholds: parseThresholds(s.thresholds, dropped),
    tokens: parseTokens(s.tokens, defaults.tokens, dropped),
    ignoreWords: pick('ignoreWords', (v) => Array.isArray(v) && v.every((w) => typeof w === 'string')),
    keepNearDuplicatesTogether: pick('keepNearDuplicatesTogether', (v) => typeof v === 'boolean'),
  };
  return { choices, dropped };
}

function parseThresholds(v: unknown, dropped: string[]): Partial<Thresholds> {
  if (v === undefined) return {};
  if (!isObject(v)) {
    dropped.push('thresholds');
    return {};
  }
  const out: Partial<Thresholds> = {};
  for (const [name, value] of Object.entries(v)) {
    // Each value as the app's field would take it (a share up to 1, whole counts, …).
    if (isThresholdName(name) && isNumber(value) && parseThreshold(name, String(value)).ok) out[name] = value;
    else dropped.push(`thresholds.${name}`);
  }
  return out;
}

function parseTokens(v: unknown, defaults: TokenChoices, dropped: string[]): TokenChoices {
  if (v === undefined) return defaults;
  if (!isObject(v)) {
    dropped.push('tokens');
    return defaults;
  }
  const field = <K extends keyof TokenChoices>(key: K, valid: (x: unknown) => boolean): TokenChoices[K] => {
    if (!(key in v)) return defaults[key];
    if (valid(v[key])) return v[key] as TokenChoices[K];
    dropped.push(`tokens.${key}`);
    return defaults[key];
  };
  return {
    model: field('model', (x) => typeof x === 'string'),
    pricePerMillion: field('pricePerMillion', (x) => x === null || (isNumber(x) && x >= 0)),
    epochs: field('epochs', (x) => x === null || (Number.isInteger(x) && (x as number) >= 1)),
  };
}
