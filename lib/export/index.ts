/**
 * Rows → chat-format JSONL split into train and validation, byte for byte what the notebook writes
 * (json.dumps + sklearn's train_test_split), or the same examples in another service's layout
 * (`targets.ts`). Framework-free: the CLI and the app both call this.
 */
export * from './types';
export { pythonJsonString, compactJsonString } from './python-json';
export { chatFormat, type ChatFormat } from './chat-format';
export {
  EXPORT_TARGETS,
  GENERIC_RECOMMENDATION,
  TARGETS,
  isExportTarget,
  type ExportTarget,
  type FileLimitName,
  type LimitSource,
  type PublishedLimit,
  type Recommendation,
  type TargetInfo,
  type TargetLimits,
} from './targets';
export { ExampleCollector, where, type CollectorOptions, type ExportFiles, type ExportOutcome, type CollectorStart, type GroupTexts } from './collector';
export { exportCsv, type CsvExportResult } from './from-csv';
