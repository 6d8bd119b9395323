/**
 * The dataset session behind the app: an engine that owns the rows, edits, history, views and
 * exports (`engine.ts`, one `commit` for every change), served in a Web Worker (`api.ts`,
 * `engine.worker.ts`), reached and watched by the page (`client.ts`), saved to IndexedDB from the
 * page as it changes (`persist.ts`).
 */
export * from './types';
export type { StreamEnd } from './stream-file';
export { Engine, DEFAULT_CHOICES, joinBadRow, ReadOnlyError, type EngineEvent, type HistoryStep, type LoadOutcome, type SessionState } from './engine';
export { EngineService, RETRYABLE, type EngineApi, type OpenedSession, type ServiceEvent } from './api';
export { createEngineClient, EngineStoppedError, type ClientEvent, type ClientOptions, type EngineClient, type RestoreOutcome } from './client';
export { SessionStore, describeStorageError, type SaveState, type SavedRead, type SavedSession } from './persist';
export { exportGate, type ExportGate } from './export-gate';
export { answerModeOf, guessMapping } from './mapping';
export { readCsvTable, readJsonlTable, readTable, type TableRead } from './read-table';
export { chosenModel, modelThresholds } from './tokens';
