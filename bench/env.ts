// What the benches share: finding the project and ../shared/bench, checking GNU time and the
// notebook's Python, reading sizes from the command line, and the figures' units and progress lines.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Absolute paths on purpose: the figures are stated against Debian's python3 with its pandas and
// sklearn packages, and against GNU time's %M, not whatever a PATH (or a venv) happens to offer.
/** GNU time, which reports wall seconds and peak memory. */
export const TIME = '/usr/bin/time';
/** The Python that runs gen_csv.py and the notebook pipeline. */
export const PYTHON = '/usr/bin/python3';
/** The files an export writes, by the CLI and by the notebook alike. */
export const OUTPUT_FILES = ['train.jsonl', 'validation.jsonl'] as const;

// --- errors --------------------------------------------------------------------------------------

/** A problem the user can fix, or a step of the run that failed (exit 1, plain message, no stack trace). */
export class BenchError extends Error {}
/** A mistake on the command line (exit 2, with the usage text). */
export class UsageError extends Error {}
/** Ctrl-C or a CI cancel: stop, clean up, exit 128 + signal. */
export class Interrupted extends Error {
  constructor(readonly signal: NodeJS.Signals) {
    super(`interrupted by ${signal}`);
  }
}

// --- command line --------------------------------------------------------------------------------

/**
 * A row count as written on the command line: digits with an optional k or M suffix (either case,
 * blanks around allowed), scaled. Null when the text is not of that form; the range is not checked.
 */
function scaledRowCount(text: string): number | null {
  const m = /^\s*(\d+)([kKmM]?)\s*$/.exec(text);
  if (!m) return null;
  const scale = { '': 1, k: 1_000, m: 1_000_000 }[m[2]!.toLowerCase()] ?? 1;
  return Number(m[1]) * scale;
}

/** `--sizes`: comma-separated row counts, each a positive whole number (k and M suffixes allowed). */
export function parseSizes(text: string): number[] {
  return text.split(',').map((item) => {
    const n = scaledRowCount(item);
    if (n === null) throw new UsageError(`--sizes: ${JSON.stringify(item)} is not a row count (e.g. 10000, 100k, 1M)`);
    if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`--sizes: ${JSON.stringify(item)} is not a positive whole number`);
    return n;
  });
}

// --- environment ---------------------------------------------------------------------------------

/** Where a bench finds its scripts and keeps its generated CSVs. */
export interface BenchPaths {
  /** The project root (the directory holding package.json). */
  root: string;
  /** shared/bench, with gen_csv.py and seed_pipeline.py. */
  benchDir: string;
  /** The generated CSVs, shared by both benches. */
  cacheDir: string;
}

/**
 * The directory holding package.json, found upward from bench/ so any cwd works.
 *
 * @param script - the calling script, as named in the error (e.g. `bench/cli.ts`).
 */
export function findProjectRoot(script: string): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new BenchError(`cannot find the project root (no package.json above ${script})`);
    dir = parent;
  }
  return dir;
}

/** shared/bench: $TRAINSET_SHARED/bench, else ../shared/bench beside the project, as in CI. */
export function findBenchDir(root: string): string {
  const override = process.env.TRAINSET_SHARED;
  const shared = override ? path.resolve(override) : path.resolve(root, '..', 'shared');
  const benchDir = path.join(shared, 'bench');
  const missing = ['gen_csv.py', 'seed_pipeline.py'].filter((f) => !fs.existsSync(path.join(benchDir, f)));
  if (missing.length > 0) {
    const from = override ? 'from TRAINSET_SHARED' : 'beside the project; set TRAINSET_SHARED to the shared folder if it lives elsewhere';
    throw new BenchError(`scripts not found: looked for ${missing.join(' and ')} in ${benchDir} (${from})`);
  }
  return benchDir;
}

/** Throws unless GNU time is at {@link TIME}: it is what reports peak memory; BSD time (and the shell keyword) has no -f. */
export function checkTime(): void {
  const probe = spawnSync(TIME, ['-f', '%e %M', 'true'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0 || !/^\d+(\.\d+)? \d+$/m.test(probe.stderr)) {
    throw new BenchError(`GNU time is needed at ${TIME} to measure seconds and peak memory; install it with: apt-get install -y time`);
  }
}

/** Null when the notebook can run, else a plain reason with the fix. */
export function checkNotebook(): string | null {
  const probe = spawnSync(PYTHON, ['-c', 'import pandas, sklearn'], { encoding: 'utf8' });
  if (probe.error) return `${PYTHON} not found; install it with: apt-get install -y python3 python3-pandas python3-sklearn`;
  if (probe.status !== 0) return `${PYTHON} cannot import pandas and sklearn; install them with: apt-get install -y python3-pandas python3-sklearn`;
  return null;
}

/**
 * The CSV cache (node_modules/.cache/trainset-bench, created if missing) and a fresh directory in it
 * for this run's outputs, so that they share the CSVs' disk.
 *
 * @param prefix - the start of the run directory's name (e.g. `run-`).
 */
export function makeWorkDirs(root: string, prefix: string): { cacheDir: string; workDir: string } {
  const cacheDir = path.join(root, 'node_modules', '.cache', 'trainset-bench');
  fs.mkdirSync(cacheDir, { recursive: true });
  const workDir = fs.mkdtempSync(path.join(cacheDir, prefix));
  return { cacheDir, workDir };
}

// --- output --------------------------------------------------------------------------------------

/** A progress line for one size; progress goes to stderr so stdout holds only the results. */
export function progress(rows: number, message: string): void {
  process.stderr.write(`[${formatRows(rows)}] ${message}\n`);
}

/** The machine in one line: CPUs, RAM and Node version. */
export function machine(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? 'unknown CPU';
  return `${cpus.length} × ${model}, ${formatMb(os.totalmem())} MB RAM, Node ${process.version}`;
}

const MB = 2 ** 20;

/** "10,000" rather than "10000": the sizes differ by powers of ten and must be told apart at a glance. */
export function formatRows(rows: number): string {
  return rows.toLocaleString('en-US');
}

/** Bytes as MB (2^20, the unit /usr/bin/time's %M and the notebook's own figures use) with one decimal. */
export function formatMb(bytes: number): string {
  return (bytes / MB).toFixed(1);
}
