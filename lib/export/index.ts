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
  LAYOUT_NAMES,
  RENAMED_TARGETS,
  TARGETS,
  isExportTarget,
  targetsIn,
  type ConversationRules,
  type ExportTarget,
  type FileLimitName,
  type Layout,
  type LimitSource,
  type PublishedLimit,
  type Recommendation,
  type TargetGroup,
  type TargetInfo,
  type TargetLimits,
  type TargetNotice,
} from './targets';
export { ExampleCollector, where, type CollectorOptions, type ExportFiles, type ExportOutcome, type CollectorStart, type GroupTexts } from './collector';
export { exportCsv, type CsvExportResult } from './from-csv';
