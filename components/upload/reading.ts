import { formatRows } from '@/components/app/file-facts';
import type { CsvProgress } from '@/lib/csv';

/** The progress bar's value (0–100, whole) and its text: "Reading… 12,345 rows · 40%". */
export function readingProgress(p: CsvProgress | null): { percent: number; text: string } {
  if (!p || p.totalBytes <= 0) return { percent: 0, text: 'Reading…' };
  const percent = Math.max(0, Math.min(100, Math.floor((p.bytesRead / p.totalBytes) * 100)));
  return { percent, text: `Reading… ${formatRows(p.rows)} · ${percent}%` };
}

/** "4.2 MB", "812 KB", "120 bytes" (decimal units, as file managers show them). */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} ${n === 1 ? 'byte' : 'bytes'}`;
  const units = ['KB', 'MB', 'GB'];
  let v = n / 1000;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${v >= 100 ? Math.round(v) : v.toFixed(1).replace(/\.0$/, '')} ${units[u]}`;
}

/** File types the picker offers; anything else is still read (the engine says what is wrong with it). */
export const ACCEPT = '.csv,.tsv,.txt,text/csv,.jsonl,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,.trainset';
