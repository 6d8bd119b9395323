import type { CsvOptions } from '../csv';
import { connect, expose, type Connection, type Endpoint, type Remote } from '../rpc';
import { EngineService, RETRYABLE, type EngineApi, type OpenedSession, type ServiceEvent } from './api';
import { parseChoices } from './choices';
import { DEFAULT_CHOICES } from './engine';
import { SessionStore, type SavedSession, type SaveState } from './persist';
import { serveEngine } from './serve';
import type { ExportChoices } from './types';

/** What the page hears from its engine, on one channel. */
export type ClientEvent =
  | ServiceEvent
  /** Whether every change is on disk (see {@link SaveState}). */
  | { type: 'saving'; state: SaveState }
  /** The worker stopped and a new engine took over with the session rebuilt: the page re-asks what it shows. */
  | { type: 'restarted'; message: string }
  /** The engine could not be started again: nothing more can be done in this page. */
  | { type: 'fatal'; message: string };

/** The error of a call in flight when the engine stopped (calls that only read are sent again instead). */
export class EngineStoppedError extends Error {
  constructor(message = "Trainset's data worker stopped while this was running. It has been restarted with your work; try again.") {
    super(message);
    this.name = 'EngineStoppedError';
  }
}

/** A saved session opened again, with everything that could not be brought back, in words. */
export type RestoreOutcome =
  | { kind: 'none' }
  | { kind: 'unreadable'; reason: string }
  | { kind: 'session'; session: OpenedSession; choices: ExportChoices; savedAt: number; damage: string[]; droppedSettings: string[] };

export interface EngineClient {
  /** The engine's API (served in a worker, or in the page); calls made while it restarts wait for it. */
  readonly api: Remote<EngineApi>;
  /** Hear the engine's events and the save state; returns the way to stop. */
  on(listener: (event: ClientEvent) => void): () => void;
  readonly saveState: SaveState;
  /** Open the session saved in this browser, saying what could not be restored. */
  restore(): Promise<RestoreOutcome>;
  /** Open a project file (`.trainset`): its session replaces the saved one, as if restored after a reload. */
  openProject(file: Blob, name: string): Promise<Exclude<RestoreOutcome, { kind: 'none' }>>;
  /** The session being worked on, as a project file (null before a file is loaded). */
  projectFile(): Promise<Blob | null>;
  /** Forget the saved session (Start over). */
  forget(): void;
  /** The file of the session being worked on, as it was read (its saved copy after a reload), or null before one. */
  sessionFile(): { file: File; options: CsvOptions } | null;
  saveChoices(choices: ExportChoices): void;
  /** A read-only tab changes nothing, in the engine or on disk. */
  setReadOnly(on: boolean): Promise<void>;
}

interface Running {
  connection: Connection<EngineApi, ServiceEvent>;
  kind: 'worker' | 'page';
  stop(): void;
}

/** How long a new worker may take to say it is ready before the page serves the engine itself. */
const START_TIMEOUT_MS = 15_000;
/** More restarts than this in a minute: the worker keeps dying, so the page serves the engine itself. */
const MAX_RESTARTS_PER_MINUTE = 3;

export interface ClientOptions {
  /** Where persistence writes (tests pass one over fake-indexeddb). */
  store?: SessionStore;
  /** Start a worker; null: serve the engine in the page (tests, and browsers that cannot). */
  worker?: ((name: string) => WorkerLike) | null;
  /** Call `died` when the worker named `name` ends (by default: when the lock it holds is released). */
  watch?: (name: string, died: () => void, signal: AbortSignal) => void;
}

/** What the client needs of a Worker (tests pass one made of a MessageChannel). */
export type WorkerLike = Pick<Worker, 'postMessage' | 'addEventListener' | 'removeEventListener' | 'terminate'>;

/** The worker holds a lock named after it while it lives; this request is granted when it ends, however it ends. */
function watchLock(name: string, died: () => void, signal: AbortSignal): void {
  if (typeof navigator === 'undefined' || !navigator.locks) return;
  navigator.locks.request(name, { signal }, () => died()).catch(() => undefined);
}

const defaultWorker = (name: string): WorkerLike => new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name });

/**
 * The page's handle on the engine. It starts the engine in a Web Worker, saves every change the
 * engine reports (persistence lives here, in the page, so unsaved changes outlive the worker),
 * and watches the worker: when it dies (a crash, `self.close()`, the browser reclaiming memory)
 * the calls in flight are sent again or failed with a message, a new engine is started (a worker,
 * or the page itself when a worker cannot start, e.g. its file was removed by a new deployment)
 * and the session is rebuilt from what is saved plus what is not saved yet. Never a hang.
 */
export function createEngineClient(options: ClientOptions = {}): EngineClient {
  const persistence = options.store ?? new SessionStore();
  const makeWorker = options.worker === undefined ? (typeof Worker === 'undefined' ? null : defaultWorker) : options.worker;
  const listeners = new Set<(event: ClientEvent) => void>();
  const send = (event: ClientEvent): void => {
    for (const l of listeners) l(event);
  };
  let readOnly = false;
  let restarts: number[] = [];
  let workerBroken = makeWorker === null;

  persistence.onState((state) => send({ type: 'saving', state }));

  /** Persistence hears the engine first, then the page. */
  const onEngineEvent = (event: ServiceEvent): void => {
    if (event.type === 'loaded') persistence.fileLoaded(event.file, event.name, event.options);
    else if (event.type === 'mapped') persistence.mapped(event.mapping);
    else if (event.type === 'bad-rows') persistence.badRowsHandled(event.handled);
    else if (event.type === 'changed') persistence.historyStep(event.step);
    send(event);
  };

  const inPage = (): Running => {
    const { port1, port2 } = new MessageChannel();
    let emit: (event: ServiceEvent) => void = () => {};
    const served = expose<EngineService, ServiceEvent>(serveEngine(new EngineService((e) => emit(e))), port1);
    emit = served.emit;
    served.ready();
    const connection = connect<EngineApi, ServiceEvent>(port2);
    connection.onEvent(onEngineEvent);
    return { connection, kind: 'page', stop: () => (port1.close(), port2.close()) };
  };

  const watch = options.watch ?? watchLock;

  const inWorker = async (create: (name: string) => WorkerLike): Promise<Running | null> => {
    const name = `trainset-engine-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    let worker: WorkerLike;
    try {
      worker = create(name);
    } catch {
      return null;
    }
    const connection = connect<EngineApi, ServiceEvent>(worker as WorkerLike & Endpoint);
    const watching = new AbortController();
    const stop = (): void => {
      watching.abort();
      worker.terminate();
    };
    // A worker whose script fails to load (removed by a new deployment, blocked) fires `error` before it is ready.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const failedToStart = new Promise<false>((resolve) => {
      worker.addEventListener('error', () => resolve(false), { once: true });
      timer = setTimeout(() => resolve(false), START_TIMEOUT_MS);
    });
    const started = await Promise.race([connection.ready.then(() => true), failedToStart]);
    clearTimeout(timer);
    if (!started) {
      stop();
      return null;
    }
    const running: Running = { connection, kind: 'worker', stop };
    connection.onEvent(onEngineEvent);
    watch(name, () => died(running), watching.signal);
    return running;
  };

  const start = async (): Promise<Running> => {
    if (!workerBroken && makeWorker) {
      const running = await inWorker(makeWorker);
      if (running) return running;
      workerBroken = true;
    }
    return inPage();
  };

  let current: Promise<Running> = start();

  /** Rebuild the session in a new engine from what is saved plus what is not yet. */
  const rebuild = async (): Promise<Running> => {
    const running = await start();
    const saved = persistence.snapshot();
    if (saved) {
      const opened = await running.connection.remote.open(saved);
      if (!opened.ok) throw new Error(opened.reason);
    }
    if (readOnly) await running.connection.remote.setReadOnly(true);
    return running;
  };

  const died = (running: Running): void => {
    void current.then((now) => {
      if (now !== running) return;
      running.connection.fail(new EngineStoppedError());
      running.stop();
      const t = Date.now();
      restarts = [...restarts.filter((r) => t - r < 60_000), t];
      if (restarts.length > MAX_RESTARTS_PER_MINUTE) workerBroken = true;
      const next = rebuild();
      current = next;
      next.then(
        (r) =>
          send({
            type: 'restarted',
            message:
              r.kind === 'worker'
                ? "Trainset's data worker stopped and was restarted. Your work is all here."
                : "Trainset's data worker stopped and could not be started again, so this page does its work now (it may be slower). Your work is all here.",
          }),
        (e: unknown) => send({ type: 'fatal', message: `Trainset's data worker stopped and your work could not be reopened: ${(e as Error).message}` }),
      );
    });
  };

  const call = async (method: keyof EngineApi, args: unknown[]): Promise<unknown> => {
    for (let attempt = 0; ; attempt++) {
      const running = await current;
      try {
        return await (running.connection.remote[method] as (...a: unknown[]) => Promise<unknown>)(...args);
      } catch (e) {
        // A call that only reads is sent again to the new engine, once.
        if (e instanceof EngineStoppedError && RETRYABLE.has(method) && attempt === 0) continue;
        throw e;
      }
    }
  };

  const api = new Proxy({} as Remote<EngineApi>, {
    get(_target, key) {
      if (typeof key !== 'string' || key === 'then') return undefined;
      return (...args: unknown[]) => call(key as keyof EngineApi, args);
    },
  });

  /** Changes the engine kept of a saved history: all of them (undone ones too), or those before one that did not fit. */
  const keptChanges = (saved: SavedSession, opened: OpenedSession): number => (opened.dropped > 0 ? opened.applied : saved.history.changes.length);

  /** A saved session (this browser's, or a project's) opened in the engine, with what could not be restored. */
  const openSaved = async (saved: SavedSession, readDamage: string[]): Promise<Exclude<RestoreOutcome, { kind: 'none' }>> => {
    const opened = await api.open(saved);
    if (!opened.ok) return { kind: 'unreadable', reason: opened.reason };
    const { session } = opened;
    const choices = parseChoices(saved.choices, DEFAULT_CHOICES);
    const damage = [...readDamage];
    if (session.dropped > 0) {
      damage.push(
        `${session.dropped === 1 ? '1 saved edit' : `${session.dropped} saved edits`} did not fit the file and ${session.dropped === 1 ? 'was' : 'were'} dropped${session.droppedWhy ? ` (${session.droppedWhy})` : ''}`,
      );
    }
    return { kind: 'session', session, choices: choices.choices, savedAt: saved.savedAt, damage, droppedSettings: choices.dropped };
  };

  return {
    api,
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get saveState() {
      return persistence.state;
    },
    async restore() {
      const read = await persistence.load();
      if (read.kind !== 'session') return read;
      const opened = await openSaved(read.session, read.damage);
      if (opened.kind === 'session') persistence.keepHistory(keptChanges(read.session, opened.session));
      return opened;
    },
    async openProject(file, name) {
      const read = await api.readProject(file, name);
      if (!read.ok) return { kind: 'unreadable', reason: read.reason };
      const opened = await openSaved(read.session, read.damage);
      // Saved once it opened (with the edits that fit): a project that cannot be opened leaves the saved session as it was.
      if (opened.kind === 'session') {
        const { changes, position } = read.session.history;
        const kept = keptChanges(read.session, opened.session);
        persistence.sessionOpened({ ...read.session, history: { changes: changes.slice(0, kept), position: Math.min(position, kept) } });
      }
      return opened;
    },
    async projectFile() {
      // The page's copy holds every change, stored yet or not.
      const saved = persistence.snapshot();
      return saved ? api.projectFile(saved) : null;
    },
    sessionFile() {
      const saved = persistence.snapshot();
      return saved ? { file: new File([saved.file.blob], saved.file.name), options: saved.file.options } : null;
    },
    forget() {
      persistence.clear();
    },
    saveChoices(choices) {
      persistence.saveChoices(choices);
    },
    async setReadOnly(on) {
      readOnly = on;
      persistence.setReadOnly(on);
      await api.setReadOnly(on);
    },
  };
}
