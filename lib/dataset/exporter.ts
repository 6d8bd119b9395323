import { ExampleCollector, type CollectorOptions, type ExportOutcome, type ExportSettings } from '../export';
import type { Dataset } from './dataset';

/**
 * The reviewed rows → train/validation JSONL: the live rows, in export order (file order, added
 * rows last), go through the same collector the CLI feeds from the file, so an unedited dataset
 * gives the notebook's bytes. Problems name rows by their grid number and, for uploaded rows, the
 * file line. A column the settings name but the header lacks is a problem value, not an exception.
 */
export function exportDataset(ds: Dataset, settings: ExportSettings, options: CollectorOptions = {}): ExportOutcome {
  const start = ExampleCollector.start(ds.header, settings, options);
  if (!start.ok) return { ok: false, problems: start.problems, problemCount: start.problems.length };
  const { collector } = start;
  const ids = ds.liveIdsShared();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    collector.add(ds.row(id), ds.rowNumber(id), ds.line(id));
  }
  return collector.finish();
}
