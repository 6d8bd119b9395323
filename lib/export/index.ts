/**
 * Rows → chat-format JSONL split into train and validation, byte for byte what the notebook writes
 * (json.dumps + sklearn's train_test_split), or the same examples in another service's layout
 * (`targets.ts`), and the manifest that records what was written (`manifest.ts`). Framework-free:
 * the CLI and the app both call this.
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
export {
  ExampleCollector,
  where,
  type CollectorOptions,
  type ExportFiles,
  type BatchBuffers,
  type ExportOutcome,
  type CollectorStart,
  type GroupTexts,
  type PlainWrites,
  type CollectedPart,
  partTransferables,
} from './collector';
export { collectCsvPart, exportCsv, exportCsvInTwo, type CsvExportExtra, type CsvExportResult, type SecondPart, type SecondPartResult } from './from-csv';
export {
  buildManifest,
  csvOptionsOfManifest,
  EXPORT_FILE_NAMES,
  manifestOf,
  manifestText,
  MANIFEST_FILE,
  parseManifest,
  settingsOfManifest,
  TRAINSET_VERSION,
  type ExportFileName,
  type InputFacts,
  type Manifest,
  type ManifestFile,
  type ManifestInput,
  type ManifestOptions,
  type ManifestRead,
  type ManifestSettings,
} from './manifest';
export { digestBytes, FileDigester, jsSha256, sha256Hex, webSha256, type ByteSource, type FileDigest, type Sha256, type Sha256Factory } from './sha256';
