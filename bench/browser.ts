// `npm run bench:browser`: the built app (`out/`) driven in Chromium with the generated CSVs of
// ../shared/bench, timed against the issue's targets, side by side with the tutorial notebook's
// pipeline (seed_pipeline.py) on the same file. For each size: load the CSV through "Upload CSV",
// sort, filter, search, download both JSONL files (checked byte for byte against `trainset export`),
// edit a cell, scroll; with the JS heap of the page and of the data worker, and the longest
// main-thread task while loading and exporting (browser-steps.ts).
//
// It prints figures with PASS/FAIL against each target and writes bench-results/bench-browser.json.
// Exit 0 when it ran (whatever the verdicts), 1 when something broke (a step failed, the downloads
// differ from the CLI's files), 2 on a usage error.
import type { Browser } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findChromium } from '../cli/chromium';
import { addHeapFigure, type SizeResult } from './browser-figures';
import { formatHeading, formatSize, writeJson } from './browser-report';
import { launchChromium } from './browser-session';
import { benchInBrowser } from './browser-steps';
import { ensureCsv } from './csv-cache';
import {
  BenchError,
  checkNotebook,
  checkTime,
  findBenchDir,
  findProjectRoot,
  formatMb,
  formatRows,
  Interrupted,
  machine,
  makeWorkDirs,
  OUTPUT_FILES,
  parseSizes,
  progress,
  PYTHON,
  TIME,
  UsageError,
  type BenchPaths,
} from './env';
import { sha256 } from './files';
import { checkInterrupted, firstLine, interruption, runBench, stopOnSignals, timeNotebook, timeTrainsetExport } from './processes';
import { startServer, stopServer } from './server';

const DEFAULT_SIZES = [100_000, 1_000_000];

const USAGE = `Usage: npm run bench:browser -- [--sizes 100k,1M] [--no-notebook] [--keep]

  --sizes LIST   row counts to generate and load in the app, comma-separated; 100k and 1M also work
                 (default: 100000,1000000)
  --no-notebook  skip the notebook pipeline (seed_pipeline.py) run beside each size
  --keep         keep the CLI's and the notebook's output directories (their path is printed)

Serves the built app (out/; run "npm run build" first if it is missing) on a free local port and
drives it in Chromium: Playwright's own if installed, else /usr/bin/chromium (or $CHROMIUM_PATH).
Needs GNU time at ${TIME}, and ${PYTHON} with pandas and scikit-learn for the notebook column.
The bench scripts are looked for in ../shared/bench beside the project, or in $TRAINSET_SHARED/bench.
Prints figures with PASS/FAIL against the targets; exit 0 when it ran, 1 when something broke.
`;

interface Options {
  sizes: number[];
  notebook: boolean;
  keep: boolean;
}

interface Env extends BenchPaths {
  workDir: string;
  /** Why the notebook cannot run, or null when it can (or was not asked for). */
  notebookMissing: string | null;
  chromiumPath: string | undefined;
}

// --- command line and environment ----------------------------------------------------------------

function parseOptions(argv: string[]): Options | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      sizes: { type: 'string' },
      'no-notebook': { type: 'boolean' },
      keep: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}`);
  return {
    sizes: values.sizes === undefined ? DEFAULT_SIZES : parseSizes(values.sizes),
    notebook: !values['no-notebook'],
    keep: values.keep ?? false,
  };
}

function prepareEnv(opts: Options): Env {
  checkTime();
  const root = findProjectRoot('bench/browser.ts');
  if (!fs.existsSync(path.join(root, 'out', 'index.html'))) throw new BenchError('no build in out/: run "npm run build" first');
  const benchDir = findBenchDir(root);
  const chromiumPath = findChromium(
    () =>
      new BenchError(
        'no Chromium found: install one (on Debian/Ubuntu `apt-get install -y chromium`, or `npx playwright install chromium`), or point CHROMIUM_PATH at a Chromium binary',
      ),
  );
  const { cacheDir, workDir } = makeWorkDirs(root, 'browser-run-');
  return { root, benchDir, cacheDir, workDir, chromiumPath, notebookMissing: opts.notebook ? checkNotebook() : null };
}

// --- one size: CSV, browser, CLI, notebook -------------------------------------------------------

async function benchSize(env: Env, opts: Options, b: Browser, url: string, rows: number): Promise<SizeResult> {
  const csv = await ensureCsv(env, rows);
  const csvBytes = fs.statSync(csv.file).size;
  progress(rows, `CSV ${formatMb(csvBytes)} MB${csv.cached ? ' (cached)' : ''}: ${path.relative(env.root, csv.file)}`);
  const result: SizeResult = { rows, csvBytes, csv: csv.file, figures: [], heap: {}, warnings: [] };
  try {
    await benchInBrowser(b, url, result);
  } catch (e) {
    if (e instanceof Interrupted || interruption()) throw e instanceof Interrupted ? e : new Interrupted(interruption()!);
    result.error = e instanceof BenchError ? e.message : `browser: ${firstLine(e)}`;
    progress(rows, `failed: ${result.error}`);
  }
  addHeapFigure(result);
  const base = path.join(env.workDir, String(rows));
  fs.mkdirSync(base, { recursive: true });
  const cliHashes = await exportWithCli(env, csv.file, base, result);
  if (!opts.notebook) result.notebook = { status: 'skipped', reason: '--no-notebook' };
  else if (env.notebookMissing) result.notebook = { status: 'unavailable', reason: env.notebookMissing };
  else await notebookBeside(env, csv.file, base, cliHashes, result);
  if (!opts.keep) fs.rmSync(base, { recursive: true, force: true });
  return result;
}

/**
 * The CLI's files, to check the downloads against (and its time, for the side-by-side). Returns
 * their hashes by name, or null when the export failed.
 */
async function exportWithCli(env: Env, csv: string, base: string, result: SizeResult): Promise<Record<string, string> | null> {
  const cliDir = path.join(base, 'trainset');
  progress(result.rows, 'trainset export (CLI) on the same file ...');
  const cli = await timeTrainsetExport(env.root, csv, cliDir, path.join(base, 'cli.time'));
  result.cli = cli.ok ? { status: 'ok', seconds: cli.measure.seconds, peakMb: cli.measure.peakMb } : { status: 'failed', reason: cli.reason };
  const cliHashes: Record<string, string> = {};
  if (cli.ok) for (const name of OUTPUT_FILES) cliHashes[name] = await sha256(path.join(cliDir, name));
  if (result.downloads) {
    for (const f of result.downloads.files) f.cliSha256 = cliHashes[f.name] ?? null;
    const differing = result.downloads.files.filter((f) => f.sha256 !== f.cliSha256).map((f) => f.name);
    result.downloads.identical = cli.ok && differing.length === 0 && result.downloads.files.length === OUTPUT_FILES.length;
    if (!result.downloads.identical) {
      result.downloads.difference = cli.ok
        ? `${differing.join(' and ')} differ${differing.length === 1 ? 's' : ''} from trainset export's`
        : `trainset export failed (${cli.reason})`;
    }
  }
  return cli.ok ? cliHashes : null;
}

/** The notebook pipeline on the same file: its time, its phases, and whether it wrote the CLI's bytes. */
async function notebookBeside(env: Env, csv: string, base: string, cliHashes: Record<string, string> | null, result: SizeResult): Promise<void> {
  progress(result.rows, 'notebook pipeline (seed_pipeline.py) on the same file ...');
  const nbDir = path.join(base, 'notebook');
  const nb = await timeNotebook(env, csv, nbDir, path.join(base, 'notebook.time'));
  if (!nb.ok) {
    result.notebook = { status: 'failed', reason: nb.reason };
    return;
  }
  let identicalToCli: boolean | null = null;
  if (cliHashes) {
    identicalToCli = true;
    for (const name of OUTPUT_FILES) {
      const p = path.join(nbDir, name);
      if (!fs.existsSync(p) || (await sha256(p)) !== cliHashes[name]) identicalToCli = false;
    }
  }
  result.notebook = { status: 'ok', seconds: nb.measure.seconds, peakMb: nb.measure.peakMb, ...(nb.seed ? { phases: nb.seed } : {}), identicalToCli };
  progress(result.rows, `notebook: ${nb.measure.seconds.toFixed(2)} s, ${nb.measure.peakMb.toFixed(0)} MB`);
}

// --- main ----------------------------------------------------------------------------------------

let browser: Browser | null = null;

async function bench(argv: string[]): Promise<number> {
  const opts = parseOptions(argv);
  if (opts === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const env = prepareEnv(opts);
  // A signal stops the running child and the browser (its pending waits then fail); the finally block stops the server.
  stopOnSignals(() => void browser?.close().catch(() => undefined));
  try {
    process.stderr.write(`bench:browser: ${machine()}\nbench:browser: scripts in ${env.benchDir}, CSV cache in ${path.relative(env.root, env.cacheDir)}\n`);
    if (opts.notebook && env.notebookMissing) process.stderr.write(`bench:browser: notebook: not available (${env.notebookMissing})\n`);
    const url = await startServer(env.root);
    checkInterrupted();
    browser = await launchChromium(env.chromiumPath);
    const version = browser.version();
    process.stderr.write(`bench:browser: serving out/ at ${url}; Chromium ${version}${env.chromiumPath ? ` (${env.chromiumPath})` : ''}\n`);
    const results: SizeResult[] = [];
    for (const rows of opts.sizes) results.push(await benchSize(env, opts, browser, url, rows));
    return report(env, results, version);
  } finally {
    await browser?.close().catch(() => undefined);
    browser = null;
    stopServer();
    if (opts.keep) process.stderr.write(`bench:browser: CLI and notebook outputs kept in ${env.workDir}\n`);
    else fs.rmSync(env.workDir, { recursive: true, force: true });
  }
}

/** Prints the figures and writes them as JSON; returns the exit code (1 when a size broke). */
function report(env: Env, results: SizeResult[], version: string): number {
  const broken = results.filter((r) => r.error || (r.downloads && !r.downloads.identical) || !r.downloads);
  const exitCode = broken.length === 0 ? 0 : 1;
  process.stdout.write(formatHeading());
  for (const r of results) process.stdout.write(formatSize(r, version));
  const json = writeJson(env.root, results, version, exitCode);
  process.stdout.write(`\nfigures written to ${json}\n`);
  if (exitCode !== 0) {
    const why = broken.map((r) => `${formatRows(r.rows)} rows: ${r.error ?? r.downloads?.difference ?? 'downloads not checked'}`);
    process.stdout.write(`exit 1: ${why.join('; ')}\n`);
  }
  return exitCode;
}

await runBench('bench:browser', USAGE, bench);
