// `npm run bench`: Trainset's export against the tutorial notebook's pandas + scikit-learn pipeline
// (../shared/bench/seed_pipeline.py) on the same generated CSVs. It checks the two write the same
// bytes and prints seconds and peak memory side by side. Exit 0 only when every run of every size
// produced identical bytes; the speed and memory targets are printed, not enforced, since machines vary.
// It then times `trainset check` on each CSV as it runs by default, and with token counting
// (`--model`), which is its own figure.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_MODEL_ID } from '../lib/tokens';
import {
  formatMb,
  formatNotes,
  formatPhases,
  formatRows,
  formatTable,
  formatVerdict,
  medianMeasure,
  medianPhases,
  verdict,
  withRatios,
  type Measure,
  type SideResult,
  type SizeResult,
} from './bench-report';
import {
  BenchError,
  checkNotebook,
  checkTime,
  ensureCsv,
  findBenchDir,
  findProjectRoot,
  Interrupted,
  machine,
  makeWorkDirs,
  OUTPUT_FILES,
  parseSeed,
  progress,
  PYTHON,
  recordSignal,
  runningChild,
  scaledRowCount,
  TIME,
  timed,
  UsageError,
  type BenchPaths,
  type Timed,
} from './bench-env';

const DEFAULT_SIZES = [10_000, 100_000, 1_000_000];
const CHUNK = 1 << 20;

const USAGE = `Usage: npm run bench -- [--sizes 10000,100000,1000000] [--runs N] [--keep]

  --sizes LIST  row counts to generate and compare, comma-separated; 10k and 1M also work
                (default: 10000,100000,1000000)
  --runs N      runs per side and size; with N > 1 the median is reported (default: 1)
  --keep        keep the output directories (their path is printed at the end)

Needs GNU time at ${TIME}, and ${PYTHON} with pandas and scikit-learn for the notebook side.
The bench scripts are looked for in ../shared/bench beside the project, or in $TRAINSET_SHARED/bench.
`;

interface Options {
  sizes: number[];
  runs: number;
  keep: boolean;
}

/** Where things are, and whether the notebook side can run at all. */
interface Env extends BenchPaths {
  /** Per-invocation output directories, under cacheDir so that they share the CSVs' disk. */
  workDir: string;
  /** Why the notebook cannot run, or null when it can. */
  notebookMissing: string | null;
}

// --- command line --------------------------------------------------------------------------------

function parseOptions(argv: string[]): Options | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      sizes: { type: 'string' },
      runs: { type: 'string' },
      keep: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}`);
  return {
    sizes: values.sizes === undefined ? DEFAULT_SIZES : values.sizes.split(',').map(parseSize),
    runs: values.runs === undefined ? 1 : parseCount(values.runs, '--runs'),
    keep: values.keep ?? false,
  };
}

function parseSize(text: string): number {
  const n = scaledRowCount(text);
  if (n === null) throw new UsageError(`--sizes: ${JSON.stringify(text)} is not a row count (e.g. 10000, 10k, 1M)`);
  return parseCount(String(n), '--sizes');
}

function parseCount(text: string, option: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < 1) {
    throw new UsageError(`${option}: ${JSON.stringify(text)} is not a positive whole number`);
  }
  return n;
}

// --- environment ---------------------------------------------------------------------------------

function prepareEnv(): Env {
  checkTime();
  const root = findProjectRoot('cli/bench.ts');
  const benchDir = findBenchDir(root);
  const { cacheDir, workDir } = makeWorkDirs(root, 'run-');
  return { root, benchDir, cacheDir, workDir, notebookMissing: checkNotebook() };
}

// --- processes -----------------------------------------------------------------------------------

/**
 * Children run in their own process group so that a signal reaches all of them: GNU time ignores
 * SIGINT while it waits, and a CI cancel sends SIGTERM to this process only. The run then stops
 * and the finally block removes the outputs. Under `npm run` a Ctrl-C arrives twice (from the
 * terminal and relayed by tsx), so a repeat escalates to SIGKILL rather than exiting before cleanup.
 */
function onSignal(signal: NodeJS.Signals): void {
  const forward = recordSignal(signal);
  const current = runningChild();
  if (!current?.pid) return;
  try {
    process.kill(-current.pid, forward);
  } catch {
    // The group is already gone: nothing left to stop.
  }
}

// --- one size ------------------------------------------------------------------------------------

interface RunDirs {
  notebook: string;
  trainset: string;
  times: string;
}

/** Fresh, not yet existing output directories, so neither side pays for replacing old files. */
function runDirs(env: Env, rows: number, run: number): RunDirs {
  const base = path.join(env.workDir, String(rows), `run-${run}`);
  fs.mkdirSync(base, { recursive: true });
  return { notebook: path.join(base, 'notebook'), trainset: path.join(base, 'trainset'), times: base };
}

async function runNotebook(env: Env, csv: string, dirs: RunDirs): Promise<Timed & { seed?: Record<string, number> }> {
  const script = path.join(env.benchDir, 'seed_pipeline.py');
  const t = await timed([PYTHON, script, csv, dirs.notebook], env.root, path.join(dirs.times, 'notebook.time'));
  return t.ok ? { ...t, seed: parseSeed(t.stderr) } : t;
}

function runTrainset(env: Env, csv: string, dirs: RunDirs): Promise<Timed> {
  const cli = path.join(env.root, 'cli', 'trainset.mjs');
  const command = [process.execPath, cli, 'export', csv, '--out', dirs.trainset, '-q'];
  return timed(command, env.root, path.join(dirs.times, 'trainset.time'));
}

interface SideRuns {
  runs: Measure[];
  failed?: string;
}

function record(side: SideRuns, t: Timed): void {
  if (t.ok) side.runs.push(t.measure);
  else side.failed ??= t.reason;
}

function sideResult(side: SideRuns, missing: string | null): SideResult {
  if (missing) return { status: 'unavailable', reason: missing };
  if (side.failed) return { status: 'failed', reason: side.failed };
  return { status: 'ok', median: medianMeasure(side.runs), runs: side.runs };
}

async function benchSize(env: Env, opts: Options, rows: number): Promise<SizeResult> {
  const csv = await ensureCsv(env, rows);
  const csvBytes = fs.statSync(csv.file).size;
  progress(rows, `CSV ${formatMb(csvBytes)} MB${csv.cached ? ' (cached)' : ''}: ${path.relative(env.root, csv.file)}`);
  const notebook: SideRuns = { runs: [] };
  const trainset: SideRuns = { runs: [] };
  const seeds: Record<string, number>[] = [];
  let difference: string | undefined;
  for (let i = 1; i <= opts.runs && !notebook.failed && !trainset.failed; i++) {
    const dirs = runDirs(env, rows, i);
    const of = opts.runs > 1 ? ` run ${i}/${opts.runs}` : '';
    if (!env.notebookMissing) {
      const nb = await runNotebook(env, csv.file, dirs);
      record(notebook, nb);
      if (nb.ok && nb.seed) seeds.push(nb.seed);
      progress(rows, `notebook${of}: ${describe(nb)}`);
    }
    const ts = await runTrainset(env, csv.file, dirs);
    record(trainset, ts);
    progress(rows, `trainset${of}: ${describe(ts)}`);
    if (!env.notebookMissing && bothSucceeded(notebook, trainset, i)) {
      const differs = compareOutputs(dirs.trainset, dirs.notebook);
      progress(rows, differs ? `outputs differ: ${differs}` : 'outputs identical');
      difference ??= differs ?? undefined;
    }
    if (!opts.keep) fs.rmSync(path.dirname(dirs.notebook), { recursive: true, force: true });
  }
  const compared = !env.notebookMissing && !notebook.failed && !trainset.failed;
  return withRatios({
    rows,
    csvBytes,
    notebook: sideResult(notebook, env.notebookMissing),
    trainset: sideResult(trainset, null),
    identical: difference ? false : compared ? true : null,
    ...(difference ? { difference } : {}),
    ...(seeds.length > 0 ? { notebookPhases: medianPhases(seeds) } : {}),
  });
}

// --- check, and its token counting -------------------------------------------------------------

/** `trainset check` on one CSV, without and with token counting (the tokenizer is its slow part). */
interface CheckTiming {
  rows: number;
  /** `check` as it runs by default: characters stand in for tokens. */
  plain: Measure | { failed: string };
  /** `check --model …`: every example tokenized, costs estimated. */
  tokens: Measure | { failed: string };
}

/**
 * One run of each: the check does not write files, so its figures are steadier than the export's.
 * The generated CSVs have no error-level findings, so `check` exits 0 (1 would read as a failure).
 */
async function benchCheck(env: Env, rows: number): Promise<CheckTiming> {
  const csv = await ensureCsv(env, rows);
  const dir = path.join(env.workDir, String(rows), 'check');
  fs.mkdirSync(dir, { recursive: true });
  const check = [process.execPath, path.join(env.root, 'cli', 'trainset.mjs'), 'check', csv.file, '--json'];
  const measure = (t: Timed): Measure | { failed: string } => (t.ok ? t.measure : { failed: t.reason });
  const plain = measure(await timed(check, env.root, path.join(dir, 'plain.time')));
  progress(rows, `check: ${describeMeasure(plain)}`);
  const tokens = measure(await timed([...check, '--model', DEFAULT_MODEL_ID], env.root, path.join(dir, 'tokens.time')));
  progress(rows, `check --model ${DEFAULT_MODEL_ID} (token counting): ${describeMeasure(tokens)}`);
  return { rows, plain, tokens };
}

function describeMeasure(m: Measure | { failed: string }): string {
  return 'failed' in m ? `failed (${m.failed})` : `${m.seconds.toFixed(2)} s, ${m.peakMb.toFixed(0)} MB`;
}

/** The check's figures under the export's table: token counting is the difference between the two. */
function formatChecks(checks: CheckTiming[]): string {
  const cell = (m: Measure | { failed: string }): string => ('failed' in m ? 'failed' : `${m.seconds.toFixed(2)} s, ${m.peakMb.toFixed(0)} MB`);
  const header = ['rows', 'check', 'check --model (tokens)', 'token counting'];
  const body = checks.map((c) => [
    formatRows(c.rows),
    cell(c.plain),
    cell(c.tokens),
    'failed' in c.plain || 'failed' in c.tokens ? '-' : `+${(c.tokens.seconds - c.plain.seconds).toFixed(2)} s`,
  ]);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((row) => row[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
  return (
    `\nTrainset check (1 run each; target: 100,000 rows in 1 s, 1,000,000 in 10 s; tokens counted with ${DEFAULT_MODEL_ID}'s tokenizer)\n` +
    `${[header, ...body].map(line).join('\n')}\n`
  );
}

/** Both sides succeeded in run `i` (each has i measures), so there are two outputs to compare. */
function bothSucceeded(notebook: SideRuns, trainset: SideRuns, i: number): boolean {
  return notebook.runs.length === i && trainset.runs.length === i;
}

function describe(t: Timed): string {
  return t.ok ? `${t.measure.seconds.toFixed(2)} s, ${t.measure.peakMb.toFixed(0)} MB` : `failed (${t.reason})`;
}

// --- comparing outputs ---------------------------------------------------------------------------

/** Null when both directories hold the same bytes in each output file, else where they first differ. */
function compareOutputs(trainsetDir: string, notebookDir: string): string | null {
  for (const name of OUTPUT_FILES) {
    const a = path.join(trainsetDir, name);
    const b = path.join(notebookDir, name);
    if (!fs.existsSync(a) || !fs.existsSync(b)) return `${name} missing from the ${fs.existsSync(a) ? 'notebook' : 'trainset'} output`;
    const at = firstDifference(a, b);
    if (at !== null) return `${name}: first difference at byte ${at} (line ${lineAt(a, at)})`;
  }
  return null;
}

/**
 * Offset of the first differing byte (or the shorter file's length), or null when identical.
 * Chunked reads: at 1M rows each output is ~350 MB, and there is no reason to hold it in memory.
 */
function firstDifference(a: string, b: string): number | null {
  const fa = fs.openSync(a, 'r');
  const fb = fs.openSync(b, 'r');
  try {
    const ba = Buffer.alloc(CHUNK);
    const bb = Buffer.alloc(CHUNK);
    for (let pos = 0; ;) {
      const na = fs.readSync(fa, ba, 0, CHUNK, pos);
      const nb = fs.readSync(fb, bb, 0, CHUNK, pos);
      const n = Math.min(na, nb);
      if (!ba.subarray(0, n).equals(bb.subarray(0, n))) return pos + firstMismatch(ba, bb, n);
      if (na !== nb) return pos + n;
      if (na === 0) return null;
      pos += n;
    }
  } finally {
    fs.closeSync(fa);
    fs.closeSync(fb);
  }
}

function firstMismatch(a: Buffer, b: Buffer, n: number): number {
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  return i;
}

/** 1-based line number of byte `offset`; only computed once a difference is found. */
function lineAt(file: string, offset: number): number {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(CHUNK);
    let lines = 1;
    for (let pos = 0; pos < offset;) {
      const n = fs.readSync(fd, buf, 0, Math.min(CHUNK, offset - pos), pos);
      if (n === 0) break;
      for (let i = buf.indexOf(10); i !== -1 && i < n; i = buf.indexOf(10, i + 1)) lines++;
      pos += n;
    }
    return lines;
  } finally {
    fs.closeSync(fd);
  }
}

// --- output --------------------------------------------------------------------------------------

function printResults(results: SizeResult[], opts: Options): void {
  const runs = opts.runs > 1 ? `median of ${opts.runs} runs` : '1 run';
  const out = [
    `\nTrainset export vs notebook pipeline (${runs}; seconds are wall time, MB is peak RSS, 2^20 bytes)`,
    formatTable(results),
    formatPhases(results),
    formatNotes(results),
  ];
  const v = verdict(results);
  if (v) out.push(formatVerdict(v));
  process.stdout.write(out.filter((s) => s !== '').join('\n'));
}

function writeJson(env: Env, opts: Options, results: SizeResult[], checks: CheckTiming[], exitCode: number): string {
  const file = path.join(env.root, 'bench-results', 'bench.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const report = {
    date: new Date().toISOString(),
    machine: machine(),
    openblasCoretype: process.env.OPENBLAS_CORETYPE ?? null,
    runs: opts.runs,
    results,
    checks,
    verdict: verdict(results),
    exitCode,
  };
  fs.writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  return path.relative(env.root, file);
}

// --- main ----------------------------------------------------------------------------------------

/** Runs the benchmark and returns the exit code: 0 all identical, 1 otherwise, 2 usage error. */
async function bench(argv: string[]): Promise<number> {
  const opts = parseOptions(argv);
  if (opts === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const env = prepareEnv();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    process.stderr.write(`bench: ${machine()}\nbench: scripts in ${env.benchDir}, CSV cache in ${path.relative(env.root, env.cacheDir)}\n`);
    if (env.notebookMissing) process.stderr.write(`bench: notebook: not available (${env.notebookMissing}); timing trainset only\n`);
    const results: SizeResult[] = [];
    const checks: CheckTiming[] = [];
    for (const rows of opts.sizes) {
      results.push(await benchSize(env, opts, rows));
      checks.push(await benchCheck(env, rows));
    }
    const exitCode = results.every((r) => r.identical === true) ? 0 : 1;
    printResults(results, opts);
    process.stdout.write(formatChecks(checks));
    const json = writeJson(env, opts, results, checks, exitCode);
    process.stdout.write(`\nfigures written to ${json}\n`);
    if (exitCode !== 0) process.stdout.write(exitReason(results));
    return exitCode;
  } finally {
    if (opts.keep) process.stderr.write(`bench: outputs kept in ${env.workDir}\n`);
    else fs.rmSync(env.workDir, { recursive: true, force: true });
  }
}

function exitReason(results: SizeResult[]): string {
  const differ = results.filter((r) => r.identical === false).map((r) => formatRows(r.rows));
  const unchecked = results.filter((r) => r.identical === null).map((r) => formatRows(r.rows));
  const parts = [
    ...(differ.length ? [`outputs differ at ${differ.join(', ')} rows`] : []),
    ...(unchecked.length ? [`bytes not compared at ${unchecked.join(', ')} rows`] : []),
  ];
  return `exit 1: ${parts.join('; ')}\n`;
}

/** Plain messages for the errors a user can act on; a stack trace only with TRAINSET_DEBUG. */
async function main(): Promise<void> {
  try {
    process.exitCode = await bench(process.argv.slice(2));
  } catch (e) {
    process.exitCode = reportError(e);
  }
}

function reportError(e: unknown): number {
  if (e instanceof Interrupted) {
    process.stderr.write(`\nbench: ${e.message}\n`);
    return 128 + (os.constants.signals[e.signal] ?? 1);
  }
  if (e instanceof UsageError || (e as { code?: unknown })?.code?.toString().startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`bench: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const message = e instanceof Error ? e.message : String(e);
  const prefix = e instanceof BenchError ? 'bench' : 'bench: internal error';
  process.stderr.write(`${prefix}: ${message}${process.env.TRAINSET_DEBUG && e instanceof Error ? `\n${e.stack}` : ''}\n`);
  return 1;
}

await main();
