import type { CsvOptions, CsvProgress } from '../csv';
import { transfer } from '../rpc';
import { readProject, writeProject } from '../project';
import { bundleName, packSources } from '../sources';
import { nextTask } from './next-task';
import type { CheckReport, CheckResult } from '../quality';
import { parseChoices } from './choices';
import { DEFAULT_CHOICES, Engine, type EngineEvent, type LoadOutcome } from './engine';
import type { Attentive } from './serve';
import type { SavedSession } from './persist';
import type { ColumnMapping, DatasetStatus, ExportChoices, LoadedMeta, TaskProgress, TokenReport } from './types';

/**
 * What the engine tells the page, on one channel: its change events (a new file's carries the file
 * itself, for the page to save), and progress of long work.
 */
export type ServiceEvent =
  | Exclude<EngineEvent, { type: 'loaded' }>
  | { type: 'loaded'; name: string; options: CsvOptions; file: Blob }
  | { type: 'progress'; progress: CsvProgress | TaskProgress };

/** A saved session opened again: what the page shows, and what could not be replayed. */
export interface OpenedSession {
  meta: LoadedMeta;
  status: DatasetStatus;
  length: number;
  /** Saved edits kept (the ones after a change that did not fit the file are dropped). */
  applied: number;
  /** Saved edits that could not be replayed on the file, with why. */
  dropped: number;
  droppedWhy: string | null;
}

const PREPARE_SORT_MAX_ROWS = 300_000;
const PREPARE_SORT_DELAY_MS = 400;
/**
 * Long background runs (the quality checks) start, and go on after each slice, only once the user
 * has asked nothing for this long: while they scroll, sort or type, the worker stays theirs.
 */
const QUIET_MS = 150;

/**
 * Milliseconds of background work between two pauses. A call the user waits for (the rows to show
 * after a scroll) that comes during a slice waits for its end, and on two cores the slice also
 * takes a core from the page drawing them: short slices keep both within a frame, and a pause costs
 * a few microseconds (`nextTask`). At 100k rows, 5 ms instead of 10 brought the scroll right after an
 * edit from 58–60 ms to 47–52 ms, and the findings came no later (9.1–10.0 s against 9.7–10.7 s).
 */
const SLICE_MS = 5;

/** How often a run waiting for another (the slow checks for the quick ones) looks whether it may go on. */
const BUSY_POLL_MS = 20;

/** Progress at most this often: enough for a smooth bar, not a flood of messages. */
const PROGRESS_EVERY_MS = 50;

/**
 * The engine as the page reaches it, served by the Web Worker (or, where no worker can run, on a
 * MessageChannel in the page): the {@link Engine} itself, plus what only makes sense across the
 * channel (files as Blobs, saved sessions, progress as events). The page's type is derived from
 * this class (`Remote<EngineApi>`), so the API is written here once.
 */
export class EngineService extends Engine implements Attentive {
  private lastProgress = 0;
  private lastUserCall = 0;
  /** Quick checks running now (they decide the downloads: the slow runs let them finish first). */
  private quickChecks = 0;

  constructor(private readonly send: (event: ServiceEvent) => void) {
    super();
  }

  /** Start sending the engine's events; the file of a `loaded` event is the Blob being read. */
  private forward(file: Blob | null): () => void {
    return this.listen((event) => this.send(event.type === 'loaded' ? { ...event, file: file ?? new Blob([]) } : event));
  }

  private progress = (progress: CsvProgress | TaskProgress): void => {
    const now = performance.now();
    const finished = 'task' in progress ? progress.done >= progress.total : progress.bytesRead >= progress.totalBytes;
    if (now - this.lastProgress < PROGRESS_EVERY_MS && !finished) return;
    this.lastProgress = now;
    this.send({ type: 'progress', progress });
  };

  private unforward: (() => void) | null = null;

  /** Read a file the user chose (the previous dataset stays if it cannot be read). */
  async loadFile(file: Blob, name: string, options: CsvOptions): Promise<LoadOutcome> {
    return this.loadBytes(new Uint8Array(await file.arrayBuffer()), file, name, options);
  }

  /**
   * Read several files as one dataset (lib/sources): bundled here, in the worker, so that the
   * session saved, the project and a rebuilt worker all keep every file, through the one path a
   * single file takes. One file is read as it is.
   */
  async loadFiles(files: Blob[], names: string[], options: CsvOptions): Promise<LoadOutcome> {
    if (files.length === 1) return this.loadFile(files[0]!, names[0]!, options);
    const sources = await Promise.all(files.map(async (f, i) => ({ name: names[i]!, bytes: new Uint8Array(await f.arrayBuffer()) })));
    const bundle = packSources(sources);
    return this.loadBytes(bundle, new Blob([bundle as Uint8Array<ArrayBuffer>]), bundleName(names), options);
  }

  /** Counts the files read, so that work prepared for one stops when another is read. */
  private loads = 0;

  private loadBytes(bytes: Uint8Array, file: Blob, name: string, options: CsvOptions): LoadOutcome {
    this.loads++;
    this.unforward?.();
    this.unforward = this.forward(file);
    const outcome = this.load(bytes, name, options, this.progress);
    if (outcome.ok) this.prepareSortSoon(outcome.meta.rowCount);
    return outcome;
  }

  /**
   * Open a saved session (after a reload, or to rebuild a worker that died): read its file, then
   * replay its edits. Nothing is sent to be saved meanwhile: it is saved already.
   */
  async open(saved: SavedSession): Promise<{ ok: true; session: OpenedSession } | { ok: false; reason: string }> {
    const bytes = new Uint8Array(await saved.file.blob.arrayBuffer());
    this.loads++;
    const outcome = this.load(bytes, saved.file.name, saved.file.options, this.progress, false);
    // A file that cannot be read leaves the open session as it was, still saved as it changes.
    if (!outcome.ok) return { ok: false, reason: `the saved file ${saved.file.name} could not be read again: ${outcome.problem.message}` };
    this.unforward?.();
    this.unforward = null;
    const restored = this.restore({ mapping: saved.mapping, history: saved.history, handledBadLines: saved.handledBadLines });
    this.unforward = this.forward(saved.file.blob);
    const meta = this.loadedMeta!;
    this.prepareSortSoon(meta.rowCount);
    return {
      ok: true,
      session: {
        meta,
        status: restored.status,
        length: this.setView({}).length,
        applied: restored.applied,
        dropped: restored.dropped,
        droppedWhy: restored.error ?? null,
      },
    };
  }

  override setMapping(mapping: ColumnMapping): ReturnType<Engine['setMapping']> {
    const r = super.setMapping(mapping);
    if (r.ok) this.prepareSortSoon(this.status().rows);
    return r;
  }

  /** Every row id in the current view, moved to the page rather than copied. */
  override viewIds(): Int32Array {
    const ids = super.viewIds();
    return transfer(ids, [ids.buffer]);
  }

  /** Called by the serving layer for each call the user waits for (rows, a sort, an edit). */
  userWaited(): void {
    this.lastUserCall = performance.now();
  }

  /**
   * Nothing but a sign that the user is busy on the page (scrolling): like every call the user
   * waits for, it holds the background runs for {@link QUIET_MS}. The rows a scroll shows are asked
   * for only once the page has drawn a frame; told at the first scroll event, the checks pause at
   * the end of their slice instead of competing for the two cores meanwhile.
   */
  userActive(): void {}

  /** Settles once the user has asked nothing for `QUIET_MS` (at least one task later). */
  private async quiet(): Promise<void> {
    do {
      const wait = QUIET_MS - (performance.now() - this.lastUserCall);
      await (wait > 0 ? new Promise((resolve) => setTimeout(resolve, wait)) : nextTask());
    } while (performance.now() - this.lastUserCall < QUIET_MS);
  }

  /**
   * Settles once the user is quiet and `busy()` is false, looking again every {@link BUSY_POLL_MS}
   * while it is true (a timer, not the next task: a run waiting for another must not spin beside it).
   */
  private async quietAnd(busy: () => boolean): Promise<void> {
    for (;;) {
      await this.quiet();
      if (!busy()) return;
      await new Promise((resolve) => setTimeout(resolve, BUSY_POLL_MS));
    }
  }

  /** The quick checks or a token count run: the slow runs wait (a download waits for the quick checks). */
  private readonly checkingOrCounting = (): boolean => this.quickChecks > 0 || this.tokenCounts > 0;

  /**
   * The quality checks, started and resumed between slices only while the user waits for nothing
   * and no count they asked for runs. They do not wait for the count made by itself after each edit
   * of a small file: the checks decide whether the files may be downloaded.
   */
  override async checks(choices: ExportChoices): Promise<CheckReport | null> {
    this.quickChecks++;
    const giveWay = () => this.quietAnd(this.countAsked);
    try {
      return await super.checks(choices, { start: giveWay, pause: giveWay, sliceMs: SLICE_MS });
    } finally {
      this.quickChecks--;
    }
  }

  /** The slow checks (near-duplicates, typos): after the quick ones, in their own run, giving way to the user, the quick checks and a token count. */
  slowChecks(choices: ExportChoices): Promise<CheckReport | null> {
    const giveWay = () => this.quietAnd(this.checkingOrCounting);
    return super.checks(choices, { start: giveWay, pause: giveWay, sliceMs: SLICE_MS, lane: 'slow' });
  }

  /** The suspect-label finding, started and resumed only while the user waits for nothing and no quick checks run, with progress sent as events. */
  override async suspects(choices: ExportChoices): Promise<CheckResult[] | null> {
    const giveWay = () => this.quietAnd(this.checkingOrCounting);
    return super.suspects(choices, {
      start: giveWay,
      pause: giveWay,
      sliceMs: SLICE_MS,
      onProgress: (done, total) => this.progress({ task: 'suspects', done, total }),
    });
  }

  /**
   * The session as a project file (`lib/project`): the page hands in what it saves (the file and
   * every change), the project holds the same, so opening it restores the session exactly.
   */
  async projectFile(saved: SavedSession): Promise<Blob> {
    const bytes = new Uint8Array(await saved.file.blob.arrayBuffer());
    // With the manifest of the export these settings make now, when one can be made (the open session is the saved one).
    const { choices } = parseChoices(saved.choices, DEFAULT_CHOICES);
    const made = this.loadedMeta?.mapping ? await this.exportWithManifest(choices).catch(() => null) : null;
    const project = writeProject({ ...saved, file: { ...saved.file, bytes }, ...(made?.ok ? { manifest: made.manifest } : {}) });
    return new Blob([project as Uint8Array<ArrayBuffer>], { type: 'application/zip' });
  }

  /** A project file read back (untrusted): the session it holds, with what was damaged, or why it cannot be opened. */
  async readProject(file: Blob, name: string): Promise<{ ok: true; session: SavedSession; damage: string[] } | { ok: false; reason: string }> {
    const read = readProject(new Uint8Array(await file.arrayBuffer()), name);
    if (!read.ok) return read;
    const { file: source, ...rest } = read.project;
    const session: SavedSession = {
      file: { name: source.name, blob: new Blob([source.bytes as Uint8Array<ArrayBuffer>]), options: source.options, savedAt: source.savedAt },
      mapping: rest.mapping,
      history: rest.history,
      choices: rest.choices,
      handledBadLines: rest.handledBadLines,
      savedAt: rest.savedAt,
    };
    return { ok: true, session, damage: read.damage };
  }

  /** Token counts running now (the slow runs give way to them). */
  private tokenCounts = 0;
  /** Of those, the ones the user asked for and waits for (every background run gives way to them). */
  private askedCounts = 0;
  private readonly countAsked = (): boolean => this.askedCounts > 0;

  /**
   * Tokens and cost, with progress sent as events. `asked`: the user clicked for it and waits; the
   * quick checks then pause too (sharing the worker, they made a count at 100k rows 0.5 s longer).
   */
  async countTokens(choices: ExportChoices, asked = false): Promise<TokenReport | null> {
    this.tokenCounts++;
    if (asked) this.askedCounts++;
    try {
      return await this.tokens(choices, (done, total) => this.progress({ task: 'tokens', done, total }), SLICE_MS);
    } finally {
      this.tokenCounts--;
      if (asked) this.askedCounts--;
    }
  }

  /**
   * Once the grid has its first rows, use the idle worker to prepare the text column's sort
   * (about 0.2-0.5 s at 100k rows), so sorting by it answers at once. Skipped for very large files,
   * where it would hold up scrolling for seconds; their first text sort pays it instead.
   */
  private prepareSortSoon(rows: number): void {
    if (rows > PREPARE_SORT_MAX_ROWS) return;
    const load = this.loads;
    setTimeout(() => {
      if (load !== this.loads) return;
      this.prepareSort();
      void this.prepareSearchWhenQuiet(load);
    }, PREPARE_SORT_DELAY_MS);
  }

  /** Each column's lower-cased copy for the first search, one column a task, while the user asks nothing (a new file stops it). */
  private async prepareSearchWhenQuiet(load: number): Promise<void> {
    for (let col = 0; ; col++) {
      await this.quiet();
      if (load !== this.loads || !this.prepareSearch(col)) return;
    }
  }
}

/** What the page may call: the service less what only works inside it (listeners, functions as arguments, internals). */
export type EngineApi = Omit<
  EngineService,
  'listen' | 'commit' | 'load' | 'restore' | 'tokens' | 'settings' | 'loadedMeta' | 'prepareSort' | 'prepareSearch' | 'checkTable'
>;

/**
 * Methods that only read: safe to send again to a new worker when the one they were sent to died
 * (a change is not: it may have been made, and saved, before the worker died).
 */
export const RETRYABLE: ReadonlySet<keyof EngineApi> = new Set<keyof EngineApi>([
  'values',
  'distribution',
  'splitPreview',
  'exportFiles',
  'exportWithManifest',
  'cleanedCsv',
  'checks',
  'suspects',
  'slowChecks',
  'reviewQueue',
  'previewFix',
  'planReplace',
  'countTokens',
  'formatFindingStates',
]);
