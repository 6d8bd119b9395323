// Child processes the benches time or serve with, run so that a Ctrl-C or a CI cancel stops them
// all: each in its own process group, under GNU time for seconds and peak memory.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BenchError, Interrupted, PYTHON, TIME, UsageError, type BenchPaths } from './env';

/** One process as `/usr/bin/time -f '%e %M'` saw it: wall seconds and peak RSS in MB (MiB, %M / 1024). */
export interface Measure {
  seconds: number;
  peakMb: number;
}

/** How a child process ended, with what it wrote to stderr. */
export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** A command run under GNU time: its figures and stderr, or why it failed. */
export type Timed = { ok: true; measure: Measure; stderr: string } | { ok: false; reason: string };

/** The child process {@link run} is waiting for, if any. */
let current: ChildProcess | null = null;
let interrupted: NodeJS.Signals | null = null;

/** The signal that interrupted the run, or null while none arrived. */
export function interruption(): NodeJS.Signals | null {
  return interrupted;
}

/**
 * Records a SIGINT or SIGTERM and returns the signal to forward to children: the same one the first
 * time, SIGKILL on a repeat. Under `npm run` a Ctrl-C arrives twice (from the terminal and relayed by
 * tsx), so a repeat escalates rather than exiting before cleanup.
 */
function recordSignal(signal: NodeJS.Signals): NodeJS.Signals {
  const forward = interrupted ? 'SIGKILL' : signal;
  interrupted ??= signal;
  return forward;
}

/** Throws {@link Interrupted} once a signal has arrived. */
export function checkInterrupted(): void {
  if (interrupted) throw new Interrupted(interrupted);
}

/** Sends a signal to a child's whole process group, unless it has ended. */
export function killGroup(child: ChildProcess | null, signal: NodeJS.Signals): void {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone: nothing left to stop.
  }
}

/**
 * On SIGINT or SIGTERM, stop the child being waited for (its whole group: GNU time ignores SIGINT
 * while it waits, and a CI cancel sends SIGTERM to this process only), then run `also`. The run then
 * stops with {@link Interrupted} and its finally blocks remove the outputs.
 */
export function stopOnSignals(also: () => void = () => {}): void {
  const onSignal = (signal: NodeJS.Signals): void => {
    killGroup(current, recordSignal(signal));
    also();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
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
function parseSeed(stderr: string): Record<string, number> | undefined {
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

// --- the two pipelines ---------------------------------------------------------------------------

/** The notebook's pipeline (seed_pipeline.py) on a CSV, timed, with the phases of its `SEED {...}` line. */
export async function timeNotebook(paths: BenchPaths, csv: string, outDir: string, timeFile: string): Promise<Timed & { seed?: Record<string, number> }> {
  const t = await timed([PYTHON, path.join(paths.benchDir, 'seed_pipeline.py'), csv, outDir], paths.root, timeFile);
  return t.ok ? { ...t, seed: parseSeed(t.stderr) } : t;
}

/** `trainset <args>` as a CI job runs it: node cli/trainset.mjs. */
export function trainsetCommand(root: string, ...args: string[]): string[] {
  return [process.execPath, path.join(root, 'cli', 'trainset.mjs'), ...args];
}

/** `trainset export` on a CSV, timed. */
export function timeTrainsetExport(root: string, csv: string, outDir: string, timeFile: string): Promise<Timed> {
  return timed(trainsetCommand(root, 'export', csv, '--out', outDir, '-q'), root, timeFile);
}

// --- this process --------------------------------------------------------------------------------

/**
 * Runs a bench's command line and sets the exit code it returns: on an error, 128 + signal when
 * interrupted, 2 with the usage text for a usage error, else 1 with a plain message (a stack
 * trace only with TRAINSET_DEBUG).
 *
 * @param name - the prefix of its messages (e.g. `bench:browser`).
 */
export async function runBench(name: string, usage: string, bench: (argv: string[]) => Promise<number>): Promise<void> {
  try {
    process.exitCode = await bench(process.argv.slice(2));
  } catch (e) {
    process.exitCode = reportError(name, usage, e);
  }
}

function reportError(name: string, usage: string, e: unknown): number {
  const signal = e instanceof Interrupted ? e.signal : interrupted;
  if (signal) {
    process.stderr.write(`\n${name}: interrupted by ${signal}\n`);
    return 128 + (os.constants.signals[signal] ?? 1);
  }
  if (e instanceof UsageError || (e as { code?: unknown })?.code?.toString().startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`${name}: ${(e as Error).message}\n\n${usage}`);
    return 2;
  }
  const message = e instanceof BenchError ? e.message : firstLine(e);
  const prefix = e instanceof BenchError ? name : `${name}: internal error`;
  process.stderr.write(`${prefix}: ${message}${process.env.TRAINSET_DEBUG && e instanceof Error ? `\n${e.stack}` : ''}\n`);
  return 1;
}

/** An error's gist: Playwright's messages carry a call log after their first lines. */
export function firstLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return (
    text
      .split('\n')
      .filter((l) => l.trim() !== '')[0]
      ?.slice(0, 300) ?? text
  );
}
