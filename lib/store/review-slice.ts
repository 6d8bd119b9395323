import type { ReviewOrder, RowView } from '../engine';
import type { SuspectLabel } from '../quality';
import { whenWritable, type Get, type Set, type Slice, type StoreContext } from './context';
import { reviewInitial } from './initial-state';
import type { ReviewAction, ReviewSlice } from './types';

/** The model's suggestions by row id, most suspicious first (empty before the first search ends). */
export function suggestionsOf(s: Pick<ReturnType<Get>, 'suspects'>): SuspectLabel[] {
  return s.suspects?.result?.details?.suggestions ?? [];
}

/** Read the row at the review's position (or none past the end). */
async function showCurrent(ctx: StoreContext, set: Set, get: Get): Promise<void> {
  const review = get().review;
  if (!review) return;
  const id = review.ids[review.index];
  const [row] = id === undefined ? [null] : await ctx.engine.rowsById([id]);
  // Another move may have happened meanwhile: only the latest position's row is shown.
  const now = get().review;
  if (now && now.ids[now.index] === id) set({ reviewRow: row ?? null });
}

async function openAt(ctx: StoreContext, set: Set, get: Get, order: ReviewOrder, scope: number[] | null): Promise<void> {
  const ranked = suggestionsOf(get()).map((s) => s.rowId);
  const queue = await ctx.engine.reviewQueue(order, ranked);
  // "Review N rows" from a finding walks those rows only, in the order chosen.
  const inScope = scope ? new Set(scope) : null;
  const ids = inScope ? queue.filter((id) => inScope.has(id)) : queue;
  set({ review: { order, ids, index: 0, scope, actedAt: [] }, reviewRow: null });
  await showCurrent(ctx, set, get);
}

/** The label columns' values of a suggestion or a picked label, as cells to set. */
function labelCells(get: Get, values: Record<string, string>): { col: number; value: string }[] {
  const meta = get().meta;
  if (!meta?.mapping) return [];
  return meta.mapping.labels.flatMap((name) => {
    const col = meta.header.indexOf(name);
    return col >= 0 && values[name] !== undefined ? [{ col, value: values[name] }] : [];
  });
}

const labelText = (values: Record<string, string>): string => Object.values(values).join(' › ');

/**
 * The review: one example at a time in a chosen order; each action is one undoable change (the
 * engine's review status, or labels and status together) and moves to the next example.
 */
export const reviewSlice: Slice<ReviewSlice> = (ctx) => (set, get) => {
  // Decisions and moves run one after another: a key pressed while the last one is still on its way
  // acts on the example that one moves to, never twice on the same one.
  let queue: Promise<void> = Promise.resolve();
  const inTurn = (step: () => Promise<void>): Promise<void> => (queue = queue.then(step, step));
  const move = async (index: number): Promise<void> => {
    const review = get().review;
    if (!review) return;
    const clamped = Math.max(0, Math.min(index, review.ids.length));
    set({ review: { ...review, index: clamped } });
    await showCurrent(ctx, set, get);
  };

  const act = async (row: RowView, action: ReviewAction): Promise<void> => {
    const { review } = get();
    if (!review) return;
    const number = row.number;
    let op;
    switch (action.kind) {
      case 'keep':
        op = { kind: 'review' as const, ids: [row.id], status: 'reviewed' as const };
        break;
      case 'flag':
        op = { kind: 'review' as const, ids: [row.id], status: 'flagged' as const };
        break;
      case 'label':
        op = {
          kind: 'review-with' as const,
          id: row.id,
          cells: labelCells(get, action.label),
          label: action.suggested ? `Use the suggested label in row ${number}` : `Relabel row ${number} as ${labelText(action.label)}`,
        };
        break;
      case 'text': {
        const textCol = get().meta?.mapping ? get().meta!.header.indexOf(get().meta!.mapping!.text) : -1;
        if (textCol < 0) return;
        if ((await whenWritable(ctx, ctx.engine.edit({ kind: 'set', id: row.id, col: textCol, value: action.text }))) === null) return;
        // The text is fixed; its labels still wait for a decision: stay on it (an undo of the edit comes back here).
        const [fresh] = await ctx.engine.rowsById([row.id]);
        const now = get().review;
        if (now) set({ review: { ...now, actedAt: [...now.actedAt, now.index] } });
        if (fresh) set({ reviewRow: fresh });
        return;
      }
    }
    const done = await whenWritable(ctx, ctx.engine.edit(op));
    if (done === null) return;
    const now = get().review;
    if (!now) return;
    set({ review: { ...now, actedAt: [...now.actedAt, now.index] } });
    await move(now.index + 1);
  };

  const undoInReview = async (): Promise<void> => {
    await get().undo();
    // Back to the example whose decision was taken back (when it was made in this review).
    const review = get().review;
    const last = review?.actedAt.at(-1);
    if (review && last !== undefined) {
      set({ review: { ...review, actedAt: review.actedAt.slice(0, -1) } });
      await move(last);
    } else {
      await showCurrent(ctx, set, get);
    }
  };

  return {
    ...reviewInitial,
    openReview: (options = {}) => inTurn(() => openAt(ctx, set, get, options.order ?? get().lastReviewOrder, options.ids ?? null)),
    setReviewOrder(order) {
      set({ lastReviewOrder: order });
      // At its turn: a review closed meanwhile (Escape right after choosing) stays closed.
      return inTurn(async () => {
        const review = get().review;
        if (review) await openAt(ctx, set, get, order, review.scope);
      });
    },
    reorderUntouched(order) {
      // Decided at its turn, not when asked: a reviewer who chose another order or acted meanwhile keeps their place.
      return inTurn(async () => {
        const review = get().review;
        if (review && review.order === order && review.index === 0 && review.actedAt.length === 0) await openAt(ctx, set, get, order, review.scope);
      });
    },
    reviewGo: (delta) => inTurn(() => move((get().review?.index ?? 0) + delta)),
    reviewAct: (action) =>
      inTurn(async () => {
        const row = get().reviewRow;
        if (row) await act(row, action);
      }),
    reviewUndo: () => inTurn(undoInReview),
    closeReview() {
      set({ review: null, reviewRow: null });
    },
  };
};
