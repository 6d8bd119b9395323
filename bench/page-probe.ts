// The in-page half of `npm run bench:browser` (bench/browser.ts, bench/browser-steps.ts): a script added to every page
// before the app's own scripts run. It records main-thread long tasks and times DOM changes against
// the input event that caused them, all with the page's own clock (performance.now()).
//
// It is a string, not a function, on purpose: tsx (esbuild with keepNames) wraps named functions in
// a `__name` helper that does not exist in the page, and the app's Content-Security-Policy forbids
// eval, so nothing here may be compiled from text inside the page either. The checks are therefore
// fixed, named and parameterised by plain data.

/**
 * What the bench can wait for in the page (see CHECKS below). The status line alone is not enough
 * for a view change: the store updates it (and "Showing … of …") before the worker has answered, and
 * the grid keeps showing the previous rows until the new ones arrive. So a view check also looks at
 * the grid's row count (aria-rowcount, set from the worker's answer) and at the first row shown.
 */
export type CheckSpec =
  /** The app shell's data-phase attribute has this value. */
  | { kind: 'phase'; phase: string }
  /** An element matches this CSS selector (e.g. the Issues panel's data-suspects="ready"). */
  | { kind: 'matches'; selector: string }
  /** A button with exactly this text exists and is enabled. */
  | { kind: 'enabled'; name: string }
  /** Every field given holds; the first data row is always required to be rendered with its data. */
  | {
      kind: 'view';
      /** The status line's row count reads exactly this, */
      status?: string;
      /** or starts with this. */
      statusPrefix?: string;
      /** The grid holds this many rows (aria-rowcount - 1), */
      length?: number;
      /** or any number but this one. */
      lengthNot?: number;
      /** The first row's number (the "#" column) is this, */
      firstRow?: string;
      /** or anything but this. */
      firstRowNot?: string;
      /** The first row's cell in grid column `col` reads exactly `text`. */
      firstCell?: { col: number; text: string };
      /** The first row's text contains this (case-insensitive). */
      firstRowContains?: string;
    }
  /** The cell at view position `row`, grid column `col` shows exactly `text` (not an editor). */
  | { kind: 'cellText'; row: number; col: number; text: string }
  /** Rows `first`…`last` of the view are all rendered with their data (no placeholders). */
  | { kind: 'rowsShown'; first: number; last: number }
  /** Row `index` of the view is rendered with its data and lies within the grid's visible area. */
  | { kind: 'rowVisible'; index: number }
  /** A button with exactly this text exists and is disabled. */
  | { kind: 'disabled'; name: string };

/** The input event that starts the clock; without one, the clock starts when the check is armed. */
export interface Trigger {
  type: 'change' | 'click' | 'keydown';
  key?: string;
}

/** One timed interaction, in the page's milliseconds (performance.now()). */
export interface Timing {
  /** The triggering event's time (its timeStamp when sane, else when its listener ran). */
  t0: number | null;
  /** When the condition first held (a DOM mutation callback, before paint). */
  dom: number | null;
  /** The next animation frame after `dom`: the frame that paints the change. Null if none came within 1 s. */
  frame: number | null;
  /** The condition held before the trigger happened (the measurement is void). */
  early: boolean;
  timedOut: boolean;
}

export interface LongTask {
  start: number;
  duration: number;
}

/** A long animation frame (LoAF) and the scripts that ran longest in it: what a long task was busy with. */
export interface LongFrame {
  start: number;
  duration: number;
  blocking: number;
  scripts: { invoker: string; source: string; duration: number }[];
}

/** The grid's geometry, to tell a slow grid from one that cannot scroll as far as its rows. */
export interface GridGeometry {
  length: number;
  scrollHeight: number;
  /** What the virtual list asks for: a header and 44 px per row. */
  wantedHeight: number;
  clientHeight: number;
  scrollTop: number;
  /** View positions of the rendered rows inside the visible area, with data. */
  visibleRows: number[];
}

/** What the script installs as `window.__trainsetBench`. */
export interface BenchProbe {
  /** The long tasks seen so far, or null when the browser does not report them. */
  takeLongTasks(): LongTask[] | null;
  /** Long animation frames seen so far (empty when the browser does not report them). */
  takeLongFrames(): LongFrame[];
  gridGeometry(): GridGeometry | null;
  now(): number;
  arm(id: string, check: CheckSpec, trigger: Trigger | null): void;
  wait(id: string, timeoutMs: number): Promise<Timing>;
  /** Scrolls the grid to `fraction` of its height and arms `id` for the rows that should then show. */
  scrollGrid(id: string, fraction: number): { first: number; last: number } | null;
  statusText(): string | null;
  pageHeap(): number | null;
}

export const PROBE_GLOBAL = '__trainsetBench';

export const PAGE_PROBE = String.raw`
(() => {
  if (window.${PROBE_GLOBAL}) return;
  const longTasks = [];
  let longTaskSupported = false;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    longTaskSupported = true;
  } catch (e) {
    longTaskSupported = false;
  }

  const longFrames = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const scripts = (e.scripts || [])
          .map((x) => ({ invoker: x.invoker || '', source: (x.sourceFunctionName ? x.sourceFunctionName + ' @ ' : '') + (x.sourceURL || '').replace(/^.*\/_next\//, '_next/') + (x.sourceCharPosition >= 0 ? ':' + x.sourceCharPosition : ''), duration: x.duration }))
          .sort((a, b) => b.duration - a.duration)
          .slice(0, 3);
        longFrames.push({ start: e.startTime, duration: e.duration, blocking: e.blockingDuration || 0, scripts });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch (e) {
    // Not supported: no attribution, the long tasks still count.
  }

  const grid = () => document.querySelector('[role="grid"][aria-label="Dataset rows"]');
  const row = (index) => {
    const g = grid();
    return g ? g.querySelector('[role="row"][aria-rowindex="' + (index + 2) + '"]') : null;
  };
  const cell = (index, col) => {
    const g = grid();
    return g ? g.querySelector('[role="gridcell"][data-row="' + index + '"][data-col="' + col + '"]') : null;
  };
  const loadedRow = (index) => {
    const r = row(index);
    return r !== null && !r.hasAttribute('aria-busy');
  };
  // The grid's status line: <div role="status"><span>100,000 rows</span>…</div>.
  const statusText = () => {
    for (const el of document.querySelectorAll('[role="status"]')) {
      const s = el.firstElementChild;
      if (s && s.tagName === 'SPAN' && /\brows?\b/.test(s.textContent || '')) return s.textContent;
    }
    return null;
  };

  const gridLength = () => {
    const g = grid();
    return g ? Number(g.getAttribute('aria-rowcount')) - 1 : -1;
  };
  const text = (el) => (el === null ? null : el.textContent);

  const CHECKS = {
    phase: (a) => document.querySelector('[data-phase="' + a.phase + '"]') !== null,
    matches: (a) => document.querySelector(a.selector) !== null,
    enabled: (a) => {
      for (const b of document.querySelectorAll('button')) if ((b.textContent || '').trim() === a.name && !b.disabled) return true;
      return false;
    },
    view: (a) => {
      if (!loadedRow(0)) return false;
      const status = statusText();
      if (a.status !== undefined && status !== a.status) return false;
      if (a.statusPrefix !== undefined && (status === null || !status.startsWith(a.statusPrefix))) return false;
      const length = gridLength();
      if (a.length !== undefined && length !== a.length) return false;
      if (a.lengthNot !== undefined && length === a.lengthNot) return false;
      const number = text(cell(0, 1));
      if (a.firstRow !== undefined && number !== a.firstRow) return false;
      if (a.firstRowNot !== undefined && number === a.firstRowNot) return false;
      if (a.firstCell !== undefined) {
        const c = cell(0, a.firstCell.col);
        const shown = c === null ? null : c.firstElementChild;
        if (!shown || shown.textContent !== a.firstCell.text) return false;
      }
      if (a.firstRowContains !== undefined && !(text(row(0)) || '').toLowerCase().includes(a.firstRowContains.toLowerCase())) return false;
      return true;
    },
    cellText: (a) => {
      const c = cell(a.row, a.col);
      if (c === null || c.querySelector('input, textarea') !== null) return false;
      const shown = c.firstElementChild;
      return shown !== null && shown.textContent === a.text;
    },
    rowVisible: (a) => {
      const g = grid();
      const r = row(a.index);
      if (g === null || r === null || r.hasAttribute('aria-busy')) return false;
      const gb = g.getBoundingClientRect();
      const rb = r.getBoundingClientRect();
      return rb.height > 0 && rb.top >= gb.top && rb.bottom <= gb.bottom + 1;
    },
    disabled: (a) => {
      for (const b of document.querySelectorAll('button')) if ((b.textContent || '').trim() === a.name && b.disabled) return true;
      return false;
    },
    rowsShown: (a) => {
      for (let i = a.first; i <= a.last; i++) if (!loadedRow(i)) return false;
      return true;
    },
  };

  const records = {};

  const arm = (id, check, trigger) => {
    const rec = { t0: null, dom: null, frame: null, early: false, timedOut: false, done: null };
    rec.promise = new Promise((resolve) => (rec.done = resolve));
    const armedAt = performance.now();
    if (trigger) {
      const onEvent = (e) => {
        if (rec.t0 !== null || (trigger.key && e.key !== trigger.key)) return;
        const now = performance.now();
        // timeStamp is when the input happened (it includes any wait for a busy main thread).
        rec.t0 = e.timeStamp >= armedAt - 1 && e.timeStamp <= now ? e.timeStamp : now;
        window.removeEventListener(trigger.type, onEvent, true);
      };
      window.addEventListener(trigger.type, onEvent, true);
    } else {
      rec.t0 = armedAt;
    }
    const test = CHECKS[check.kind];
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      rec.done();
    };
    const probe = () => {
      if (rec.dom !== null || !test(check)) return;
      rec.dom = performance.now();
      if (rec.t0 === null) rec.early = true;
      observer.disconnect();
      clearInterval(poll);
      requestAnimationFrame(() => {
        rec.frame = performance.now();
        finish();
      });
      setTimeout(finish, 1000);
    };
    const observer = new MutationObserver(probe);
    observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
    const poll = setInterval(probe, 100);
    rec.stop = () => {
      observer.disconnect();
      clearInterval(poll);
    };
    records[id] = rec;
  };

  const wait = (id, timeoutMs) => {
    const rec = records[id];
    if (!rec) return Promise.reject(new Error('nothing armed as ' + id));
    const result = () => ({ t0: rec.t0, dom: rec.dom, frame: rec.frame, early: rec.early, timedOut: rec.timedOut });
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        rec.timedOut = rec.dom === null;
        rec.stop();
        resolve(result());
      }, timeoutMs);
      rec.promise.then(() => {
        clearTimeout(timer);
        resolve(result());
      });
    });
  };

  const ROW_HEIGHT = 44;
  const HEADER_HEIGHT = 40;
  const gridGeometry = () => {
    const g = grid();
    if (!g) return null;
    const length = gridLength();
    const gb = g.getBoundingClientRect();
    const visibleRows = [];
    for (const r of g.querySelectorAll('[role="row"][aria-rowindex]')) {
      const index = Number(r.getAttribute('aria-rowindex')) - 2;
      const rb = r.getBoundingClientRect();
      if (index >= 0 && !r.hasAttribute('aria-busy') && rb.bottom > gb.top + HEADER_HEIGHT && rb.top < gb.bottom) visibleRows.push(index);
    }
    return { length, scrollHeight: g.scrollHeight, wantedHeight: HEADER_HEIGHT + length * ROW_HEIGHT, clientHeight: g.clientHeight, scrollTop: g.scrollTop, visibleRows };
  };
  const scrollGrid = (id, fraction) => {
    const g = grid();
    if (!g) return null;
    const length = Number(g.getAttribute('aria-rowcount')) - 1;
    const top = Math.floor((g.scrollHeight - g.clientHeight) * fraction);
    // Past ~180k rows the grid scales its scrolling (the spacer is capped), so the rows at a
    // fraction of the scroll range are that fraction of the virtual height, not top / row height.
    const virtualRange = HEADER_HEIGHT + length * ROW_HEIGHT - g.clientHeight;
    const first = Math.min(length - 1, Math.floor((virtualRange * fraction) / ROW_HEIGHT) + 1);
    const last = Math.min(length - 1, first + 5);
    arm(id, { kind: 'rowsShown', first, last }, null);
    g.scrollTop = top;
    return { first, last };
  };

  window.${PROBE_GLOBAL} = {
    takeLongTasks: () => (longTaskSupported ? longTasks.slice() : null),
    takeLongFrames: () => longFrames.slice(),
    gridGeometry,
    now: () => performance.now(),
    arm,
    wait,
    scrollGrid,
    statusText,
    pageHeap: () => (performance.memory ? performance.memory.usedJSHeapSize : null),
  };
})();
`;
