import type { CsvProgress } from '../csv';
import type { EngineApi } from './api';
import type { TaskProgress } from './types';

export type Method = keyof EngineApi;

export interface Request {
  id: number;
  method: Method;
  args: unknown[];
}

export type Response = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string } | { id: -1; progress: CsvProgress | TaskProgress };
