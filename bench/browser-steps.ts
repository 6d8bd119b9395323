// What the browser bench does in the app for one size, step by step: load the CSV through "Upload
// CSV", sort, filter, search, download both JSONL files, edit a cell, scroll, count tokens. Each step
// times itself with the in-page probe and adds its figures to the size's result.
import type { Browser, Locator, Page } from '@playwright/test';
import fs from 'node:fs';
import { addFigure, framesIn, maxHeap, maxTask, NO_HEAP, shownMs, taskNote, type Heap, type SizeResult } from './browser-figures';
import { callProbe, Session, sleep, waitNotBusy } from './browser-session';
import { BenchError, formatRows, OUTPUT_FILES, progress } from './env';
import { sha256 } from './files';
import { AUTO_CHECK_MAX_ROWS } from '../lib/store';
import type { CheckSpec, Timing } from './page-probe';
import { cpuSample, otherShare } from './process-stats';

/** A value typed into a label cell: matches no existing label, so Enter creates it. */
const EDIT_VALUE = 'zz-bench-edit';
const SEARCH_TEXT = 'refund';

/** One size's run in the app: the page, its grid, and the result the steps fill in. */
interface Run {
  s: Session;
  page: Page;
  grid: Locator;
  result: SizeResult;
  rows: number;
  /** The status line's count of all rows, e.g. "100,000 rows". */
  total: string;
  /** The timeout of a sort, a filter or a search. */
  opSlow: number;
}

/** Every step in a fresh browser context; a step that fails throws, and what was measured stays in `result`. */
export async function benchInBrowser(b: Browser, url: string, result: SizeResult): Promise<void> {
  const rows = result.rows;
  const cpu0 = cpuSample();
  const s = await Session.open(b, url, rows);
  try {
    const { page } = s;
    const run: Run = {
      s,
      page,
      grid: page.getByRole('grid', { name: 'Dataset rows' }),
      result,
      rows,
      total: `${formatRows(rows)} rows`,
      opSlow: s.timeout(10_000),
    };
    // A fresh context: no saved session, so the start screen comes up with its "Upload CSV".
    await page.locator('[data-phase="empty"]').waitFor({ timeout: 60_000 });
    await load(run);
    progress(rows, 'sort, filter, search ...');
    await sort(run);
    const { categoryCol, wholeView } = await filter(run);
    await search(run, wholeView);
    await download(run);
    progress(rows, 'editing a cell, scrolling ...');
    await edit(run, categoryCol);
    await scroll(run);
    await countTokens(run);
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

// --- load ----------------------------------------------------------------------------------------

/** The CSV through "Upload CSV": shown, read, and ready to download; the heap sampled meanwhile. */
async function load(run: Run): Promise<void> {
  const { s, page, result, rows, total } = run;
  progress(rows, 'loading the CSV in the app ...');
  await s.arm('read', { kind: 'phase', phase: 'ready' }, { type: 'change' });
  await s.arm('loaded', { kind: 'view', status: total, length: rows }, { type: 'change' });
  await s.arm('ready', { kind: 'enabled', name: 'Download train.jsonl' }, { type: 'change' });
  await s.arm('suspects', { kind: 'matches', selector: '[data-suspects="ready"]' }, { type: 'change' });
  await s.arm('analyses', { kind: 'matches', selector: '[data-suspects="ready"][data-slow-checks="ready"]' }, { type: 'change' });
  let peak: Heap = NO_HEAP;
  let polling = true;
  const poll = (async () => {
    while (polling) {
      const h = await s.heap();
      peak = maxHeap(peak, h);
      await sleep(250);
    }
  })();
  let loaded: Timing;
  let ready: Timing;
  try {
    const wall0 = performance.now();
    await page.getByLabel('Upload CSV', { exact: true }).setInputFiles(result.csv);
    loaded = await s.wait('loaded', 'loading the CSV (grid with row 1 and the row count)', s.timeout(60_000));
    const wallLoaded = (performance.now() - wall0) / 1000;
    const read = await s.wait('read', 'loading the CSV (the grid screen)', 10_000);
    ready = await s.wait('ready', 'loading the CSV (downloads enabled: charts and split computed)', s.timeout(60_000));
    addLoadFigures(run, { loaded, read, ready }, wallLoaded);
  } finally {
    polling = false;
    await poll;
  }
  result.heap.peakDuringLoad = peak;
  await addLongTasks(run, 'load', loaded.t0!, ready.frame ?? ready.dom!);
  // The suspect-label search runs after the charts, in the worker, in slices: the grid must stay responsive meanwhile.
  // Above AUTO_CHECK_MAX_ROWS the checks and the search run when the user asks, so there is nothing to wait for.
  if (rows > AUTO_CHECK_MAX_ROWS) {
    await sleep(300);
    result.heap.afterLoad = await s.heap();
    return;
  }
  const suspects = await s.wait('suspects', 'looking for suspect labels (the Issues panel says the findings are in)', s.timeout(180_000));
  addFigure(result, {
    key: 'suspects',
    label: 'first suspect-label findings (file chosen → findings shown)',
    value: shownMs(suspects)! / 1000,
    unit: 's',
    how: 'in page: change event → the Issues panel\'s data-suspects="ready"',
  });
  // Then the other slow runs (near-duplicates, typos): the interactions below are timed once all are in,
  // as the figures before them were (the timings of a grid busy with them are the long-task figure's).
  const analyses = await s.wait('analyses', 'the slow checks (near-duplicates, typos) and suspect labels', s.timeout(180_000));
  addFigure(result, {
    key: 'analyses',
    label: 'every finding in: near-duplicates and typos too (file chosen → shown)',
    value: shownMs(analyses)! / 1000,
    unit: 's',
    how: 'in page: change event → data-suspects and data-slow-checks both "ready"',
  });
  await addLongTasks(run, 'suspects', ready.frame ?? ready.dom!, analyses.frame ?? analyses.dom!);
  await sleep(300);
  result.heap.afterLoad = await s.heap();
}

function addLoadFigures({ result, total }: Run, { loaded, read, ready }: Record<'loaded' | 'read' | 'ready', Timing>, wallLoaded: number): void {
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
}

/** The long-task figures: from the file chosen to the downloads enabled, and from the first download click to the second file saved. */
const LONG_TASKS = {
  load: {
    key: 'longLoad',
    label: 'longest main-thread task while loading',
    how: 'PerformanceObserver longtask (tasks > 50 ms), file chosen → downloads enabled',
  },
  suspects: {
    key: 'longSuspects',
    label: 'longest main-thread task while looking for suspect labels, near-duplicates and typos',
    how: 'PerformanceObserver longtask, downloads enabled → every finding shown',
  },
  export: { key: 'longExport', label: 'longest main-thread task while exporting', how: 'PerformanceObserver longtask, first click → second file saved' },
} as const;

/** The longest main-thread task between two moments of the page's clock, with the long frames around them. */
async function addLongTasks({ s, result }: Run, phase: keyof typeof LONG_TASKS, from: number, to: number): Promise<void> {
  const { supported, tasks, frames } = await s.longTasks();
  const found = maxTask(tasks, from, to);
  if (phase === 'load') result.longTasks = { supported, load: [], suspects: [], export: [], frames: [] };
  if (result.longTasks) {
    result.longTasks[phase] = found.inWindow;
    result.longTasks.frames.push(...framesIn(frames, from, to));
  }
  const { key, label, how } = LONG_TASKS[phase];
  addFigure(result, { key, label, value: supported ? found.longest : null, unit: 'ms', how, note: taskNote(supported, found, frames) });
}

// --- sort, filter, search ------------------------------------------------------------------------

const header = ({ grid }: Run, name: string): Locator => grid.getByRole('columnheader', { name, exact: true });
const firstRowNumber = ({ grid }: Run): Promise<string | null> => grid.locator('[role="gridcell"][data-row="0"][data-col="1"]').textContent();

async function sort(run: Run): Promise<void> {
  const { s, result, opSlow } = run;
  for (const [key, column, label] of [
    ['sortCategory', 'category', 'sort by category (click → first row changes)'],
    ['sortInquiry', 'inquiry', 'sort by inquiry (click → first row changes)'],
    // The same column again (descending): the ranks built by the first sort are reused.
    ['sortInquiryAgain', 'inquiry', '  again, descending (second click)'],
  ] as const) {
    const from = (await firstRowNumber(run)) ?? '';
    await s.arm(key, { kind: 'view', firstRowNot: from }, { type: 'click' });
    await header(run, column).getByRole('button').click();
    const t = await s.wait(key, `sorting by ${column}`, opSlow);
    addFigure(result, { key, label, value: shownMs(t), unit: 'ms', how: 'in page: click → a new first row, with its data, in the DOM → next frame' });
  }
}

/** The category's label filter: its values listed, the first one kept, then cleared. */
async function filter(run: Run): Promise<{ categoryCol: number; wholeView: CheckSpec }> {
  const { s, page, result, rows, total, opSlow } = run;
  const categoryCol = Number(await header(run, 'category').getAttribute('aria-colindex')) - 1;
  const beforeFilter = (await firstRowNumber(run)) ?? '';
  // Back to the whole (sorted) view: all rows, and the first row it showed before filtering.
  const wholeView: CheckSpec = { kind: 'view', status: total, length: rows, firstRow: beforeFilter };
  const panel = page.getByRole('dialog', { name: 'Filter by category' });
  const firstValue = await listFilterValues(run, panel);
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
  return { categoryCol, wholeView };
}

/** Opens the category filter and times its list of values; returns the first value's row. */
async function listFilterValues({ s, page, result, opSlow }: Run, panel: Locator): Promise<Locator> {
  const open = page.getByRole('button', { name: 'Filter by category', exact: true });
  await s.arm('filterListInPage', { kind: 'matches', selector: '[role="dialog"] label input[type="checkbox"]' }, { type: 'click' });
  const t0 = performance.now();
  await open.click();
  const firstValue = panel.locator('label').first();
  await firstValue.locator('input[type="checkbox"]').waitFor({ timeout: opSlow });
  const wall = performance.now() - t0;
  const t = await s.wait('filterListInPage', 'listing the filter values', opSlow);
  addFigure(result, {
    key: 'filterList',
    label: 'category filter: values listed (click → checkboxes)',
    value: wall,
    unit: 'ms',
    how: "Playwright: click → first checkbox attached (includes Playwright's own checks before and after the click)",
  });
  addFigure(result, {
    key: 'filterListInPage',
    label: '  of which in the page (click → checkboxes → next frame)',
    value: shownMs(t),
    unit: 'ms',
    how: 'in page: click → a checkbox in the filter dialog in the DOM → next frame',
  });
  return firstValue;
}

async function search({ s, page, result, rows, opSlow }: Run, wholeView: CheckSpec): Promise<void> {
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

// --- downloads -----------------------------------------------------------------------------------

/** Both JSONL files through their buttons, each timed, then hashed to be checked against the CLI's. */
async function download(run: Run): Promise<void> {
  const { s, page, result, rows } = run;
  progress(rows, 'downloading train.jsonl and validation.jsonl ...');
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
  await addLongTasks(run, 'export', pageT0, pageT1);
  result.heap.afterExport = await s.heap();
}

// --- edit, scroll, tokens ------------------------------------------------------------------------

/** A new label typed into the first row's category (after the downloads, so the files are the uploaded data's). */
async function edit({ s, page, grid, result, opSlow }: Run, col: number): Promise<void> {
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

/** Responsiveness: scroll to the middle, then Ctrl+End to the last row (the worker is idle again). */
async function scroll(run: Run): Promise<void> {
  const { s, page, grid, result, rows, opSlow } = run;
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

/**
 * Tokens and cost: above 20,000 rows the count runs when asked. It runs in slices in the worker,
 * so the grid answers meanwhile: Ctrl+Home during the count, then the count's own time.
 */
async function countTokens({ s, page, grid, result }: Run): Promise<void> {
  const tokens = page.getByRole('region', { name: 'Tokens and cost' });
  const count = tokens.getByRole('button', { name: 'Count tokens' });
  if (!(await count.isVisible())) return;
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
