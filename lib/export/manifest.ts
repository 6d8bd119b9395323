import type { CsvOptions, Encoding } from '../csv';
import { compareCodePoints } from '../split';
import type { ExportFiles } from './collector';
import { digestBytes, webSha256, type FileDigest, type Sha256Factory } from './sha256';
import { EXPORT_TARGETS, type ExportTarget } from './targets';
import type { AnswerMode, ExportSettings, ExportSummary, JsonStyle } from './types';

import { TRAINSET_VERSION } from '../version';

/** The version written into manifests as `tool.version` (lib/version.ts, kept equal to package.json's). */
export { TRAINSET_VERSION };

/** The manifest's name beside the files, in `--out` and in the app's zip. */
export const MANIFEST_FILE = 'manifest.json';

/** The two files an export writes, in the order a manifest lists them. */
export const EXPORT_FILE_NAMES = ['train.jsonl', 'validation.jsonl'] as const;
export type ExportFileName = (typeof EXPORT_FILE_NAMES)[number];

/**
 * What an export wrote, and from what: enough for `trainset verify` to tell whether the files are
 * still those bytes, and to make them again from the input. Written as `manifest.json` beside the
 * files by `trainset export` and in the app's zip; the project file embeds the same object.
 *
 * It has no creation time on purpose: the same data and settings give the same manifest, byte for
 * byte, like the files it describes (a CI job can compare the whole folder).
 */
export interface Manifest {
  /** Always `trainset-manifest`: what this JSON file is. */
  format: 'trainset-manifest';
  /** The layout of this object; a reader refuses a version it does not know. */
  version: 1;
  /** What wrote the files: `trainset` and its package version. */
  tool: { name: 'trainset'; version: string };
  settings: ManifestSettings;
  input: ManifestInput;
  /** Each written file by name (`train.jsonl`, `validation.jsonl`). */
  files: Record<ExportFileName, ManifestFile>;
}

/** Every setting that decides the bytes of the files. */
export interface ManifestSettings {
  /** Column holding the user message. */
  textColumn: string;
  /** Columns forming the answer, in the answer's key order. */
  labelColumns: string[];
  /** `labels`: the label columns as a JSON object (the notebook's); `text`: one column's cell as written. */
  answer: AnswerMode;
  /** Columns stratified by (joined with a space when several), or null for a plain shuffled split. */
  stratify: string[] | null;
  /** The validation size: `float` is a share (Python's 0.2), `int` a row count (Python's 40); they differ as in scikit-learn. */
  testSize: { kind: 'float' | 'int'; value: number };
  /** numpy's random seed (`random_state`). */
  seed: number;
  systemPrompt: string;
  /** `python`: json.dumps defaults, ASCII-escaped (the notebook's); `compact`: UTF-8, no spaces. */
  jsonStyle: JsonStyle;
  /** The service whose line layout was written (`openai` is the notebook's). */
  target: ExportTarget;
  /**
   * Not the notebook's split: near-copies kept in one file, at this similarity (the
   * near-duplicate check's); null for scikit-learn's split as it is.
   */
  keepNearDuplicatesTogether: { similarity: number } | null;
  /**
   * How the input was read: what was forced, null where it was detected (`header: false` is pandas'
   * `header=None`), and for an Excel workbook the sheet read (absent for other files).
   */
  reading: { encoding: Encoding | null; delimiter: string | null; header: boolean; sheet?: string };
}

/** The file the export was made from. */
export interface ManifestInput {
  /** Its name, without folders. */
  name: string;
  /** Its size in bytes. */
  bytes: number;
  /** SHA-256 of its bytes, 64 lowercase hex digits. */
  sha256: string;
  /** Data rows read from it (header excluded; rows that could not be read excluded). */
  rows: number;
  /** `csv`, or `jsonl`: a chat-format training file, read as the app reads it. */
  format: 'csv' | 'jsonl';
  /** Rows of the file that could not be read (more fields than the header) and were left out in the app; always 0 from the CLI, which refuses them. */
  unreadRows: number;
  /**
   * How the rows exported differ from the rows read: cells edited, rows added and rows deleted in
   * the app (all 0 from the CLI). When any is not 0 the input alone does not make these files.
   */
  edits: { editedCells: number; addedRows: number; deletedRows: number };
}

/** One written file. */
export interface ManifestFile {
  bytes: number;
  /** SHA-256 of its bytes, 64 lowercase hex digits. */
  sha256: string;
  /** Lines, each one example ending in LF. */
  lines: number;
  /**
   * Examples per value of the first label column (`ExportSummary.labelColumn`), keys in code-point
   * order, every value listed in both files (0 when absent); empty with free-text answers.
   */
  perClass: Record<string, number>;
}

/** What is known of the input besides what the export itself says. */
export interface InputFacts {
  name: string;
  bytes: number;
  sha256: string;
  /** Data rows read; defaults to the export's row count (`summary.rows`). */
  rows?: number;
  format?: 'csv' | 'jsonl';
  unreadRows?: number;
  edits?: Partial<ManifestInput['edits']>;
}

/** The export's options beyond `ExportSettings` that decide its bytes. */
export interface ManifestOptions {
  /** The reading options given (not detected ones). */
  csv?: CsvOptions;
  /** The similarity near-copies were kept together at, or null/undefined when they were not. */
  nearDuplicateSimilarity?: number | null;
}

/**
 * The manifest of an export: hashes `files` as they stream (with `sha256`, WebCrypto by default;
 * the CLI passes `nodeSha256`), then {@link manifestOf}. For callers holding an `ExportFiles`,
 * such as the project file.
 */
export async function buildManifest(
  files: ExportFiles,
  settings: ExportSettings,
  input: InputFacts,
  options: ManifestOptions & { sha256?: Sha256Factory } = {},
): Promise<Manifest> {
  const sha = options.sha256 ?? webSha256;
  const [train, validation] = [await digestBytes(files.train(), sha()), await digestBytes(files.validation(), sha())];
  return manifestOf(settings, input, files.summary, { train, validation }, options);
}

/** The manifest from digests already taken (the CLI hashes while it writes, the app hashes the Blobs it zips). */
export function manifestOf(
  settings: ExportSettings,
  input: InputFacts,
  summary: ExportSummary,
  digests: { train: FileDigest; validation: FileDigest },
  options: ManifestOptions = {},
): Manifest {
  const csv = options.csv ?? {};
  const perClass = (key: 'train' | 'validation'): Record<string, number> => Object.fromEntries(summary.perLabel.map((c) => [c.label, c[key]]));
  const file = (d: FileDigest, key: 'train' | 'validation'): ManifestFile => ({ bytes: d.bytes, sha256: d.sha256, lines: d.lines, perClass: perClass(key) });
  const similarity = options.nearDuplicateSimilarity;
  return {
    format: 'trainset-manifest',
    version: 1,
    tool: { name: 'trainset', version: TRAINSET_VERSION },
    settings: {
      textColumn: settings.textColumn,
      labelColumns: [...settings.labelColumns],
      answer: settings.answer,
      stratify: settings.stratify ? [...settings.stratify] : null,
      testSize: { kind: settings.testSize.kind, value: settings.testSize.value },
      seed: settings.seed,
      systemPrompt: settings.systemPrompt,
      jsonStyle: settings.jsonStyle,
      target: settings.target,
      keepNearDuplicatesTogether: similarity === undefined || similarity === null ? null : { similarity },
      reading: {
        encoding: csv.encoding ?? null,
        delimiter: csv.delimiter ?? null,
        header: csv.header !== false,
        ...(csv.sheet !== undefined ? { sheet: csv.sheet } : {}),
      },
    },
    input: {
      name: input.name,
      bytes: input.bytes,
      sha256: input.sha256,
      rows: input.rows ?? summary.rows,
      format: input.format ?? 'csv',
      unreadRows: input.unreadRows ?? 0,
      edits: { editedCells: input.edits?.editedCells ?? 0, addedRows: input.edits?.addedRows ?? 0, deletedRows: input.edits?.deletedRows ?? 0 },
    },
    files: { 'train.jsonl': file(digests.train, 'train'), 'validation.jsonl': file(digests.validation, 'validation') },
  };
}

/**
 * The manifest as written: JSON indented by two spaces, keys in the order of the types above
 * (`perClass` in code-point order, even for labels that look like numbers, which a JS object
 * would put first), and a final newline.
 */
export function manifestText(m: Manifest): string {
  return `${pretty(m, '', null)}\n`;
}

function pretty(value: unknown, indent: string, parentKey: string | null): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + pretty(v, inner, null)).join(',\n')}\n${indent}]`;
  }
  const keys = Object.keys(value);
  if (parentKey === 'perClass') keys.sort(compareCodePoints);
  if (keys.length === 0) return '{}';
  const record = value as Record<string, unknown>;
  return `{\n${keys.map((k) => `${inner}${JSON.stringify(k)}: ${pretty(record[k], inner, k)}`).join(',\n')}\n${indent}}`;
}

/** `manifest.json` read back: the manifest, or what is wrong with it, in a sentence. */
export type ManifestRead = { ok: true; manifest: Manifest } | { ok: false; error: string };

/**
 * Read a manifest from its text. Everything in it is checked (it comes from a folder anyone may
 * have edited): a damaged one is refused with the field at fault, never half used.
 */
export function parseManifest(text: string): ManifestRead {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `it is not valid JSON (${(e as Error).message})` };
  }
  const bad = (field: string, what: string): ManifestRead => ({ ok: false, error: `${field} should be ${what}` });
  if (!isObject(json) || json.format !== 'trainset-manifest') return bad('"format"', '"trainset-manifest": this is not a Trainset manifest');
  if (json.version !== 1) {
    return { ok: false, error: `its version is ${JSON.stringify(json.version)}, and this Trainset (${TRAINSET_VERSION}) reads version 1` };
  }
  const { tool, settings: s, input, files } = json;
  if (!isObject(tool) || typeof tool.version !== 'string') return bad('"tool"', '{"name": "trainset", "version": …}');
  if (!isObject(s)) return bad('"settings"', 'an object');
  const str = (v: unknown): v is string => typeof v === 'string';
  const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every(str);
  const count = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
  const hash = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v);
  if (!str(s.textColumn)) return bad('settings.textColumn', 'a column name');
  if (!strings(s.labelColumns) || s.labelColumns.length === 0) return bad('settings.labelColumns', 'a list of column names');
  if (s.answer !== 'labels' && s.answer !== 'text') return bad('settings.answer', '"labels" or "text"');
  if (s.stratify !== null && !strings(s.stratify)) return bad('settings.stratify', 'a list of column names, or null');
  const t = s.testSize;
  if (!isObject(t) || (t.kind !== 'float' && t.kind !== 'int') || typeof t.value !== 'number' || !Number.isFinite(t.value)) {
    return bad('settings.testSize', '{"kind": "float" or "int", "value": a number}');
  }
  if (!count(s.seed)) return bad('settings.seed', 'a whole number');
  if (!str(s.systemPrompt)) return bad('settings.systemPrompt', 'a string');
  if (s.jsonStyle !== 'python' && s.jsonStyle !== 'compact') return bad('settings.jsonStyle', '"python" or "compact"');
  if (!EXPORT_TARGETS.includes(s.target as ExportTarget)) return bad('settings.target', `one of ${EXPORT_TARGETS.map((x) => `"${x}"`).join(', ')}`);
  const keep = s.keepNearDuplicatesTogether;
  if (keep !== null && !(isObject(keep) && typeof keep.similarity === 'number' && keep.similarity > 0 && keep.similarity <= 1)) {
    return bad('settings.keepNearDuplicatesTogether', 'null or {"similarity": a number from 0 to 1}');
  }
  const r = s.reading;
  const encodings: (Encoding | null)[] = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', null];
  if (!isObject(r) || !encodings.includes(r.encoding as Encoding | null) || !(r.delimiter === null || str(r.delimiter)) || typeof r.header !== 'boolean') {
    return bad('settings.reading', '{"encoding": …, "delimiter": …, "header": true or false}');
  }
  if (r.sheet !== undefined && !(str(r.sheet) && r.sheet !== '')) return bad('settings.reading.sheet', "the name of the workbook's sheet");
  if (!isObject(input) || !str(input.name) || !count(input.bytes) || !hash(input.sha256) || !count(input.rows)) {
    return bad('"input"', '{"name", "bytes", "sha256" (64 hex digits), "rows"}');
  }
  if (input.format !== 'csv' && input.format !== 'jsonl') return bad('input.format', '"csv" or "jsonl"');
  const e = input.edits;
  if (!count(input.unreadRows) || !isObject(e) || !count(e.editedCells) || !count(e.addedRows) || !count(e.deletedRows)) {
    return bad('input.unreadRows and input.edits', 'counts');
  }
  if (!isObject(files)) return bad('"files"', 'an object');
  for (const name of EXPORT_FILE_NAMES) {
    const f = files[name];
    if (!isObject(f) || !count(f.bytes) || !hash(f.sha256) || !count(f.lines) || !isObject(f.perClass) || !Object.values(f.perClass).every(count)) {
      return bad(`files["${name}"]`, '{"bytes", "sha256" (64 hex digits), "lines", "perClass"}');
    }
  }
  const extra = Object.keys(files).filter((k) => !(EXPORT_FILE_NAMES as readonly string[]).includes(k));
  if (extra.length > 0) return bad('"files"', `train.jsonl and validation.jsonl only, not ${extra.map((k) => JSON.stringify(k)).join(', ')}`);
  return { ok: true, manifest: json as unknown as Manifest };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The export settings a manifest records (to make the files again). */
export function settingsOfManifest(m: Manifest): ExportSettings {
  const s = m.settings;
  return {
    textColumn: s.textColumn,
    labelColumns: [...s.labelColumns],
    answer: s.answer,
    stratify: s.stratify ? [...s.stratify] : null,
    testSize: { kind: s.testSize.kind, value: s.testSize.value },
    seed: s.seed,
    systemPrompt: s.systemPrompt,
    jsonStyle: s.jsonStyle,
    target: s.target,
  };
}

/** The reading options a manifest records, as the CSV reader takes them. */
export function csvOptionsOfManifest(m: Manifest): CsvOptions {
  const r = m.settings.reading;
  return {
    ...(r.encoding ? { encoding: r.encoding } : {}),
    ...(r.delimiter ? { delimiter: r.delimiter } : {}),
    ...(r.header ? {} : { header: false }),
    ...(r.sheet !== undefined ? { sheet: r.sheet } : {}),
  };
}
