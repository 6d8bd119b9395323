/**
 * The dataset session behind the app: an engine that owns the rows, edits, history, views and
 * exports, run in a Web Worker, saved to IndexedDB as it changes.
 */
export * from './types';
export { Engine, DEFAULT_CHOICES, joinBadRow, type LoadOutcome, type SessionState } from './engine';
export type { EngineApi, RestoredSession } from './api';
export { createEngineClient } from './client';
export { answerModeOf, guessMapping } from './mapping';
export { chosenModel, modelThresholds } from './tokens';
