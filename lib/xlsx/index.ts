/**
 * Reading Excel workbooks (.xlsx) as the notebook would see them had the sheet been saved as CSV:
 * a sheet becomes the CSV text Excel would write, which the CSV reader then reads like any other.
 * Framework-free: runs in the browser, in a worker and in Node.
 */
export * from './types';
export { workbookToCsv } from './read';
export { mayBeWorkbook, workbookKind, type WorkbookKind } from './sniff';
export { formatNumber } from './number-format';
