// What `npm run bench` (cli/bench.ts) and `npm run bench:browser` (cli/bench-browser.ts) share:
// finding the project and ../shared/bench, checking GNU time and the notebook's Python, the
// generated-CSV cache, and running timed child processes that a Ctrl-C or a CI cancel can stop.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatMb, formatRows, type Measure } from './bench-report';

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
export function scaledRowCount(text: string): number | null {
  const m = /^\s*(\d+)([kKmM]?)\s*$/.exec(text);
  if (!m) return null;
  const scale = { '': 1, k: 1_000, m: 1_000_000 }[m[2]!.toLowerCase()] ?? 1;
  return Number(m[1]) * scale;
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
 * The directory holding package.json, found upward from cli/ so any cwd works.
 *
 * @param script - the calling script, as named in the error (e.g. `cli/bench.ts`).
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

// --- processes -----------------------------------------------------------------------------------

/** How a child process ended, with what it wrote to stderr. */
export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** A command run under GNU time: its figures and stderr, or why it failed. */
export type Timed = { ok: true; measure: Measure; stderr: string } | { ok: false; reason: string };

let current: ChildProcess | null = null;
let interrupted: NodeJS.Signals | null = null;

/** The child process {@link run} is waiting for, if any. */
export function runningChild(): ChildProcess | null {
  return current;
}

/** The signal that interrupted the run, or null while none arrived. */
export function interruption(): NodeJS.Signals | null {
  return interrupted;
}

/**
 * Records a SIGINT or SIGTERM and returns the signal to forward to children: the same one the first
 * time, SIGKILL on a repeat. Under `npm run` a Ctrl-C arrives twice (from the terminal and relayed by
 * tsx), so a repeat escalates rather than exiting before cleanup.
 */
export function recordSignal(signal: NodeJS.Signals): NodeJS.Signals {
  const forward = interrupted ? 'SIGKILL' : signal;
  interrupted ??= signal;
  return forward;
}

/** Throws {@link Interrupted} once a signal has arrived. */
export function checkInterrupted(): void {
  if (interrupted) throw new Interrupted(interrupted);
}

/**
 * Runs a command in its own process group (so that a forwarded signal reaches all of it: GNU time
 * ignores SIGINT while it waits), keeping its stderr. Rejects with {@link Interrupted} once a signal
 * has arrived, and with {@link BenchError} when the command cannot start.
 */
export function run(command: string, args: string[], cwd: string): Promise<ProcessResult> {
  // A signal that arrived during synchronous work (comparing outputs) must not start another process.
  if (interrupted) return Promise.reject(new Interrupted(interrupted));
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    current = child;
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', (e) => reject(new BenchError(`cannot run ${command}: ${e.message}`)));
    child.on('close', (code, signal) => {
      current = null;
      if (interrupted) reject(new Interrupted(interrupted));
      else resolve({ code, signal, stderr });
    });
  });
}

/** Runs a command under `/usr/bin/time -f '%e %M'`, writing the figures to a file so they stay apart from the command's stderr. */
export async function timed(command: string[], cwd: string, timeFile: string): Promise<Timed> {
  const r = await run(TIME, ['-f', '%e %M', '-o', timeFile, ...command], cwd);
  const report = fs.existsSync(timeFile) ? fs.readFileSync(timeFile, 'utf8') : '';
  if (r.code !== 0) return { ok: false, reason: failure(r, report) };
  const measure = parseTime(report);
  if (!measure) return { ok: false, reason: `unexpected ${TIME} output in ${timeFile}` };
  return { ok: true, measure, stderr: r.stderr };
}

/** The last line of time's -o file is "%e %M"; a line before it may say the command failed. */
function parseTime(text: string): Measure | null {
  const last = text.trim().split('\n').at(-1) ?? '';
  const m = /^(\d+(?:\.\d+)?) (\d+)$/.exec(last.trim());
  return m ? { seconds: Number(m[1]), peakMb: Number(m[2]) / 1024 } : null;
}

/** Why a process failed, in one line. `timeReport` is GNU time's -o file, which names a killing signal. */
export function failure(r: ProcessResult, timeReport = ''): string {
  // First and last lines: a trainset message comes first (then usage), a Python traceback ends with the error.
  const lines = r.stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const tail = (lines.length > 1 ? [lines[0], lines.at(-1)] : lines).join(' … ').slice(0, 300);
  const killed = /terminated by signal (\d+)/.exec(timeReport)?.[1];
  // SIGKILL that we did not send is almost always the kernel's out-of-memory killer.
  const how = r.signal ? `killed by ${r.signal}` : killed ? `killed by signal ${killed}${killed === '9' ? ' (out of memory?)' : ''}` : `exit ${r.code}`;
  return tail ? `${how}: ${tail}` : how;
}

/** The numeric fields of the notebook's last `SEED {...}` stderr line (phase seconds, peak_rss_mb). */
export function parseSeed(stderr: string): Record<string, number> | undefined {
  const line = stderr
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('SEED '));
  if (!line) return undefined;
  try {
    const parsed: unknown = JSON.parse(line.slice('SEED '.length));
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, number] => typeof e[1] === 'number'));
  } catch {
    return undefined;
  }
}

// --- CSVs ----------------------------------------------------------------------------------------

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
