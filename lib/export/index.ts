/**
 * Rows → chat-format JSONL split into train and validation, byte for byte what the notebook writes
 * (json.dumps + sklearn's train_test_split). Framework-free: the CLI and the app both call this.
 */
export * from './types';
export { pythonJsonString, compactJsonString } from './python-json';
export { chatFormat, type ChatFormat } from './chat-format';
export { ExampleCollector, where, type ExportFiles, type ExportOutcome, type CollectorStart } from './collector';
export { exportCsv, type CsvExportResult } from './from-csv';
