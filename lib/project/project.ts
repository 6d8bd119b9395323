/**
 * The project file, `NAME.trainset`: a whole session in one file, to hand the work on. A zip
 * (fflate) holding, in this order:
 *
 * - `trainset-project.json`: the index (format name and version, the Trainset that wrote it, the
 *   source file's name, size, CRC-32 and reading options, the column mapping, the whole change
 *   history with its undo position (review status is part of it), the settings and thresholds with
 *   the "Not a typo" words, the rows set aside). Written first, so that a project is recognised
 *   from the file's first bytes (`isProjectFile`), whatever its name.
 * - `source/NAME`: the original file's bytes, untouched.
 * - `manifest.json` (optional): the export these settings made when the project was saved.
 *
 * Reading treats the file as untrusted input, as the saved session in the browser is read: a
 * newer format is refused with what to do; a damaged history keeps every change up to the damage
 * and says what was dropped; a damaged index still opens the file alone; a damaged or missing
 * source file refuses the project (its edits would apply to other data). Never an exception.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { CsvOptions } from '../csv';
import { recoverHistorySnapshot, type HistorySnapshot } from '../dataset';
import type { ColumnMapping } from '../engine/types';
import { TRAINSET_VERSION } from '../version';
import { crc32 } from './crc32';

export const PROJECT_EXTENSION = '.trainset';
export const PROJECT_FORMAT = 'trainset-project';
/** Raised when a reader of the old format could no longer restore a session exactly. */
export const PROJECT_VERSION = 1;
const INDEX = 'trainset-project.json';

/** A session as a project holds it. `choices` is unchecked: read it with `parseChoices`. */
export interface ProjectContent {
  file: { name: string; bytes: Uint8Array; options: CsvOptions; savedAt: number };
  mapping: ColumnMapping | null;
  history: HistorySnapshot;
  choices: unknown;
  handledBadLines: number[];
  /** When the session last changed (ms since 1970). */
  savedAt: number;
  /** The export of these settings, as `manifest.json` describes one: its text when written (kept byte for byte), parsed when read. */
  manifest?: unknown;
}

/** The index as written (version 1). */
interface ProjectIndex {
  format: typeof PROJECT_FORMAT;
  version: number;
  tool: { name: 'trainset'; version: string };
  savedAt: string;
  source: { path: string; name: string; bytes: number; crc32: number; options: CsvOptions };
  mapping: ColumnMapping | null;
  history: HistorySnapshot;
  choices: unknown;
  handledBadLines: number[];
}

export type ProjectRead = { ok: true; project: ProjectContent; damage: string[] } | { ok: false; reason: string };

/** The project file's bytes. The same session saved at the same moment gives the same bytes. */
export function writeProject(p: ProjectContent): Uint8Array {
  const path = `source/${p.file.name.replace(/[\\/:]/g, '_') || 'data.csv'}`;
  const index: ProjectIndex = {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    tool: { name: 'trainset', version: TRAINSET_VERSION },
    savedAt: new Date(p.savedAt).toISOString(),
    source: { path, name: p.file.name, bytes: p.file.bytes.length, crc32: crc32(p.file.bytes), options: p.file.options },
    mapping: p.mapping,
    history: p.history,
    choices: p.choices,
    handledBadLines: p.handledBadLines,
  };
  const mtime = new Date(Math.max(p.savedAt, Date.UTC(1980, 0, 2)));
  const entries: Zippable = {
    [INDEX]: [strToU8(`${JSON.stringify(index, null, 2)}\n`), { level: 6, mtime }],
    [path]: [p.file.bytes, { level: 6, mtime }],
  };
  if (p.manifest !== undefined) {
    const text = typeof p.manifest === 'string' ? p.manifest : `${JSON.stringify(p.manifest, null, 2)}\n`;
    entries['manifest.json'] = [strToU8(text), { level: 6, mtime }];
  }
  return zipSync(entries);
}

/** Whether these bytes (the first 64 are enough) start a project file: a zip whose first entry is the index. */
export function isProjectFile(head: Uint8Array): boolean {
  return zipStartsWith(head, INDEX);
}

/** Whether these bytes start a ZIP whose first entry is named `name` (its local header: 30 bytes, then the name). */
export function zipStartsWith(head: Uint8Array, name: string): boolean {
  if (head.length < 30 + name.length) return false;
  if (head[0] !== 0x50 || head[1] !== 0x4b || head[2] !== 0x03 || head[3] !== 0x04) return false;
  const nameLength = head[26]! | (head[27]! << 8);
  if (nameLength !== name.length) return false;
  for (let i = 0; i < name.length; i++) if (head[30 + i] !== name.charCodeAt(i)) return false;
  return true;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isMapping(v: unknown): v is ColumnMapping {
  return isObject(v) && typeof v.text === 'string' && Array.isArray(v.labels) && v.labels.length > 0 && v.labels.every((l) => typeof l === 'string');
}

function csvOptions(v: unknown): CsvOptions {
  if (!isObject(v)) return {};
  const out: CsvOptions = {};
  if (typeof v.encoding === 'string') out.encoding = v.encoding as CsvOptions['encoding'];
  if (typeof v.delimiter === 'string' && v.delimiter.length === 1) out.delimiter = v.delimiter;
  if (typeof v.header === 'boolean') out.header = v.header;
  return out;
}

/** A project file read back, as untrusted input (see the module's comment). `fileName` names it in messages. */
export function readProject(bytes: Uint8Array, fileName: string): ProjectRead {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (e) {
    return {
      ok: false,
      reason: `${fileName} is damaged: its zip structure cannot be read (${(e as Error).message}). Download the project again from the browser it was made in, or upload the original CSV.`,
    };
  }
  const sources = Object.keys(entries).filter((k) => k.startsWith('source/') && k.length > 'source/'.length);
  const indexBytes = entries[INDEX];
  if (!indexBytes) return { ok: false, reason: `${fileName} is a zip file but not a Trainset project (it has no ${INDEX}). Upload the CSV itself.` };
  let index: unknown;
  try {
    index = JSON.parse(strFromU8(indexBytes));
  } catch (e) {
    // The edits are lost, but the data itself can still be opened.
    const only = sources.length === 1 ? sources[0]! : null;
    if (!only)
      return { ok: false, reason: `${fileName} is damaged: its index cannot be read (${(e as Error).message}), and no single source file is left to open.` };
    const name = only.slice('source/'.length);
    return {
      ok: true,
      project: {
        file: { name, bytes: entries[only]!, options: {}, savedAt: 0 },
        mapping: null,
        history: { changes: [], position: 0 },
        choices: null,
        handledBadLines: [],
        savedAt: 0,
      },
      damage: [`the project's index was damaged (${(e as Error).message}): the file ${name} was opened without its edits, settings or review`],
    };
  }
  if (!isObject(index) || index.format !== PROJECT_FORMAT)
    return { ok: false, reason: `${fileName} is not a Trainset project (its index names no Trainset project format).` };
  const version = index.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: `${fileName} is damaged: its format version (${JSON.stringify(version)}) is not one Trainset wrote.` };
  }
  if (version > PROJECT_VERSION) {
    const by = isObject(index.tool) && typeof index.tool.version === 'string' ? `Trainset ${index.tool.version}` : 'a newer Trainset';
    return {
      ok: false,
      reason:
        `${fileName} was saved by ${by} (project format ${version}); this Trainset (${TRAINSET_VERSION}) reads format ${PROJECT_VERSION} and could not restore it exactly. ` +
        'Open it with the newer Trainset, or export a CSV there and upload that.',
    };
  }

  const source = isObject(index.source) ? index.source : {};
  const given = typeof source.path === 'string' ? source.path : (sources[0] ?? '');
  // Only a data file under source/ that the zip really holds (the index is untrusted).
  const path = given.startsWith('source/') && Object.hasOwn(entries, given) ? given : '';
  const data = path ? entries[path] : undefined;
  if (!data)
    return {
      ok: false,
      reason: `${fileName} is damaged: the data file it was made from (${path || 'source/…'}) is missing from it, so its edits cannot be applied.`,
    };
  if ((typeof source.bytes === 'number' && source.bytes !== data.length) || (typeof source.crc32 === 'number' && source.crc32 !== crc32(data))) {
    return {
      ok: false,
      reason: `${fileName} is damaged: the data file inside it (${path.slice('source/'.length)}) is not the one its edits were made on (its size or checksum differs). Download the project again, or upload the original file.`,
    };
  }
  const name = typeof source.name === 'string' && source.name !== '' ? source.name : path.slice('source/'.length);

  const damage: string[] = [];
  const history = isObject(index.history) ? index.history : {};
  const changes = Array.isArray(history.changes) ? (history.changes as unknown[]) : [];
  if (!Array.isArray(history.changes)) damage.push('the edit history was missing or damaged: the file was opened without its edits');
  const position = typeof history.position === 'number' && Number.isInteger(history.position) && history.position >= 0 ? history.position : changes.length;
  const recovered = recoverHistorySnapshot(changes, Math.min(position, changes.length));
  const lost = changes.length - recovered.snapshot.changes.length;
  if (lost > 0)
    damage.push(`${lost === 1 ? '1 edit was' : `${lost} edits were`} damaged and could not be restored${recovered.error ? ` (${recovered.error})` : ''}`);
  const mapping = isMapping(index.mapping) ? index.mapping : null;
  if (index.mapping != null && !mapping) damage.push('the column choice was damaged: choose the columns again');
  const handled = Array.isArray(index.handledBadLines) ? index.handledBadLines.filter((n): n is number => Number.isInteger(n)) : [];
  const savedAt = typeof index.savedAt === 'string' && !Number.isNaN(Date.parse(index.savedAt)) ? Date.parse(index.savedAt) : 0;
  let manifest: unknown;
  if (entries['manifest.json']) {
    try {
      manifest = JSON.parse(strFromU8(entries['manifest.json']));
    } catch {
      damage.push('its manifest.json was damaged and was left out (nothing else depends on it)');
    }
  }
  return {
    ok: true,
    project: {
      file: { name, bytes: data, options: csvOptions(source.options), savedAt },
      mapping,
      history: recovered.snapshot,
      choices: index.choices ?? null,
      handledBadLines: handled,
      savedAt,
      ...(manifest !== undefined ? { manifest } : {}),
    },
    damage,
  };
}

/** `NAME.trainset` for a data file `NAME.csv` (or any other name). */
export function projectFileName(dataFileName: string): string {
  const base = dataFileName.replace(/\.[^./\\]+$/, '') || 'dataset';
  return `${base}${PROJECT_EXTENSION}`;
}
