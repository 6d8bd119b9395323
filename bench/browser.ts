// `npm run bench:browser`: the built app (`out/`) driven in Chromium with the generated CSVs of
// ../shared/bench, timed against the issue's targets, side by side with the tutorial notebook's
// pipeline (seed_pipeline.py) on the same file. For each size: load the CSV through "Upload CSV",
// sort, filter, search, download both JSONL files (checked byte for byte against `trainset export`),
// edit a cell, scroll; with the JS heap of the page and of the data worker, and the longest
// main-thread task while loading and exporting.
//
// It prints figures with PASS/FAIL against each target and writes bench-results/bench-browser.json.
// Exit 0 when it ran (whatever the verdicts), 1 when something broke (a step failed, the downloads
// differ from the CLI's files), 2 on a usage error.
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PAGE_PROBE, PROBE_GLOBAL, type BenchProbe, type CheckSpec, type LongFrame, type LongTask, type Timing, type Trigger } from './bench-browser-page';
import {
  BenchError,
  checkInterrupted,
  checkNotebook,
  checkTime,
  ensureCsv,
  findBenchDir,
  findProjectRoot,
  interruption,
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
} from './bench-env';
import { formatMb, formatRows } from './bench-report';
import { CHROMIUM_ARGS, findChromium } from './chromium';

const DEFAULT_SIZES = [100_000, 1_000_000];
const MB = 2 ** 20;
/** A value typed into a label cell: matches no existing label, so Enter creates it. */
const EDIT_VALUE = 'zz-bench-edit';
const SEARCH_TEXT = 'refund';

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

// --- command line --------------------------------------------------------------------------------

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
    sizes: values.sizes === undefined ? DEFAULT_SIZES : values.sizes.split(',').map(parseSize),
    notebook: !values['no-notebook'],
    keep: values.keep ?? false,
  };
}

function parseSize(text: string): number {
  const n = scaledRowCount(text);
  if (n === null) throw new UsageError(`--sizes: ${JSON.stringify(text)} is not a row count (e.g. 10000, 100k, 1M)`);
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`--sizes: ${JSON.stringify(text)} is not a positive whole number`);
  return n;
}

// --- environment ---------------------------------------------------------------------------------

/** The browser tests' Chromium arguments (cli/chromium.ts), plus precise heap figures. */
const launchArgs = [
  ...CHROMIUM_ARGS,
  // performance.memory is otherwise rounded and updated only every 20 minutes or so.
  '--enable-precise-memory-info',
];

function prepareEnv(opts: Options): Env {
  checkTime();
  const root = findProjectRoot('cli/bench-browser.ts');
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

// --- processes -----------------------------------------------------------------------------------

let server: ChildProcess | null = null;
let browser: Browser | null = null;

function killGroup(child: ChildProcess | null, signal: NodeJS.Signals): void {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** Stops whatever runs now: the child process, the browser (its pending waits then fail) and the server. */
function onSignal(signal: NodeJS.Signals): void {
  killGroup(runningChild(), recordSignal(signal));
  void browser?.close().catch(() => undefined);
}

// --- downloads -----------------------------------------------------------------------------------

function sha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = crypto.createHash('sha256');
    fs.createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

// --- the static server ---------------------------------------------------------------------------

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** `PORT=<port> npx tsx cli/serve.ts out`, in its own process group; resolves with the URL once it listens. */
async function startServer(root: string): Promise<string> {
  const port = await freePort();
  const child = spawn('npx', ['tsx', 'cli/serve.ts', 'out'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server = child;
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new BenchError(`the static server did not start within 60 s${output ? `: ${output.trim().slice(0, 300)}` : ''}`)),
      60_000,
    );
    const onData = (s: string) => {
      output += s;
      if (/is running at/.test(output)) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${port}/`);
      }
    };
    child.stdout?.setEncoding('utf8').on('data', onData);
    child.stderr?.setEncoding('utf8').on('data', (s: string) => (output += s));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new BenchError(`cannot start the static server: ${e.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      reject(new BenchError(`the static server stopped (exit ${code})${output ? `: ${lastLine(output)}` : ''}`));
    });
  });
}

function lastLine(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/npm warn/i.test(l));
  return lines.at(-1) ?? '';
}

// --- figures -------------------------------------------------------------------------------------

type Unit = 'ms' | 's' | 'MB';

interface Figure {
  key: string;
  label: string;
  /** Null when not measured (the step failed or is not supported). */
  value: number | null;
  unit: Unit;
  /** Upper bound from the issue, in `unit`; absent when the issue sets none for this measure and size. */
  target?: number;
  /** Where the target comes from when it is not the issue's own figure for this size. */
  targetNote?: string;
  pass?: boolean;
  /** How it was measured. */
  how: string;
  note?: string;
}

interface Heap {
  /** Used JS heap of the page (performance.memory.usedJSHeapSize). */
  pageMb: number | null;
  /** Used JS heap of the data worker (CDP Runtime.getHeapUsage usedSize). */
  workerMb: number | null;
  /** The worker's ArrayBuffer backing stores, outside the JS heap (Runtime.getHeapUsage backingStorageSize). */
  workerBuffersMb: number | null;
  /** Memory of Chromium's renderer processes (the page and its worker live in one): PSS, else RSS. */
  rendererRssMb: number | null;
  /** Memory of every Chromium process (browser, GPU/utility, renderers): PSS, else RSS. */
  chromiumRssMb: number | null;
}

const NO_HEAP: Heap = { pageMb: null, workerMb: null, workerBuffersMb: null, rendererRssMb: null, chromiumRssMb: null };

/** Chromium's processes are this process's descendants; their memory from /proc (Linux only, else null). */
/** The pids below this process (and itself with `self`), from /proc; empty off Linux. */
function descendants(self = false): number[] {
  const parent = new Map<number, number>();
  try {
    for (const name of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
        parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      } catch {
        // The process ended meanwhile.
      }
    }
  } catch {
    return [];
  }
  const mine = (pid: number): boolean => {
    for (let p = parent.get(pid), hops = 0; p !== undefined && hops < 20; p = parent.get(p), hops++) if (p === process.pid) return true;
    return false;
  };
  return [...parent.keys()].filter((pid) => (self && pid === process.pid) || mine(pid));
}

function chromiumRss(): { renderer: number; all: number } | null {
  try {
    let renderer = 0;
    let all = 0;
    for (const pid of descendants()) {
      try {
        const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        if (!/chrom/i.test(cmdline.split('\0')[0] ?? '')) continue;
        const kb = proportionalKb(pid);
        all += kb / 1024;
        if (cmdline.includes('--type=renderer')) renderer += kb / 1024;
      } catch {
        // The process ended meanwhile.
      }
    }
    return all > 0 ? { renderer, all } : null;
  } catch {
    return null;
  }
}

/** A process's proportional set size (shared pages split between their users), else its RSS. */
function proportionalKb(pid: number): number {
  try {
    const pss = /^Pss:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1];
    if (pss !== undefined) return Number(pss);
  } catch {
    // No smaps_rollup (old kernel): fall back to RSS.
  }
  return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
}

function maxHeap(a: Heap, b: Heap): Heap {
  const out = { ...a };
  for (const k of Object.keys(out) as (keyof Heap)[]) out[k] = maxOf(a[k], b[k]);
  return out;
}

interface SizeResult {
  rows: number;
  csvBytes: number;
  csv: string;
  /** Share of the machine's CPU time that other processes (not this bench, its browser or server) took during the browser run. */
  otherCpuShare?: number;
  figures: Figure[];
  heap: { afterLoad?: Heap; peakDuringLoad?: Heap; afterExport?: Heap; end?: Heap };
  downloads?: { identical: boolean; files: { name: string; bytes: number; sha256: string; cliSha256: string | null }[]; difference?: string };
  cli?: { status: 'ok'; seconds: number; peakMb: number } | { status: 'failed'; reason: string };
  notebook?:
    | { status: 'ok'; seconds: number; peakMb: number; phases?: Record<string, number>; identicalToCli: boolean | null }
    | { status: 'failed' | 'unavailable' | 'skipped'; reason: string };
  /** Long tasks while loading and while exporting, and the long animation frames around them (with the scripts that ran). */
  longTasks?: { supported: boolean; load: LongTask[]; export: LongTask[]; frames: LongFrame[] };
  warnings: string[];
  error?: string;
}

/**
 * The issue's targets. Those stated for 100k rows apply to sizes up to 100k; those stated for 1M
 * to larger sizes. "Responsive" has no number in the issue: the bench reads it as the sort/filter
 * budget (rows shown within 200 ms of a scroll or a jump to the end).
 */
function targetsFor(rows: number): Partial<Record<string, { value: number; note?: string }>> {
  if (rows <= 100_000) {
    return {
      loaded: { value: 2 },
      downloads: { value: 2 },
      sortCategory: { value: 200 },
      sortInquiry: { value: 200 },
      sortInquiryAgain: { value: 200 },
      filter: { value: 200 },
      clearFilter: { value: 200 },
      search: { value: 200 },
      edit: { value: 50 },
      longLoad: { value: 200 },
      longExport: { value: 200 },
    };
  }
  return {
    loaded: { value: 15 },
    heap: { value: 1536 },
    scrollMiddle: { value: 200, note: '"still responsive": no number in the issue, the sort/filter budget is used' },
    jumpEnd: { value: 200, note: '"still responsive": no number in the issue, the sort/filter budget is used' },
  };
}

function addFigure(result: SizeResult, f: Omit<Figure, 'target' | 'pass'>): Figure {
  const t = targetsFor(result.rows)[f.key];
  const figure: Figure = { ...f };
  if (t) {
    figure.target = t.value;
    if (t.note) figure.targetNote = t.note;
    if (f.value !== null) figure.pass = f.value <= t.value;
  }
  result.figures.push(figure);
  return figure;
}

/** Milliseconds from an in-page timing: to the frame that paints the change, else to the DOM change. */
function shownMs(t: Timing): number | null {
  if (t.t0 === null) return null;
  const end = t.frame ?? t.dom;
  return end === null ? null : end - t.t0;
}

// --- the page ------------------------------------------------------------------------------------

type ProbeMethod = { [K in keyof BenchProbe]: BenchProbe[K] extends (...a: never[]) => unknown ? K : never }[keyof BenchProbe];
type ProbeResult<K extends ProbeMethod> = Awaited<ReturnType<BenchProbe[K]>>;

/**
 * Calls the in-page probe. The call is sent as an expression with JSON arguments rather than as a
 * function: tsx would wrap a function's inner helpers in a `__name` the page does not have.
 */
function callProbe<K extends ProbeMethod>(page: Page, method: K, ...args: Parameters<BenchProbe[K]>): Promise<ProbeResult<K>> {
  return page.evaluate(`window.${PROBE_GLOBAL}.${method}(${args.map((a) => JSON.stringify(a)).join(', ')})`) as Promise<ProbeResult<K>>;
}

interface CdpReply {
  result?: { usedSize?: number; backingStorageSize?: number };
  error?: unknown;
}

class Session {
  private cdp!: CDPSession;
  private workerSessions: string[] = [];
  private nextId = 1;
  private waiting = new Map<number, (m: CdpReply) => void>();
  readonly errors: string[] = [];

  constructor(
    readonly page: Page,
    readonly context: BrowserContext,
    private readonly rows: number,
  ) {}

  static async open(b: Browser, url: string, rows: number): Promise<Session> {
    const context = await b.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    await context.addInitScript({ content: PAGE_PROBE });
    const page = await context.newPage();
    const s = new Session(page, context, rows);
    page.on('pageerror', (e) => s.errors.push(`page error: ${e.message}`));
    page.on('crash', () => s.errors.push('the page crashed'));
    // The worker's heap: CDP auto-attach (not flattened) to the page's dedicated workers.
    s.cdp = await context.newCDPSession(page);
    s.cdp.on('Target.attachedToTarget', (e) => {
      if (e.targetInfo.type === 'worker') s.workerSessions.push(e.sessionId);
    });
    s.cdp.on('Target.detachedFromTarget', (e) => {
      s.workerSessions = s.workerSessions.filter((id) => id !== e.sessionId);
    });
    s.cdp.on('Target.receivedMessageFromTarget', (e) => {
      let message: CdpReply & { id?: number };
      try {
        message = JSON.parse(e.message) as typeof message;
      } catch {
        return;
      }
      if (message.id === undefined) return;
      const done = s.waiting.get(message.id);
      if (done) {
        s.waiting.delete(message.id);
        done(message);
      }
    });
    await s.cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    await page.goto(url);
    return s;
  }

  /** Used JS heap of the page (performance.memory) and of the data worker (CDP Runtime.getHeapUsage), in MB. */
  async heap(): Promise<Heap> {
    const page = await callProbe(this.page, 'pageHeap').catch(() => null);
    let worker: number | null = null;
    let buffers: number | null = null;
    for (const sessionId of this.workerSessions) {
      const usage = await this.workerHeap(sessionId);
      if (usage === null) continue;
      worker = (worker ?? 0) + usage.usedSize;
      if (usage.backingStorageSize !== undefined) buffers = (buffers ?? 0) + usage.backingStorageSize;
    }
    const rss = chromiumRss();
    const inMb = (v: number | null) => (v === null ? null : v / MB);
    return {
      pageMb: inMb(page),
      workerMb: inMb(worker),
      workerBuffersMb: inMb(buffers),
      rendererRssMb: rss?.renderer ?? null,
      chromiumRssMb: rss?.all ?? null,
    };
  }

  private workerHeap(sessionId: string): Promise<{ usedSize: number; backingStorageSize?: number } | null> {
    return new Promise((resolve) => {
      const id = this.nextId++;
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        resolve(null);
      }, 10_000);
      this.waiting.set(id, (m) => {
        clearTimeout(timer);
        const r = m.result;
        resolve(
          typeof r?.usedSize === 'number'
            ? { usedSize: r.usedSize, ...(typeof r.backingStorageSize === 'number' ? { backingStorageSize: r.backingStorageSize } : {}) }
            : null,
        );
      });
      this.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) }).catch(() => {
        clearTimeout(timer);
        this.waiting.delete(id);
        resolve(null);
      });
    });
  }

  async arm(id: string, check: CheckSpec, trigger: Trigger | null): Promise<void> {
    await callProbe(this.page, 'arm', id, check, trigger);
  }

  /** Waits for an armed check; throws when it never held, or held before its trigger. */
  async wait(id: string, what: string, timeoutMs: number): Promise<Timing> {
    const t = await callProbe(this.page, 'wait', id, timeoutMs);
    checkInterrupted();
    this.throwPageErrors(what);
    if (t.timedOut) throw new BenchError(`${what}: not seen within ${Math.round(timeoutMs / 1000)} s${await this.whatThePageSays()}`);
    if (t.early) throw new BenchError(`${what}: the page changed before the action was taken, so it cannot be timed`);
    return t;
  }

  /** As wait, but a timeout is a result (the app did not get there), not a failure of the run. */
  async waitOrTimeout(id: string, what: string, timeoutMs: number): Promise<Timing> {
    const t = await callProbe(this.page, 'wait', id, timeoutMs);
    checkInterrupted();
    this.throwPageErrors(what);
    if (t.early) throw new BenchError(`${what}: the page changed before the action was taken, so it cannot be timed`);
    return t;
  }

  throwPageErrors(what: string): void {
    if (this.errors.length > 0) throw new BenchError(`${what}: ${this.errors[0]}`);
  }

  /** What the page shows, for a timeout message: its alert or status line. */
  private async whatThePageSays(): Promise<string> {
    const alert = await this.page
      .getByRole('alert')
      .first()
      .textContent({ timeout: 500 })
      .catch(() => null);
    if (alert) return ` (the page says: ${alert.trim().slice(0, 200)})`;
    const status = await callProbe(this.page, 'statusText').catch(() => null);
    return status ? ` (status line: "${status}")` : '';
  }

  now(): Promise<number> {
    return callProbe(this.page, 'now');
  }

  async longTasks(): Promise<{ supported: boolean; tasks: LongTask[]; frames: LongFrame[] }> {
    // Long-task entries arrive after the task ends; let the observer deliver them.
    await this.page.waitForTimeout(100);
    const tasks = await callProbe(this.page, 'takeLongTasks');
    const frames = await callProbe(this.page, 'takeLongFrames');
    return { supported: tasks !== null, tasks: tasks ?? [], frames };
  }

  /** Timeouts grow with the file: a step of the 1M run may take ten times the 100k one. */
  timeout(baseMs: number): number {
    return baseMs * Math.max(1, this.rows / 100_000);
  }
}

// --- one size in the browser ---------------------------------------------------------------------

function framesIn(frames: LongFrame[], from: number, to: number): LongFrame[] {
  return frames.filter((f) => f.start + f.duration >= from && f.start <= to);
}

/** How many long tasks, and what the longest one ran (from the long animation frame around it). */
function taskNote(supported: boolean, found: { longest: number; count: number; inWindow: LongTask[] }, frames: LongFrame[]): string | undefined {
  if (!supported) return 'longtask entries not supported by this browser';
  if (found.count === 0) return undefined;
  const count = `${found.count} task${found.count === 1 ? '' : 's'} over 50 ms`;
  const longest = found.inWindow.find((t) => t.duration === found.longest)!;
  const frame = frames
    .filter((f) => f.start <= longest.start + longest.duration && f.start + f.duration >= longest.start)
    .sort((a, b) => b.duration - a.duration)[0];
  const script = frame?.scripts[0];
  if (!script) return count;
  return `${count}; the longest ran ${script.invoker || 'a script'} for ${script.duration.toFixed(0)} ms (${script.source || 'no source'})`;
}

function maxTask(tasks: LongTask[], from: number, to: number): { longest: number; count: number; inWindow: LongTask[] } {
  const inWindow = tasks.filter((t) => t.start + t.duration >= from && t.start <= to);
  return { longest: inWindow.reduce((m, t) => Math.max(m, t.duration), 0), count: inWindow.length, inWindow };
}

async function benchInBrowser(b: Browser, url: string, result: SizeResult): Promise<void> {
  const rows = result.rows;
  const total = `${formatRows(rows)} rows`;
  const cpu0 = cpuSample();
  const s = await Session.open(b, url, rows);
  try {
    const { page } = s;
    const grid = page.getByRole('grid', { name: 'Dataset rows' });
    const opSlow = s.timeout(10_000);

    // A fresh context: no saved session, so the start screen comes up with its "Upload CSV".
    await page.locator('[data-phase="empty"]').waitFor({ timeout: 60_000 });

    // --- load -----------------------------------------------------------------------------------
    progress(rows, 'loading the CSV in the app ...');
    await s.arm('read', { kind: 'phase', phase: 'ready' }, { type: 'change' });
    await s.arm('loaded', { kind: 'view', status: total, length: rows }, { type: 'change' });
    await s.arm('ready', { kind: 'enabled', name: 'Download train.jsonl' }, { type: 'change' });
    let peak: Heap = NO_HEAP;
    let polling = true;
    const poll = (async () => {
      while (polling) {
        const h = await s.heap();
        peak = maxHeap(peak, h);
        await sleep(250);
      }
    })();
    const wall0 = performance.now();
    let loaded: Timing;
    let ready: Timing;
    let read: Timing;
    try {
      await page.getByLabel('Upload CSV', { exact: true }).setInputFiles(result.csv);
      loaded = await s.wait('loaded', 'loading the CSV (grid with row 1 and the row count)', s.timeout(60_000));
      const wallLoaded = (performance.now() - wall0) / 1000;
      read = await s.wait('read', 'loading the CSV (the grid screen)', 10_000);
      ready = await s.wait('ready', 'loading the CSV (downloads enabled: charts and split computed)', s.timeout(60_000));
      addFigure(result, {
        key: 'loaded',
        label: `loaded and shown (file chosen → row 1 and "${total}")`,
        value: shownMs(loaded)! / 1000,
        unit: 's',
        how: 'in page: change event → first row and status line in the DOM → next frame',
        note: `Playwright wall clock from setInputFiles: ${wallLoaded.toFixed(2)} s`,
      });
      addFigure(result, {
        key: 'read',
        label: '  of which: file read in the worker (grid screen up)',
        value: shownMs(read)! / 1000,
        unit: 's',
        how: 'in page: change event → data-phase="ready"',
      });
      addFigure(result, {
        key: 'derived',
        label: 'charts and split preview ready (downloads enabled)',
        value: shownMs(ready)! / 1000,
        unit: 's',
        how: 'in page: change event → "Download train.jsonl" enabled',
      });
    } finally {
      polling = false;
      await poll;
    }
    result.heap.peakDuringLoad = peak;
    await sleep(300);
    result.heap.afterLoad = await s.heap();
    {
      const { supported, tasks, frames } = await s.longTasks();
      const load = maxTask(tasks, loaded.t0!, ready.frame ?? ready.dom!);
      result.longTasks = { supported, load: load.inWindow, export: [], frames: [] };
      result.longTasks.frames.push(...framesIn(frames, loaded.t0!, ready.frame ?? ready.dom!));
      addFigure(result, {
        key: 'longLoad',
        label: 'longest main-thread task while loading',
        value: supported ? load.longest : null,
        unit: 'ms',
        how: 'PerformanceObserver longtask (tasks > 50 ms), file chosen → downloads enabled',
        note: taskNote(supported, load, frames),
      });
    }

    // --- sort -----------------------------------------------------------------------------------
    progress(rows, 'sort, filter, search ...');
    const header = (name: string) => grid.getByRole('columnheader', { name, exact: true });
    const firstRowNumber = () => grid.locator('[role="gridcell"][data-row="0"][data-col="1"]').textContent();
    for (const [key, column, label] of [
      ['sortCategory', 'category', 'sort by category (click → first row changes)'],
      ['sortInquiry', 'inquiry', 'sort by inquiry (click → first row changes)'],
      // The same column again (descending): the ranks built by the first sort are reused.
      ['sortInquiryAgain', 'inquiry', '  again, descending (second click)'],
    ] as const) {
      const from = (await firstRowNumber()) ?? '';
      await s.arm(key, { kind: 'view', firstRowNot: from }, { type: 'click' });
      await header(column).getByRole('button').click();
      const t = await s.wait(key, `sorting by ${column}`, opSlow);
      addFigure(result, { key, label, value: shownMs(t), unit: 'ms', how: 'in page: click → a new first row, with its data, in the DOM → next frame' });
    }

    // --- filter by category (its label filter) --------------------------------------------------
    const categoryCol = Number(await header('category').getAttribute('aria-colindex')) - 1;
    const beforeFilter = (await firstRowNumber()) ?? '';
    // Back to the whole (sorted) view: all rows, and the first row it showed before filtering.
    const wholeView: CheckSpec = { kind: 'view', status: total, length: rows, firstRow: beforeFilter };
    {
      const open = page.getByRole('button', { name: 'Filter by category', exact: true });
      const panel = page.getByRole('dialog', { name: 'Filter by category' });
      const t0 = performance.now();
      await open.click();
      const firstValue = panel.locator('label').first();
      await firstValue.locator('input[type="checkbox"]').waitFor({ timeout: opSlow });
      addFigure(result, {
        key: 'filterList',
        label: 'category filter: values listed (click → checkboxes)',
        value: performance.now() - t0,
        unit: 'ms',
        how: 'Playwright: click → first checkbox attached',
      });
      const [value, count] = await firstValue.evaluate((el) => [el.children[1]?.textContent ?? '', el.children[2]?.textContent ?? '']);
      const kept = Number(count.replace(/,/g, ''));
      await s.arm(
        'filter',
        { kind: 'view', status: `Showing ${count} of ${total}`, length: kept, firstCell: { col: categoryCol, text: value } },
        { type: 'click' },
      );
      await firstValue.locator('input[type="checkbox"]').click();
      const t = await s.wait('filter', `filtering category = ${value}`, opSlow);
      addFigure(result, {
        key: 'filter',
        label: `filter category = ${value} (click → ${count} rows shown)`,
        value: shownMs(t),
        unit: 'ms',
        how: 'in page: click on the value → row count, status line and a first row of that category in the DOM → next frame',
      });
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'hidden' });
      await s.arm('clearFilter', wholeView, { type: 'click' });
      await page.getByRole('button', { name: 'Clear filters', exact: true }).click();
      const c = await s.wait('clearFilter', 'clearing the filter', opSlow);
      addFigure(result, {
        key: 'clearFilter',
        label: `clear filters (click → all ${total} shown)`,
        value: shownMs(c),
        unit: 'ms',
        how: 'in page: click → row count, status line and the unfiltered first row in the DOM → next frame',
      });
    }

    // --- search ---------------------------------------------------------------------------------
    {
      const box = page.getByRole('searchbox', { name: 'Search rows' });
      // Typing starts a 200 ms debounce; Enter applies the search at once. Arm after typing, before Enter.
      await box.fill(SEARCH_TEXT);
      await s.arm('search', { kind: 'view', statusPrefix: 'Showing ', lengthNot: rows, firstRowContains: SEARCH_TEXT }, { type: 'keydown', key: 'Enter' });
      await box.press('Enter');
      const t = await s.wait('search', `searching "${SEARCH_TEXT}"`, opSlow);
      const found = /^Showing ([\d,]+) of/.exec((await callProbe(page, 'statusText')) ?? '')?.[1] ?? '?';
      addFigure(result, {
        key: 'search',
        label: `search "${SEARCH_TEXT}" + Enter (→ ${found} rows shown)`,
        value: shownMs(t),
        unit: 'ms',
        how: 'in page: Enter keydown → row count, status line and a first row containing the text in the DOM → next frame',
      });
      // The debounce still fires once after typing and runs the same query again; let it land first.
      await sleep(300);
      await s.arm('clearSearch', wholeView, { type: 'click' });
      await page.getByRole('button', { name: 'Clear filters', exact: true }).click();
      await s.wait('clearSearch', 'clearing the search', opSlow);
    }

    // --- downloads ------------------------------------------------------------------------------
    progress(rows, 'downloading train.jsonl and validation.jsonl ...');
    {
      const saved: { name: string; file: string }[] = [];
      const pageT0 = await s.now();
      const t0 = performance.now();
      const perFile: number[] = [];
      for (const name of OUTPUT_FILES) {
        const button = page.getByRole('button', { name: `Download ${name}`, exact: true });
        await waitNotBusy(page, s.timeout(30_000));
        const f0 = performance.now();
        const [download] = await Promise.all([page.waitForEvent('download', { timeout: s.timeout(60_000) }), button.click()]);
        const file = await download.path();
        perFile.push(performance.now() - f0);
        if (download.suggestedFilename() !== name) throw new BenchError(`"Download ${name}" saved ${JSON.stringify(download.suggestedFilename())}`);
        // Hashed after both are timed: the file stays until the context closes.
        saved.push({ name, file });
      }
      const both = (performance.now() - t0) / 1000;
      const pageT1 = await s.now();
      s.throwPageErrors('downloading');
      OUTPUT_FILES.forEach((name, i) =>
        addFigure(result, {
          key: `download-${name}`,
          label: `  ${name} (click → file saved)`,
          value: perFile[i]! / 1000,
          unit: 's',
          how: 'Playwright: click → download.path() resolved',
        }),
      );
      addFigure(result, {
        key: 'downloads',
        label: 'both files downloaded (first click → second file saved)',
        value: both,
        unit: 's',
        how: 'Playwright: first click → second download.path() resolved (the app exports once per button)',
      });
      const files = [];
      for (const { name, file } of saved) files.push({ name, bytes: fs.statSync(file).size, sha256: await sha256(file), cliSha256: null });
      result.downloads = { identical: false, files };
      const { supported, tasks, frames } = await s.longTasks();
      const exp = maxTask(tasks, pageT0, pageT1);
      if (result.longTasks) {
        result.longTasks.export = exp.inWindow;
        result.longTasks.frames.push(...framesIn(frames, pageT0, pageT1));
      }
      addFigure(result, {
        key: 'longExport',
        label: 'longest main-thread task while exporting',
        value: supported ? exp.longest : null,
        unit: 'ms',
        how: 'PerformanceObserver longtask, first click → second file saved',
        note: taskNote(supported, exp, frames),
      });
      result.heap.afterExport = await s.heap();
    }

    // --- a cell edit (after the downloads, so the files are the uploaded data's) ----------------
    progress(rows, 'editing a cell, scrolling ...');
    {
      const col = categoryCol;
      const cell = grid.locator(`[role="gridcell"][data-row="0"][data-col="${col}"]`);
      await cell.click();
      await page.keyboard.press('Enter');
      const editor = page.getByRole('combobox', { name: /^category, row / });
      await editor.waitFor({ timeout: opSlow });
      await page.keyboard.type(EDIT_VALUE);
      await page.getByRole('option', { name: `Create “${EDIT_VALUE}”` }).waitFor({ timeout: opSlow });
      await s.arm('edit', { kind: 'cellText', row: 0, col, text: EDIT_VALUE }, { type: 'keydown', key: 'Enter' });
      // The new label is a class of one row, which the split refuses: the downloads turn off once the
      // worker has recomputed the charts and the split preview (150 ms after the edit, then the work).
      await s.arm('editDerived', { kind: 'disabled', name: 'Download train.jsonl' }, { type: 'keydown', key: 'Enter' });
      await page.keyboard.press('Enter');
      const t = await s.wait('edit', 'editing a category cell', opSlow);
      addFigure(result, {
        key: 'edit',
        label: 'cell edit (Enter → the cell shows the new label)',
        value: shownMs(t),
        unit: 'ms',
        how: 'in page: Enter keydown in the label editor → cell text in the DOM → next frame',
      });
      const d = await s.wait('editDerived', 'the split preview after the edit', s.timeout(60_000));
      addFigure(result, {
        key: 'editDerived',
        label: '  charts and split preview updated after it',
        value: shownMs(d),
        unit: 'ms',
        how: 'in page: Enter keydown → downloads disabled (the new one-row class cannot be split)',
        note: 'the data worker is busy this long: rows asked for meanwhile (scrolling) wait behind this work',
      });
    }

    // --- responsiveness: scroll to the middle, jump to the end (the worker is idle again) -------
    {
      const range = await callProbe(page, 'scrollGrid', 'scroll', 0.5);
      if (!range) throw new BenchError('scrolling: the grid is gone');
      const t = await s.wait('scroll', 'scrolling to the middle', opSlow);
      addFigure(result, {
        key: 'scrollMiddle',
        label: `scroll to the middle (→ rows ${formatRows(range.first + 1)}… shown)`,
        value: shownMs(t),
        unit: 'ms',
        how: 'in page: scrollTop set to half the scroll range → those rows rendered with data → next frame',
      });
      const geometry = await callProbe(page, 'gridGeometry');
      // A capped spacer is fine (the grid scales its scrolling); the Ctrl+End step below checks that
      // the last row can still be reached.
      // Focus a cell in view, then Ctrl+End: the active cell moves to the last row and scrolls there.
      const length = geometry?.length ?? rows;
      await grid.locator(`[role="gridcell"][data-row="${range.first}"][data-col="2"]`).click();
      await s.arm('end', { kind: 'rowVisible', index: length - 1 }, { type: 'keydown', key: 'End' });
      await page.keyboard.press('Control+End');
      const endTimeout = 15_000;
      const e = await s.waitOrTimeout('end', 'jumping to the last row', endTimeout);
      const f = addFigure(result, {
        key: 'jumpEnd',
        label: `Ctrl+End (→ row ${formatRows(length)} shown)`,
        value: e.timedOut ? null : shownMs(e),
        unit: 'ms',
        how: "in page: End keydown → last row rendered with data inside the grid's visible area → next frame",
      });
      if (e.timedOut) {
        const g = await callProbe(page, 'gridGeometry');
        const seen =
          g && g.visibleRows.length > 0
            ? `rows ${formatRows(Math.min(...g.visibleRows) + 1)}–${formatRows(Math.max(...g.visibleRows) + 1)} are in view`
            : 'no rows are in view';
        f.pass = false;
        f.note = `not in view after ${endTimeout / 1000} s: ${seen} (scrollTop ${formatRows(g?.scrollTop ?? 0)} of ${formatRows(g?.scrollHeight ?? 0)} px)`;
      }
    }

    // Tokens and cost: above 20,000 rows the count runs when asked. It runs in slices in the worker,
    // so the grid answers meanwhile: Ctrl+Home during the count, then the count's own time.
    {
      const tokens = page.getByRole('region', { name: 'Tokens and cost' });
      const count = tokens.getByRole('button', { name: 'Count tokens' });
      if (await count.isVisible()) {
        const t0 = performance.now();
        await count.click();
        await grid.locator('[role="gridcell"][data-col="2"]').first().click();
        await s.arm('home', { kind: 'rowVisible', index: 0 }, { type: 'keydown', key: 'Home' });
        await page.keyboard.press('Control+Home');
        const h = await s.waitOrTimeout('home', 'jumping to the first row while counting tokens', 15_000);
        addFigure(result, {
          key: 'homeWhileCounting',
          label: 'Ctrl+Home while counting tokens (→ row 1 shown)',
          value: h.timedOut ? null : shownMs(h),
          unit: 'ms',
          how: 'in page: Home keydown during the token count → first row rendered with data → next frame',
        });
        await tokens.getByText('Estimated cost', { exact: true }).waitFor({ timeout: 120_000 });
        addFigure(result, {
          key: 'countTokens',
          label: 'count tokens and cost (click → estimate shown)',
          value: (performance.now() - t0) / 1000,
          unit: 's',
          how: 'Playwright wall clock: click on Count tokens → the estimate is shown',
        });
      }
    }

    result.heap.end = await s.heap();
    s.throwPageErrors('the run');
  } finally {
    result.otherCpuShare = otherShare(cpu0, cpuSample());
    if (result.otherCpuShare !== undefined && result.otherCpuShare > 0.1) {
      result.warnings.push(
        `other processes on this machine took ${(result.otherCpuShare * 100).toFixed(0)}% of its CPU time while the app ran, so these figures are slower than on an idle machine`,
      );
    }
    await s.context.close().catch(() => undefined);
  }
}

async function waitNotBusy(page: Page, timeoutMs: number): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (await page.evaluate(() => document.querySelector('button[aria-busy="true"]') !== null)) {
    if (performance.now() > until) throw new BenchError('downloading: the export panel stayed busy');
    await sleep(20);
  }
}

function maxOf(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
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

  // The CLI's files, to check the downloads against (and its time, for the side-by-side).
  const base = path.join(env.workDir, String(rows));
  fs.mkdirSync(base, { recursive: true });
  const cliDir = path.join(base, 'trainset');
  progress(rows, 'trainset export (CLI) on the same file ...');
  const cli = await timed(
    [process.execPath, path.join(env.root, 'cli', 'trainset.mjs'), 'export', csv.file, '--out', cliDir, '-q'],
    env.root,
    path.join(base, 'cli.time'),
  );
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

  if (!opts.notebook) result.notebook = { status: 'skipped', reason: '--no-notebook' };
  else if (env.notebookMissing) result.notebook = { status: 'unavailable', reason: env.notebookMissing };
  else {
    progress(rows, 'notebook pipeline (seed_pipeline.py) on the same file ...');
    const nbDir = path.join(base, 'notebook');
    const nb = await timed([PYTHON, path.join(env.benchDir, 'seed_pipeline.py'), csv.file, nbDir], env.root, path.join(base, 'notebook.time'));
    if (nb.ok) {
      let identicalToCli: boolean | null = null;
      if (cli.ok) {
        identicalToCli = true;
        for (const name of OUTPUT_FILES) {
          const p = path.join(nbDir, name);
          if (!fs.existsSync(p) || (await sha256(p)) !== cliHashes[name]) identicalToCli = false;
        }
      }
      const phases = parseSeed(nb.stderr);
      result.notebook = { status: 'ok', seconds: nb.measure.seconds, peakMb: nb.measure.peakMb, ...(phases ? { phases } : {}), identicalToCli };
      progress(rows, `notebook: ${nb.measure.seconds.toFixed(2)} s, ${nb.measure.peakMb.toFixed(0)} MB`);
    } else result.notebook = { status: 'failed', reason: nb.reason };
  }
  if (!opts.keep) fs.rmSync(base, { recursive: true, force: true });
  return result;
}

function addHeapFigure(result: SizeResult): void {
  const peak = result.heap.peakDuringLoad;
  const all = [result.heap.peakDuringLoad, result.heap.afterLoad, result.heap.afterExport, result.heap.end].filter((h): h is Heap => h !== undefined);
  if (all.length === 0) return;
  const worst = Math.max(...all.map((h) => (h.pageMb ?? 0) + (h.workerMb ?? 0)));
  const workerSeen = all.some((h) => h.workerMb !== null);
  addFigure(result, {
    key: 'heap',
    label: 'JS heap, page + worker (highest sample)',
    value: workerSeen ? worst : null,
    unit: 'MB',
    how: 'page: performance.memory.usedJSHeapSize; worker: CDP Runtime.getHeapUsage; sampled every 250 ms while loading, then after each phase',
    note: peak
      ? `peak while loading: page ${mb(peak.pageMb)}, worker ${mb(peak.workerMb)} (strings, objects; ArrayBuffers and Blobs are outside the JS heap)`
      : undefined,
  });
}

function mb(v: number | null | undefined): string {
  return v === null || v === undefined ? 'n/a' : `${v.toFixed(0)} MB`;
}

function firstLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  // Playwright's messages carry a call log after the first lines; keep the gist.
  return (
    text
      .split('\n')
      .filter((l) => l.trim() !== '')[0]
      ?.slice(0, 300) ?? text
  );
}

// --- output --------------------------------------------------------------------------------------

/** CPU time in clock ticks: the whole machine's (busy and total) from /proc/stat. Null off Linux. */
function machineTicks(): { busy: number; total: number } | null {
  try {
    const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = f;
    const busy = user + nice + system + irq + softirq + steal;
    return { busy, total: busy + idle + iowait };
  } catch {
    return null;
  }
}

/** CPU ticks used so far by each process of this bench's tree (itself, Chromium, the server). */
function treeTicks(): Map<number, number> {
  const ticks = new Map<number, number>();
  for (const pid of descendants(true)) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime, stime, cutime, cstime are fields 14-17 (1-based), 12-15 after the ")".
      ticks.set(pid, Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]));
    } catch {
      // Ended meanwhile.
    }
  }
  return ticks;
}

interface CpuSample {
  machine: { busy: number; total: number } | null;
  tree: Map<number, number>;
}

function cpuSample(): CpuSample {
  return { machine: machineTicks(), tree: treeTicks() };
}

/** The share of all CPU time between two samples that went to processes outside this bench's tree. */
function otherShare(a: CpuSample, b: CpuSample): number | undefined {
  if (!a.machine || !b.machine || b.machine.total <= a.machine.total) return undefined;
  let mine = 0;
  for (const [pid, t] of b.tree) mine += t - (a.tree.get(pid) ?? 0);
  const others = b.machine.busy - a.machine.busy - mine;
  return Math.max(0, others / (b.machine.total - a.machine.total));
}

function formatValue(v: number | null, unit: Unit): string {
  if (v === null) return 'n/a';
  if (unit === 's') return `${v.toFixed(2)} s`;
  if (unit === 'MB') return `${v.toFixed(0)} MB`;
  return `${v.toFixed(0)} ms`;
}

function formatTarget(f: Figure): string {
  if (f.target === undefined) return '';
  if (f.unit === 'MB') return `< ${(f.target / 1024).toFixed(1)} GB`;
  return `≤ ${f.target} ${f.unit}`;
}

function formatSize(r: SizeResult, chromiumVersion: string): string {
  const others = r.otherCpuShare === undefined ? '' : `; other processes took ${(r.otherCpuShare * 100).toFixed(0)}% of the CPUs meanwhile`;
  const head = `\n${formatRows(r.rows)} rows (${formatMb(r.csvBytes)} MB CSV) in Chromium ${chromiumVersion}${others}`;
  const table = [
    ['measure', 'figure', 'target', ''],
    ...r.figures.map((f) => [
      f.label,
      f.key.startsWith('long') && f.value === 0 ? '< 50 ms' : formatValue(f.value, f.unit),
      formatTarget(f),
      f.pass === undefined ? '' : f.pass ? 'PASS' : 'FAIL',
    ]),
  ];
  const widths = [0, 1, 2].map((i) => Math.max(...table.map((row) => [...row[i]!].length)));
  const pad = (s: string, w: number, right = false) => (right ? ' '.repeat(w - [...s].length) + s : s + ' '.repeat(w - [...s].length));
  const lines = table.map((row) => `  ${pad(row[0]!, widths[0]!)}  ${pad(row[1]!, widths[1]!, true)}  ${pad(row[2]!, widths[2]!)}  ${row[3]}`.trimEnd());
  const out = [head, ...lines];
  out.push(...formatMemory(r));
  if (r.downloads) {
    const sizes = r.downloads.files.map((f) => `${f.name} ${formatMb(f.bytes)} MB`).join(', ');
    out.push(`  downloads vs trainset export (sha256): ${r.downloads.identical ? 'identical' : `DIFFERENT: ${r.downloads.difference}`} (${sizes})`);
  }
  out.push('  side by side on the same file (seconds are wall time, MB is peak RSS):');
  const nb = r.notebook;
  if (nb?.status === 'ok') {
    const same = nb.identicalToCli === null ? '' : nb.identicalToCli ? ', same bytes as trainset export' : ', NOT the same bytes as trainset export';
    out.push(`    notebook pipeline (seed_pipeline.py)  ${nb.seconds.toFixed(2)} s  ${nb.peakMb.toFixed(0)} MB${same}`);
    if (nb.phases) {
      const p = nb.phases;
      const phase = (k: string) => (p[`${k}_s`] === undefined ? '-' : p[`${k}_s`]!.toFixed(2));
      out.push(
        `      its phases (s): import ${phase('import')}, read ${phase('read')}, build ${phase('build')}, split ${phase('split')}, write ${phase('write')}`,
      );
    }
  } else if (nb) out.push(`    notebook pipeline: ${nb.status} (${nb.reason})`);
  if (r.cli?.status === 'ok') out.push(`    trainset export (CLI)                 ${r.cli.seconds.toFixed(2)} s  ${r.cli.peakMb.toFixed(0)} MB`);
  else if (r.cli) out.push(`    trainset export (CLI): failed (${r.cli.reason})`);
  const loaded = r.figures.find((f) => f.key === 'loaded')?.value;
  const downloads = r.figures.find((f) => f.key === 'downloads')?.value;
  if (typeof loaded === 'number' && typeof downloads === 'number') {
    const ratio = nb?.status === 'ok' ? ` (${(nb.seconds / (loaded + downloads)).toFixed(1)}× faster than the notebook)` : '';
    out.push(`    app: loaded and shown + both downloads  ${(loaded + downloads).toFixed(2)} s${ratio}`);
  }
  const notes = r.figures
    .filter((f) => f.note || f.targetNote)
    .map((f) => `  · ${f.label.trim()}: ${[f.note, f.targetNote ? `target: ${f.targetNote}` : ''].filter(Boolean).join('; ')}`);
  if (notes.length > 0) out.push('  notes:', ...notes);
  for (const w of r.warnings) out.push(`  warning: ${w}`);
  if (r.error) out.push(`  FAILED: ${r.error}`);
  return out.join('\n') + '\n';
}

const MEMORY_COLUMNS: [keyof Heap, string][] = [
  ['pageMb', 'page heap'],
  ['workerMb', 'worker heap'],
  ['workerBuffersMb', 'worker ArrayBuffers'],
  ['rendererRssMb', 'renderer PSS'],
  ['chromiumRssMb', 'all Chromium PSS'],
];

/** The memory samples as a small table (MB). */
function formatMemory(r: SizeResult): string[] {
  const samples: [string, Heap | undefined][] = [
    ['peak while loading', r.heap.peakDuringLoad],
    ['after load', r.heap.afterLoad],
    ['after export', r.heap.afterExport],
    ['at the end', r.heap.end],
  ];
  const present = samples.filter((x): x is [string, Heap] => x[1] !== undefined);
  if (present.length === 0) return [];
  const rowsOut = [
    ['memory, MB', ...MEMORY_COLUMNS.map((c) => c[1])],
    ...present.map(([label, h]) => [label, ...MEMORY_COLUMNS.map(([k]) => (h[k] === null ? 'n/a' : h[k]!.toFixed(0)))]),
  ];
  const widths = rowsOut[0]!.map((_, i) => Math.max(...rowsOut.map((row) => row[i]!.length)));
  return rowsOut.map((row) => '  ' + row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
}

function writeJson(env: Env, results: SizeResult[], chromiumVersion: string, exitCode: number): string {
  const file = path.join(env.root, 'bench-results', 'bench-browser.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const report = {
    date: new Date().toISOString(),
    machine: machine(),
    chromium: chromiumVersion,
    timing:
      'in-page figures run from the input event (its timeStamp) to the DOM change, then to the next animation frame (the frame that paints it); downloads are timed from Playwright',
    results: results.map(({ csv, ...r }) => ({ ...r, csv: path.relative(env.root, csv) })),
    exitCode,
  };
  fs.writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  return path.relative(env.root, file);
}

// --- main ----------------------------------------------------------------------------------------

async function bench(argv: string[]): Promise<number> {
  const opts = parseOptions(argv);
  if (opts === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const env = prepareEnv(opts);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    process.stderr.write(`bench:browser: ${machine()}\nbench:browser: scripts in ${env.benchDir}, CSV cache in ${path.relative(env.root, env.cacheDir)}\n`);
    if (opts.notebook && env.notebookMissing) process.stderr.write(`bench:browser: notebook: not available (${env.notebookMissing})\n`);
    const url = await startServer(env.root);
    checkInterrupted();
    browser = await chromium.launch({
      ...(env.chromiumPath ? { executablePath: env.chromiumPath } : {}),
      args: launchArgs,
      handleSIGINT: false,
      handleSIGTERM: false,
    });
    const version = browser.version();
    process.stderr.write(`bench:browser: serving out/ at ${url}; Chromium ${version}${env.chromiumPath ? ` (${env.chromiumPath})` : ''}\n`);
    const results: SizeResult[] = [];
    for (const rows of opts.sizes) results.push(await benchSize(env, opts, browser, url, rows));
    const broken = results.filter((r) => r.error || (r.downloads && !r.downloads.identical) || !r.downloads);
    const exitCode = broken.length === 0 ? 0 : 1;
    process.stdout.write(
      `\nTrainset app in Chromium vs the notebook pipeline (${machine()})\n` +
        'Timed in the page unless marked: from the input event (its timeStamp) to the DOM change a MutationObserver sees, then to the\n' +
        'next animation frame (the frame that paints it). Downloads and "values listed" are timed from Playwright. Targets from the\n' +
        'issue: those stated for 100k rows apply up to 100k rows, those stated for 1M rows above that.\n',
    );
    for (const r of results) process.stdout.write(formatSize(r, version));
    const json = writeJson(env, results, version, exitCode);
    process.stdout.write(`\nfigures written to ${json}\n`);
    if (exitCode !== 0) {
      const why = broken.map((r) => `${formatRows(r.rows)} rows: ${r.error ?? r.downloads?.difference ?? 'downloads not checked'}`);
      process.stdout.write(`exit 1: ${why.join('; ')}\n`);
    }
    return exitCode;
  } finally {
    await browser?.close().catch(() => undefined);
    browser = null;
    killGroup(server, 'SIGTERM');
    if (opts.keep) process.stderr.write(`bench:browser: CLI and notebook outputs kept in ${env.workDir}\n`);
    else fs.rmSync(env.workDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  try {
    process.exitCode = await bench(process.argv.slice(2));
  } catch (e) {
    process.exitCode = reportError(e);
  }
}

function reportError(e: unknown): number {
  const interrupted = interruption();
  if (e instanceof Interrupted || interrupted) {
    process.stderr.write(`\nbench:browser: interrupted by ${interrupted ?? (e as Interrupted).signal}\n`);
    return 128 + (os.constants.signals[interrupted ?? (e as Interrupted).signal] ?? 1);
  }
  if (e instanceof UsageError || (e as { code?: unknown })?.code?.toString().startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`bench:browser: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const message = e instanceof BenchError ? e.message : firstLine(e);
  const prefix = e instanceof BenchError ? 'bench:browser' : 'bench:browser: internal error';
  process.stderr.write(`${prefix}: ${message}${process.env.TRAINSET_DEBUG && e instanceof Error ? `\n${e.stack}` : ''}\n`);
  return 1;
}

await main();
