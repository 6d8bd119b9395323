import { ExampleCollector, type CollectorOptions, type ExportOutcome, type ExportSettings } from '../export';
import type { Dataset } from './dataset';

/**
 * The reviewed rows → train/validation JSONL: the live rows, in export order (file order, added
 * rows last), go through the same collector the CLI feeds from the file, so an unedited dataset
 * gives the notebook's bytes. Problems name rows by their grid number and, for uploaded rows, the
 * file line. A column the settings name but the header lacks is a problem value, not an exception.
 * The files are made from the rows as they are now, even when written after the rows changed.
 */
export function exportDataset(ds: Dataset, settings: ExportSettings, options: CollectorOptions = {}): ExportOutcome {
  const ids = ds.liveIdsShared().slice();
  const textCol = ds.header.indexOf(settings.textColumn);
  // The dataset keeps every message: they are escaped straight into the files as these are written,
  // not escaped and copied first. The column is copied (a reference a row, not the texts), so files
  // written later, or in slices while edits come in, are still the rows as they are now.
  const texts = textCol >= 0 && options.keepText !== false ? ds.column(textCol).slice() : [];
  const messageOf = (position: number): string => texts[ids[position]!] ?? '';
  const start = ExampleCollector.start(ds.header, settings, { messageOf, ...options });
  if (!start.ok) return { ok: false, problems: start.problems, problemCount: start.problems.length };
  const { collector } = start;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    collector.add(ds.row(id), ds.rowNumber(id), ds.line(id));
  }
  return collector.finish();
}
