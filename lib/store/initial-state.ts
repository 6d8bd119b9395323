import { DEFAULT_CHOICES, type DatasetStatus } from '../engine';
import type { DatasetSlice, DerivedSlice, ExportSlice, HistorySlice, ReviewSlice, ViewSlice } from './types';

/** Everything a slice holds except its actions. */
type Data<T> = { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: T[K] };

export const EMPTY_STATUS: DatasetStatus = {
  rows: 0,
  editedCells: 0,
  canUndo: false,
  canRedo: false,
  undoLabel: null,
  redoLabel: null,
  revision: 0,
  review: { unreviewed: 0, reviewed: 0, flagged: 0, changed: 0 },
};

export const datasetInitial: Data<DatasetSlice> = {
  phase: 'starting',
  progress: null,
  meta: null,
  loadError: null,
  sheetChoice: null,
  columnsChoice: null,
  restored: null,
  restoreFailure: null,
  otherTab: false,
  saveState: { unsaved: 0, error: null },
  engineNotice: null,
};

export const viewInitial: Data<ViewSlice> = {
  sort: null,
  filters: {},
  search: { text: '', col: null },
  editedOnly: false,
  reviewFilter: null,
  only: null,
  length: 0,
  rowsVersion: 0,
  viewPending: null,
};

export const historyInitial: Data<HistorySlice> = { status: EMPTY_STATUS, values: {} };

export const exportInitial: Data<ExportSlice> = {
  choices: DEFAULT_CHOICES,
  testSizeText: '20%',
  testSizeError: null,
  neutralizeFormulas: true,
  csvReviewStatus: false,
  csvSourceColumn: false,
  exportProblems: null,
  busy: null,
  savingBytes: null,
  lastDownload: null,
};

export const reviewInitial: Data<ReviewSlice> = {
  review: null,
  reviewRow: null,
  lastReviewOrder: 'suspicious',
};

export const derivedInitial: Data<DerivedSlice> = {
  distribution: null,
  split: null,
  checks: null,
  suspects: null,
  slowChecks: null,
  suspectProgress: null,
  suspectError: null,
  checksOnDemand: false,
  formatStates: null,
  tokenReport: null,
  tokenReportStale: false,
  tokenProgress: null,
  tokenError: null,
  tokenizers: [],
};

const { rowsVersion: _keepCounting, ...viewOfAFile } = viewInitial;

/**
 * What belongs to one file, so a new file (or a restored session) starts from it: its view, what
 * was computed from it, its column values, and every message about it (the last download's
 * included: it described the previous file). The settings stay: they are the user's.
 */
export const fileInitial = {
  ...viewOfAFile,
  ...derivedInitial,
  review: null,
  reviewRow: null,
  values: {},
  exportProblems: null,
  lastDownload: null,
  loadError: null,
  sheetChoice: null,
  columnsChoice: null,
  restored: null,
  restoreFailure: null,
  engineNotice: null,
} satisfies Partial<Data<DatasetSlice & ViewSlice & HistorySlice & ExportSlice & DerivedSlice & ReviewSlice>>;

/** Start over: nothing of the session stays but the tab's own facts (read-only, save state) and the render counter. */
export const sessionInitial = {
  ...fileInitial,
  phase: 'empty',
  progress: null,
  meta: null,
  ...historyInitial,
  ...exportInitial,
} satisfies Partial<Data<DatasetSlice & ViewSlice & HistorySlice & ExportSlice & DerivedSlice & ReviewSlice>>;
