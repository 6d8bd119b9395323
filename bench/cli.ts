// `npm run bench`: Trainset's export against the tutorial notebook's pandas + scikit-learn pipeline
// (../shared/bench/seed_pipeline.py) on the same generated CSVs. It checks the two write the same
// bytes and prints seconds and peak memory side by side. Exit 0 only when every run of every size
// produced identical bytes; the speed and memory targets are printed, not enforced, since machines vary.
// It then times `trainset check` on each CSV as it runs by default, without suspect-label
// (`--no-suspect`: the difference is suspect-label's time), and with token counting (`--model`),
// beside the notebook's export time on the same CSV.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_MODEL_ID } from '../lib/tokens';
import {
  describeMeasure,
  formatChecks,
  formatHelp,
  formatResults,
  medianMeasure,
  medianPhases,
  verdict,
  withRatios,
  type CheckTiming,
  type SideResult,
  type SizeResult,
} from './cli-report';
import { ensureCsv } from './csv-cache';
import {
  checkNotebook,
  checkTime,
  findBenchDir,
  findProjectRoot,
  formatMb,
  formatRows,
  machine,
  makeWorkDirs,
  parseSizes,
  progress,
  PYTHON,
  TIME,
  UsageError,
  type BenchPaths,
} from './env';
import { compareOutputs } from './files';
import { runBench, stopOnSignals, timed, timeNotebook, timeTrainsetExport, trainsetCommand, type Measure, type Timed } from './processes';

const DEFAULT_SIZES = [10_000, 100_000, 1_000_000];

const USAGE = `Usage: npm run bench -- [--sizes 10000,100000,1000000] [--runs N] [--keep] [--no-check]

  --sizes LIST  row counts to generate and compare, comma-separated; 10k and 1M also work
                (default: 10000,100000,1000000)
  --runs N      runs per side and size; with N > 1 the median is reported (default: 1)
  --keep        keep the output directories (their path is printed at the end)
  --no-check    time the export only, not \`trainset check\`

Needs GNU time at ${TIME}, and ${PYTHON} with pandas and scikit-learn for the notebook side.
The bench scripts are looked for in ../shared/bench beside the project, or in $TRAINSET_SHARED/bench.
`;

interface Options {
  sizes: number[];
  runs: number;
  keep: boolean;
  check: boolean;
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
      'no-check': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}`);
  return {
    sizes: values.sizes === undefined ? DEFAULT_SIZES : parseSizes(values.sizes),
    runs: values.runs === undefined ? 1 : parseRuns(values.runs),
    keep: values.keep ?? false,
    check: values['no-check'] !== true,
  };
}

function parseRuns(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < 1) {
    throw new UsageError(`--runs: ${JSON.stringify(text)} is not a positive whole number`);
  }
  return n;
}

function prepareEnv(): Env {
  checkTime();
  const root = findProjectRoot('bench/cli.ts');
  const benchDir = findBenchDir(root);
  const { cacheDir, workDir } = makeWorkDirs(root, 'run-');
  // Timed as users run it: \`npx trainset\` after \`npm ci\` runs the bundle, not TypeScript compiled on each run
  // (cli/trainset.mjs compiles the sources when one is newer than the bundle, as after an edit).
  execFileSync(process.execPath, [path.join(root, 'cli', 'build.mjs')], { stdio: 'inherit' });
  return { root, benchDir, cacheDir, workDir, notebookMissing: checkNotebook() };
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

/** What the runs of one size gathered so far. */
interface SizeRuns {
  notebook: SideRuns;
  trainset: SideRuns;
  seeds: Record<string, number>[];
  difference?: string;
}

/** Run `i` of one size: the notebook (when it can run), trainset export, and their outputs compared. */
async function runOnce(env: Env, opts: Options, rows: number, csv: string, i: number, runs: SizeRuns): Promise<void> {
  const dirs = runDirs(env, rows, i);
  const of = opts.runs > 1 ? ` run ${i}/${opts.runs}` : '';
  if (!env.notebookMissing) {
    const nb = await timeNotebook(env, csv, dirs.notebook, path.join(dirs.times, 'notebook.time'));
    record(runs.notebook, nb);
    if (nb.ok && nb.seed) runs.seeds.push(nb.seed);
    progress(rows, `notebook${of}: ${describe(nb)}`);
  }
  const ts = await timeTrainsetExport(env.root, csv, dirs.trainset, path.join(dirs.times, 'trainset.time'));
  record(runs.trainset, ts);
  progress(rows, `trainset${of}: ${describe(ts)}`);
  if (!env.notebookMissing && bothSucceeded(runs.notebook, runs.trainset, i)) {
    const differs = compareOutputs(dirs.trainset, dirs.notebook);
    progress(rows, differs ? `outputs differ: ${differs}` : 'outputs identical');
    runs.difference ??= differs ?? undefined;
  }
  if (!opts.keep) fs.rmSync(path.dirname(dirs.notebook), { recursive: true, force: true });
}

async function benchSize(env: Env, opts: Options, rows: number): Promise<SizeResult> {
  const csv = await ensureCsv(env, rows);
  const csvBytes = fs.statSync(csv.file).size;
  progress(rows, `CSV ${formatMb(csvBytes)} MB${csv.cached ? ' (cached)' : ''}: ${path.relative(env.root, csv.file)}`);
  const runs: SizeRuns = { notebook: { runs: [] }, trainset: { runs: [] }, seeds: [] };
  for (let i = 1; i <= opts.runs && !runs.notebook.failed && !runs.trainset.failed; i++) await runOnce(env, opts, rows, csv.file, i, runs);
  const { notebook, trainset, seeds, difference } = runs;
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

/** Both sides succeeded in run `i` (each has i measures), so there are two outputs to compare. */
function bothSucceeded(notebook: SideRuns, trainset: SideRuns, i: number): boolean {
  return notebook.runs.length === i && trainset.runs.length === i;
}

function describe(t: Timed): string {
  return describeMeasure(t.ok ? t.measure : { failed: t.reason });
}

// --- check, and its token counting ---------------------------------------------------------------

/**
 * One run of each: the check does not write files, so its figures are steadier than the export's.
 * The generated CSVs have no error-level findings, so `check` exits 0 (1 would read as a failure).
 */
async function benchCheck(env: Env, rows: number): Promise<CheckTiming> {
  const csv = await ensureCsv(env, rows);
  const dir = path.join(env.workDir, String(rows), 'check');
  fs.mkdirSync(dir, { recursive: true });
  const check = trainsetCommand(env.root, 'check', csv.file, '--json');
  const measure = (t: Timed): Measure | { failed: string } => (t.ok ? t.measure : { failed: t.reason });
  const plain = measure(await timed(check, env.root, path.join(dir, 'plain.time')));
  progress(rows, `check: ${describeMeasure(plain)}`);
  const withoutSuspect = measure(await timed([...check, '--no-suspect'], env.root, path.join(dir, 'no-suspect.time')));
  progress(rows, `check --no-suspect: ${describeMeasure(withoutSuspect)}`);
  const tokens = measure(await timed([...check, '--model', DEFAULT_MODEL_ID], env.root, path.join(dir, 'tokens.time')));
  progress(rows, `check --model ${DEFAULT_MODEL_ID} (token counting): ${describeMeasure(tokens)}`);
  return { rows, plain, withoutSuspect, tokens };
}

/** `trainset --help`, five times: how long the command takes to answer at all. */
async function benchHelp(env: Env): Promise<number[]> {
  const seconds: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = await timed(trainsetCommand(env.root, '--help'), env.root, path.join(env.workDir, `help-${i}.time`));
    if (t.ok) seconds.push(t.measure.seconds);
  }
  return seconds;
}

// --- output --------------------------------------------------------------------------------------

function writeJson(env: Env, opts: Options, results: SizeResult[], checks: CheckTiming[], helpSeconds: number[], exitCode: number): string {
  const file = path.join(env.root, 'bench-results', 'bench.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const report = {
    date: new Date().toISOString(),
    machine: machine(),
    openblasCoretype: process.env.OPENBLAS_CORETYPE ?? null,
    runs: opts.runs,
    results,
    checks,
    helpSeconds,
    verdict: verdict(results),
    exitCode,
  };
  fs.writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  return path.relative(env.root, file);
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

// --- main ----------------------------------------------------------------------------------------

/** Runs the benchmark and returns the exit code: 0 all identical, 1 otherwise, 2 usage error. */
async function bench(argv: string[]): Promise<number> {
  const opts = parseOptions(argv);
  if (opts === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const env = prepareEnv();
  stopOnSignals();
  try {
    process.stderr.write(`bench: ${machine()}\nbench: scripts in ${env.benchDir}, CSV cache in ${path.relative(env.root, env.cacheDir)}\n`);
    if (env.notebookMissing) process.stderr.write(`bench: notebook: not available (${env.notebookMissing}); timing trainset only\n`);
    const results: SizeResult[] = [];
    const checks: CheckTiming[] = [];
    for (const rows of opts.sizes) {
      results.push(await benchSize(env, opts, rows));
      if (opts.check) checks.push(await benchCheck(env, rows));
    }
    const help = await benchHelp(env);
    const exitCode = results.every((r) => r.identical === true) ? 0 : 1;
    process.stdout.write(formatResults(results, opts.runs));
    if (checks.length > 0) process.stdout.write(formatChecks(checks, results));
    process.stdout.write('\n' + formatHelp(help));
    const json = writeJson(env, opts, results, checks, help, exitCode);
    process.stdout.write(`\nfigures written to ${json}\n`);
    if (exitCode !== 0) process.stdout.write(exitReason(results));
    return exitCode;
  } finally {
    if (opts.keep) process.stderr.write(`bench: outputs kept in ${env.workDir}\n`);
    else fs.rmSync(env.workDir, { recursive: true, force: true });
  }
}

await runBench('bench', USAGE, bench);
