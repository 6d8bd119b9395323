import { Dataset, exportDataset } from '../lib/dataset';
import { readCsvTable, readJsonlTable } from '../lib/engine';
import { csvOptionsOfManifest, exportCsv, settingsOfManifest, type ExportFiles, type GroupTexts, type Manifest } from '../lib/export';
import { nearDuplicateGroupIds } from '../lib/quality';
import { workbookKind, workbookToCsv } from '../lib/xlsx';
import type { CsvOptions } from '../lib/csv';

export type Remade = { ok: true; files: ExportFiles } | { ok: false; reason: string };

/**
 * The export made again in memory from the input's bytes and a manifest's settings, by the path
 * that made it: `trainset export`'s (`exportCsv`) for a CSV read whole, the app's (the file read
 * as a table, then `exportDataset`) for a JSONL training file or a CSV whose unreadable rows the
 * app left out; a workbook's sheet (the manifest names it) read as CSV first. Loaded only by `verify --input`.
 */
export function remakeFiles(input: Uint8Array, manifest: Manifest): Remade {
  const settings = settingsOfManifest(manifest);
  const given = csvOptionsOfManifest(manifest);
  // An Excel workbook is read as `trainset export` and the app read it: its sheet as the CSV Excel would save.
  const sheet = workbookKind(input) === null ? null : workbookToCsv(input, given.sheet);
  if (sheet && !sheet.ok) {
    // A manifest written before manifests named the sheet: it cannot say which of several sheets was read.
    if (sheet.problem.code === 'choose-sheet' && given.sheet === undefined) {
      return {
        ok: false,
        reason: `the manifest does not say which sheet was read, and the workbook has several (${(sheet.sheets ?? []).map((n) => JSON.stringify(n)).join(', ')}). Export again with --sheet NAME: the new manifest names the sheet, and verify --input reads it.`,
      };
    }
    return { ok: false, reason: sheet.problem.message };
  }
  const bytes = sheet ? sheet.csv : input;
  const csv: CsvOptions = sheet ? { ...given, encoding: 'utf-8', delimiter: ',' } : given;
  const similarity = manifest.settings.keepNearDuplicatesTogether?.similarity;
  const groupTexts: GroupTexts | undefined = similarity === undefined ? undefined : (texts) => nearDuplicateGroupIds(texts, similarity);
  const { format, unreadRows } = manifest.input;
  if (format === 'csv' && unreadRows === 0) {
    const r = exportCsv(bytes, settings, csv, undefined, groupTexts ? { groupTexts } : {});
    if (r.ok) return { ok: true, files: r.files };
    return { ok: false, reason: r.kind === 'unreadable' ? r.problem.message : r.problems[0]!.message };
  }
  const read = format === 'jsonl' ? readJsonlTable(bytes, csv) : readCsvTable(bytes, csv);
  if (!read.ok) return { ok: false, reason: read.problem.message };
  const ds = Dataset.fromColumns(read.header, read.columns, read.lines, read.numbers);
  const outcome = exportDataset(ds, settings, groupTexts ? { groupTexts } : {});
  return outcome.ok ? { ok: true, files: outcome.files } : { ok: false, reason: outcome.problems[0]!.message };
}
