// The generated CSVs both benches read, made by ../shared/bench/gen_csv.py and kept between runs.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BenchError, formatRows, progress, PYTHON, type BenchPaths } from './env';
import { failure, run } from './processes';

/**
 * The generated CSV for `rows`, from the cache when present. The name carries a hash of gen_csv.py,
 * so a changed generator never serves a stale file; it is written under a temporary name and renamed,
 * so an interrupted generation never leaves a truncated file that looks cached.
 */
export async function ensureCsv(paths: BenchPaths, rows: number): Promise<{ file: string; cached: boolean }> {
  const generator = path.join(paths.benchDir, 'gen_csv.py');
  const hash = crypto.createHash('sha256').update(fs.readFileSync(generator)).digest('hex').slice(0, 10);
  const file = path.join(paths.cacheDir, `rows-${rows}-${hash}.csv`);
  if (fs.existsSync(file)) return { file, cached: true };
  removeStaleCsvs(paths.cacheDir, rows);
  progress(rows, 'generating CSV with gen_csv.py ...');
  const temp = `${file}.${process.pid}.tmp`;
  try {
    const r = await run(PYTHON, [generator, String(rows), temp], paths.root);
    if (r.code !== 0) throw new BenchError(`gen_csv.py failed for ${formatRows(rows)} rows (${failure(r)})`);
    fs.renameSync(temp, file);
  } finally {
    fs.rmSync(temp, { force: true });
  }
  return { file, cached: false };
}

/** Older generations of the same size (another generator hash, or a killed run's temp file): 180 MB each at 1M. */
function removeStaleCsvs(cacheDir: string, rows: number): void {
  for (const name of fs.readdirSync(cacheDir)) {
    if (name.startsWith(`rows-${rows}-`)) fs.rmSync(path.join(cacheDir, name), { force: true });
  }
}
