/**
 * Several files read as one dataset (HWU64 ships one CSV per intent; teams export a sheet a month).
 *
 * The files travel as one bundle, so everything that keeps a dataset (the saved session, the
 * project file, a worker rebuilt after a crash) keeps every source file, untouched, with no second
 * path: a ZIP, stored without compression, whose first entry is `trainset-sources.json` (the files'
 * names in the order given) followed by `source/1/NAME`, `source/2/NAME`, … Its first bytes tell it
 * apart from a project or a workbook (also ZIPs), whatever its name.
 *
 * Reading it is what the notebook would do with `pd.concat([pd.read_csv(f) for f in files])`: each
 * file read on its own (its own encoding, delimiter, quirks), the rows appended in the order given.
 * Files whose columns differ are not combined until the user says how (`combine`): every column
 * (a file's missing cells empty, pandas' `join='outer'`) or only the columns all share
 * (`join='inner'`). Each row remembers its file in a last column, `source` (the file's name
 * without its extension, so that it can serve as the label when the label is only in the names).
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { zipStartsWith } from '../project/project';

const INDEX = 'trainset-sources.json';
const FORMAT = 'trainset-sources';

/** One file of the bundle, as given. */
export interface SourceFile {
  name: string;
  bytes: Uint8Array;
}

/** How files whose columns differ are combined: every column, or the columns all of them have. */
export type Combine = 'all' | 'shared';

/** Pack the files, in this order, as one bundle (the bytes are stored as they are). */
export function packSources(files: readonly SourceFile[]): Uint8Array {
  const entries: Zippable = { [INDEX]: strToU8(JSON.stringify({ format: FORMAT, version: 1, files: files.map((f) => f.name) })) };
  files.forEach((f, i) => {
    entries[`source/${i + 1}/${f.name}`] = f.bytes;
  });
  // Level 0: the files are kept as they are, and packing costs a copy, not a compression.
  // A fixed date: the same files in the same order make the same bytes (a stable input hash in the manifest).
  return zipSync(entries, { level: 0, mtime: new Date(1980, 0, 1) });
}

/** True when these first bytes (64 are enough) begin a bundle of several files. */
export function isSourcesBundle(head: Uint8Array): boolean {
  return zipStartsWith(head, INDEX);
}

/** The files of a bundle in their order, or why it cannot be read. */
export function unpackSources(bytes: Uint8Array): { ok: true; files: SourceFile[] } | { ok: false; reason: string } {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch {
    return { ok: false, reason: 'the bundle of files is damaged (it is not a complete ZIP). Upload the files again.' };
  }
  let names: unknown;
  try {
    const index = JSON.parse(strFromU8(entries[INDEX] ?? new Uint8Array())) as { format?: unknown; version?: unknown; files?: unknown };
    if (index.format !== FORMAT) throw new Error('not a bundle');
    if (typeof index.version !== 'number' || index.version > 1)
      return { ok: false, reason: 'the files were bundled by a newer Trainset. Open them with that version, or upload the files again.' };
    names = index.files;
  } catch {
    return { ok: false, reason: 'the list of files in the bundle is damaged. Upload the files again.' };
  }
  if (!Array.isArray(names) || names.length === 0 || !names.every((n) => typeof n === 'string'))
    return { ok: false, reason: 'the list of files in the bundle is damaged. Upload the files again.' };
  const files: SourceFile[] = [];
  for (const [i, name] of (names as string[]).entries()) {
    const data = entries[`source/${i + 1}/${name}`];
    if (!data) return { ok: false, reason: `${name} is missing from the bundle of files. Upload the files again.` };
    files.push({ name, bytes: data });
  }
  return { ok: true, files };
}

/** The name a bundle goes by: "alarm_query.csv and 63 more files". */
export function bundleName(names: readonly string[]): string {
  if (names.length === 1) return names[0]!;
  const more = names.length - 1;
  return `${names[0]} and ${more} more ${more === 1 ? 'file' : 'files'}`;
}

/** A file's name as its rows' `source` (and label, if chosen): without folders and extension. */
export function sourceValue(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** The name of the column that says each row's file: `source`, or `source 2`… when a file has that column already. */
export function sourceColumnName(header: readonly string[]): string {
  if (!header.includes('source')) return 'source';
  let n = 2;
  while (header.includes(`source ${n}`)) n++;
  return `source ${n}`;
}

/** How one file's columns differ from the first file's. */
export interface ColumnDifference {
  file: string;
  /** The first file's columns this one lacks. */
  missing: string[];
  /** Columns this one has that the first lacks. */
  extra: string[];
}

/**
 * The combined header and, for each file, where its columns go (-1: not kept). Same names in any
 * order count as the same columns (pandas aligns by name); they follow the first file's order.
 */
export function combineHeaders(
  headers: readonly (readonly string[])[],
  names: readonly string[],
  combine: Combine | undefined,
): { ok: true; header: string[]; placeOf: number[][] } | { ok: false; differences: ColumnDifference[] } {
  const first = headers[0]!;
  const differences: ColumnDifference[] = [];
  headers.forEach((h, i) => {
    if (i === 0) return;
    const missing = first.filter((c) => !h.includes(c));
    const extra = h.filter((c) => !first.includes(c));
    if (missing.length > 0 || extra.length > 0) differences.push({ file: names[i]!, missing, extra });
  });
  if (differences.length > 0 && !combine) return { ok: false, differences };
  let header: string[];
  if (combine === 'shared') header = first.filter((c) => headers.every((h) => h.includes(c)));
  else {
    header = [...first];
    for (const h of headers) for (const c of h) if (!header.includes(c)) header.push(c);
  }
  const placeOf = headers.map((h) => h.map((c) => header.indexOf(c)));
  return { ok: true, header, placeOf };
}

/** "b.csv lacks inquiry; has text, which a.csv lacks." for each file that differs. */
export function describeDifferences(first: string, differences: readonly ColumnDifference[]): string[] {
  const list = (cols: string[]): string => cols.map((c) => `“${c}”`).join(', ');
  return differences.map((d) => {
    const parts: string[] = [];
    if (d.missing.length > 0) parts.push(`has no ${list(d.missing)}`);
    if (d.extra.length > 0) parts.push(`has ${list(d.extra)}, which ${first} has not`);
    return `${d.file} ${parts.join('; ')}.`;
  });
}
