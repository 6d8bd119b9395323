/**
 * Reading CSV the way the notebook's `pandas.read_csv` does, plus the encodings and delimiters it
 * cannot read. Framework-free: runs in the browser, in a worker and in Node.
 */
export * from './types';
export { readCsv, readCsvPart, readCsvStream, encodingName } from './read';
export {
  detectEncoding,
  decodeChunks,
  decodeWithFallback,
  sizeOf,
  CSV_FILE,
  type ChunkedBytes,
  type CsvBytes,
  type DecodingPass,
  type ExpectedFile,
} from './decode';
export { detectDelimiter, delimiterName } from './detect-delimiter';
export { headerLooksLikeData, pandasColumnNames } from './header';
export { PandasTokenizer } from './tokenizer';
export { PANDAS_NA_STRINGS, isPandasNa, ColumnProfiler, profileColumn } from './pandas-values';
export type { ColumnProfile, InferredKind, ProfilerSnapshot } from './pandas-values';
