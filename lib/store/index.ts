/**
 * The app's state: one zustand store made of slices (dataset, view, history, export, derived, review),
 * each in its own file, whose actions are thin calls into the engine. Only this folder of lib/
 * imports zustand (vanilla).
 */
export { createTrainsetStore, type StoreDeps } from './store';
export type { StreamedDownload } from './context';
export { AUTO_CHECK_MAX_ROWS, AUTO_TOKENS_MAX_ROWS, gateOf } from './derived-slice';
export { suggestionsOf } from './review-slice';
export { parseValidationShare } from './export-slice';
export { sessionInitial, fileInitial } from './initial-state';
export type * from './types';
