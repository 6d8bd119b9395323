/**
 * The app's state: one zustand store made of slices (dataset, view, history, export), whose
 * actions are thin calls into the engine. Only this folder of lib/ imports zustand (vanilla).
 */
export { AUTO_CHECK_MAX_ROWS, createTrainsetStore, parseValidationShare, type StoreDeps } from './store';
export type * from './types';
