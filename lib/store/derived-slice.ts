import { exportGate } from '../engine';
import type { Get, Set, Slice, StoreContext } from './context';
import { derivedInitial } from './initial-state';
import type { DerivedSlice, TrainsetState } from './types';

/**
 * Above this many rows the quality checks (about 4 s at 1M rows) do not follow every edit, which
 * would keep the worker busy and stall scrolling; the Issues panel offers to run them instead.
 */
export const AUTO_CHECK_MAX_ROWS = 200_000;
/**
 * Up to this many rows tokens are counted after every change (the first count takes about 10 µs a
 * row, later ones only recount edited texts); above it, when the user asks.
 */
export const AUTO_TOKENS_MAX_ROWS = 20_000;

/** The data a result depends on: the dataset's revision (a new file is a new revision) and the column mapping. */
const dataKey = (s: TrainsetState): string => `${s.status.revision}|${JSON.stringify(s.meta?.mapping ?? null)}`;
/** …and the settings. */
const settingsKey = (s: TrainsetState): string => `${dataKey(s)}|${JSON.stringify(s.choices)}`;
/** The checks also count tokens with every tokenizer the engine has loaded. */
const checksKey = (s: TrainsetState): string => `${settingsKey(s)}|${s.tokenizers.join(',')}`;

/** A token report is stale when the rows or the settings changed since it was asked for. */
const tokensStale = (ctx: StoreContext, s: TrainsetState): boolean =>
  s.tokenReport !== null && (ctx.queries.tokens.current !== settingsKey(s) || s.tokenReport.revision !== s.status.revision);

async function countTokens(ctx: StoreContext, set: Set, get: Get, force: boolean): Promise<void> {
  const key = settingsKey(get());
  if (force) ctx.queries.tokens.reset();
  if (ctx.queries.tokens.has(key)) return;
  const choices = get().choices;
  set({ tokenProgress: { task: 'tokens', done: 0, total: get().status.rows }, tokenError: null });
  try {
    await ctx.queries.tokens.run(
      key,
      () => ctx.engine.countTokens(choices, force),
      (report) => {
        if (!report) return;
        const s = get();
        // The first count loads the tokenizer: from now on the length check counts instead of estimating.
        const tokenizers = s.tokenizers.includes(report.encoding) ? s.tokenizers : [...s.tokenizers, report.encoding];
        set({ tokenReport: report, tokenizers });
        set({ tokenReportStale: tokensStale(ctx, get()) });
      },
    );
  } catch (e) {
    if (settingsKey(get()) === key) set({ tokenError: `Tokens could not be counted: ${(e as Error).message}` });
  } finally {
    if (settingsKey(get()) === key || !ctx.queries.tokens.has(settingsKey(get()))) set({ tokenProgress: null });
  }
}

/** Run the slow checks (near-duplicates, typos) on the rows as they are now; what is on screen meanwhile is marked out of date. */
async function runSlowChecks(ctx: StoreContext, set: Set, get: Get): Promise<void> {
  const s = get();
  const revision = s.status.revision;
  await ctx.queries.slowChecks.run(
    checksKey(s),
    () => ctx.engine.slowChecks(s.choices),
    (report) => {
      if (report) set({ slowChecks: { checks: report.checks, revision } });
    },
  );
}

/** Run the suspect-label search on the rows as they are now; the findings on screen meanwhile are marked out of date, not hidden. */
async function findSuspects(ctx: StoreContext, set: Set, get: Get): Promise<void> {
  const s = get();
  // The search reads the text and the label columns only: other settings (thresholds, the prompt, words marked
  // "Not a typo") do not make it run again.
  const key = dataKey(s);
  if (ctx.queries.suspects.has(key)) return;
  const revision = s.status.revision;
  set({ suspectError: null });
  try {
    await ctx.queries.suspects.run(
      key,
      () => ctx.engine.suspects(s.choices),
      (found) => {
        if (!found) return;
        set({ suspects: { result: found[0] ?? null, revision } });
        // A review opened "most suspicious first" before the first findings came: order it now, unless the reviewer has started.
        const review = get().review;
        if (review && (review.order === 'suspicious' || review.order === 'suspects')) void get().reorderUntouched(review.order);
      },
    );
  } catch (e) {
    if (dataKey(get()) === key) set({ suspectError: `Suspect labels could not be looked for: ${(e as Error).message}` });
  } finally {
    // The bar goes with its run, unless a newer run is under way (it shows its own progress).
    if (dataKey(get()) === key || !ctx.queries.suspects.has(dataKey(get()))) set({ suspectProgress: null });
  }
}

/** Ask again each derived result whose key changed, and say which results are stale meanwhile. */
async function refreshDerived(ctx: StoreContext, set: Set, get: Get, onlyGate = false): Promise<void> {
  const s = get();
  if (s.phase !== 'ready') return;
  const { engine, queries } = ctx;
  const auto = s.status.rows <= AUTO_CHECK_MAX_ROWS;
  const choices = s.choices;
  set({ checksOnDemand: !auto, tokenReportStale: tokensStale(ctx, s) });
  // Large files are checked when asked: results for other rows are not shown, and the next ask runs again.
  if (!auto && queries.checks.current !== checksKey(s)) {
    queries.checks.reset();
    set({ checks: null });
  }
  const gate = [
    queries.split.run(
      settingsKey(s),
      () => engine.splitPreview(choices),
      (split) => set({ split, exportProblems: null }),
    ),
    auto
      ? queries.checks.run(
          checksKey(s),
          () => engine.checks(choices),
          (checks) => set({ checks }),
        )
      : Promise.resolve(),
  ];
  // A download waits for what decides whether it is allowed (the split, the checks), not for the charts, suspect labels or tokens.
  if (onlyGate) {
    await Promise.all(gate);
    return;
  }
  await Promise.all([
    ...gate,
    queries.distribution.run(
      dataKey(s),
      () => engine.distribution(),
      (distribution) => set({ distribution }),
    ),
    auto ? runSlowChecks(ctx, set, get) : Promise.resolve(),
    auto ? findSuspects(ctx, set, get) : Promise.resolve(),
    s.meta?.jsonl
      ? queries.formats.run(
          dataKey(s),
          () => engine.formatFindingStates(),
          (formatStates) => set({ formatStates }),
        )
      : Promise.resolve(),
    // Small datasets are counted after every change; larger ones when asked (then kept, marked stale).
    // After the split and the checks: the first count loads the tokenizer, seconds of the worker's time
    // on a busy machine, and a download waits for those two, not for the tokens.
    s.status.rows <= AUTO_TOKENS_MAX_ROWS ? Promise.allSettled(gate).then(() => countTokens(ctx, set, get, false)) : Promise.resolve(),
  ]);
}

/** What is computed from the rows and the settings: charts, split preview, checks, format states, tokens. */
export const derivedSlice: Slice<DerivedSlice> = (ctx) => (set, get) => ({
  ...derivedInitial,
  refreshDerived: () => refreshDerived(ctx, set, get),
  refreshGate: () => refreshDerived(ctx, set, get, true),
  async runChecks() {
    const s = get();
    await Promise.all([
      ctx.queries.checks.run(
        checksKey(s),
        () => ctx.engine.checks(s.choices),
        (checks) => set({ checks }),
      ),
      runSlowChecks(ctx, set, get),
      findSuspects(ctx, set, get),
    ]);
  },
  previewFix(fix) {
    return ctx.engine.previewFix(fix);
  },
  countTokens: () => countTokens(ctx, set, get, true),
});

/** Whether the downloads are allowed with the results on screen (see `exportGate`). */
export const gateOf = (s: Pick<TrainsetState, 'phase' | 'split' | 'checks'>) => exportGate(s.phase === 'ready' ? s.split : null, s.checks);
