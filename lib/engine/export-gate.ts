import type { CheckReport, CheckResult } from '../quality';
import type { SplitPreview } from './types';

/**
 * Whether the files may be downloaded now, and if not why: the split cannot be made (the
 * exporter's problems, each with its row), or an error-level check fired (a file the target
 * service refuses, too few examples, …). The export card shows it; `download` enforces it.
 */
export type ExportGate =
  | { ok: true }
  | { ok: false; reason: 'not-ready' }
  | { ok: false; reason: 'split'; split: Extract<SplitPreview, { ok: false }> }
  | { ok: false; reason: 'errors'; blocking: CheckResult[] };

export function exportGate(split: SplitPreview | null, checks: CheckReport | null): ExportGate {
  if (!split) return { ok: false, reason: 'not-ready' };
  if (!split.ok) return { ok: false, reason: 'split', split };
  const blocking = checks?.checks.filter((c) => c.severity === 'error') ?? [];
  return blocking.length > 0 ? { ok: false, reason: 'errors', blocking } : { ok: true };
}
