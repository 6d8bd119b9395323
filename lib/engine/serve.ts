import { nextTask } from './next-task';

/**
 * Long calls that pause between slices and only read the data: they run beside the queue, so rows
 * asked for while they count (scrolling) are served between two slices instead of after the whole.
 */
const BESIDE_THE_QUEUE: ReadonlySet<string> = new Set(['countTokens', 'checks', 'slowChecks', 'suspects']);

/**
 * Results computed for the screen's side panels after every change (charts, split preview, the
 * state of format findings): they wait while the user is waiting for something else.
 */
const BACKGROUND: ReadonlySet<string> = new Set(['distribution', 'splitPreview', 'formatFindingStates']);

/**
 * What the user is waiting for on screen and that changes no row: rows to show, a sort or a filter,
 * the values of a filter, a replace preview. Such a call goes ahead of background calls still waiting,
 * never ahead of a change. (A background result may then describe a newer view of the rows than the
 * one it was asked for; never an older one, and the store asks again when the rows change.)
 */
const SCREEN_READS: ReadonlySet<string> = new Set([
  'rows',
  'rowsById',
  'setView',
  'viewIds',
  'values',
  'planReplace',
  'previewFix',
  'visibleBadRows',
  'reviewQueue',
]);

export interface Lanes {
  beside: ReadonlySet<string>;
  background: ReadonlySet<string>;
  screenReads: ReadonlySet<string>;
}

const LANES: Lanes = { beside: BESIDE_THE_QUEUE, background: BACKGROUND, screenReads: SCREEN_READS };

interface Job {
  key: string;
  run: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * The same object, its methods served one after another in the order they were called: a call
 * that waits (reading a file's bytes) must not let a later edit run on the dataset it replaces.
 * Two exceptions: calls `beside` the queue start in turn but do not hold up later calls, and a
 * screen read waiting behind background calls is served before them (the first click after a load
 * does not wait for the charts).
 */
export function serveInOrder<T extends object>(target: T, lanes: Lanes = LANES, onCall?: (method: string, userWaits: boolean) => void): T {
  const waiting: Job[] = [];
  let busy = false;
  /** Settles when the last call made so far has ended (what a call beside the queue waits for). */
  let last: Promise<unknown> = Promise.resolve();

  /** The next job: the first, unless background jobs come first and a screen read waits behind them with no change between. */
  const next = (): Job => {
    for (let i = 0; i < waiting.length; i++) {
      const job = waiting[i]!;
      if (lanes.screenReads.has(job.key)) return waiting.splice(i, 1)[0]!;
      if (!lanes.background.has(job.key)) break;
    }
    return waiting.shift()!;
  };

  const pump = async (): Promise<void> => {
    if (busy) return;
    busy = true;
    try {
      while (waiting.length > 0) {
        // Before background work, let the page's calls sent meanwhile arrive: they may go first.
        if (lanes.background.has(waiting[0]!.key)) await nextTask();
        const job = next();
        try {
          job.resolve(await job.run());
        } catch (e) {
          job.reject(e);
        }
      }
    } finally {
      busy = false;
    }
  };

  return new Proxy(target, {
    get(t, key, receiver) {
      const value: unknown = Reflect.get(t, key, receiver);
      if (typeof value !== 'function' || typeof key !== 'string') return value;
      const method = value as (...a: unknown[]) => unknown;
      return (...args: unknown[]) => {
        const call = () => method.apply(t, args);
        onCall?.(key, !lanes.beside.has(key) && !lanes.background.has(key));
        if (lanes.beside.has(key)) {
          // Still after the calls sent before it (the rows it reads are theirs), but not holding up later ones.
          return last.then(call);
        }
        const result = new Promise((resolve, reject) => waiting.push({ key, run: call, resolve, reject }));
        last = result.catch(() => undefined);
        void pump();
        return result;
      };
    },
  });
}

/** What the engine service needs to know of the calls it serves: when the user last waited for one. */
export interface Attentive {
  userWaited(): void;
}

/** The engine service served in order, told of each call the user waits for (its long runs give way meanwhile). */
export function serveEngine<T extends Attentive>(service: T): T {
  return serveInOrder(service, LANES, (_method, userWaits) => {
    if (userWaits) service.userWaited();
  });
}
