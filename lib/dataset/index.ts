/**
 * The dataset under review: column-major rows with stable ids, edits as patches with undo/redo,
 * views (sort, filter, search), statistics, find & replace, and the way out (cleaned CSV, JSONL
 * export). Plain TypeScript for the dataset worker and the tests; nothing here knows about React.
 */
export { REVIEW_STATUSES, type ApplyResult, type Change, type ColumnRoles, type Patch, type ReviewStatus, type RowId } from './types';
export { markReview, reviewWithCells, withReviewFollowUp } from './review';
export { Dataset, type EditSummary } from './dataset';
export { History, parseHistorySnapshot, recoverHistorySnapshot, replayHistory, type HistorySnapshot, type Replay, type SnapshotParse } from './history';
export {
  addRow,
  deleteRows,
  diffChange,
  moveLabels,
  relabel,
  renameValue,
  setCell,
  setCells,
  setColumn,
  setWhere,
  uniqueLiveIds,
  type LabelRef,
  type ValueMatch,
} from './changes';
export { planReplace, escapeRegExp, type ReplacePlan, type ReplacePreview, type ReplaceQuery } from './replace';
export { compareForDisplay, displayCollator, displayOrder, DisplayOrder, sortForDisplay } from './collation';
export { computeView, columnRanks, clearViewCache, lowerColumn, type ColumnRanks, type ViewQuery } from './view';
export { valueCounts, nestedCounts, type NestedCount, type ValueCount } from './stats';
export { toCsv, REVIEW_COLUMN, type CsvWriteOptions, type CsvWriteResult } from './csv-write';
export { exportDataset } from './exporter';
