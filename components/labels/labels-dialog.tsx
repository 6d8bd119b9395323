'use client';

import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTrainset, useTrainsetApi } from '@/components/store/store-provider';
import { formatCount } from '@/components/app/format';
import type { Distribution, EditOp } from '@/lib/engine';
import { labelItems, labelName, MAX_ITEMS, selectionActions, type LabelItem, type LabelLayout } from './label-list';
import { LabelText } from './label-text';
import { LabelActions } from './label-actions';
import styles from './labels.module.css';

interface Props {
  onClose(): void;
}

/**
 * Every label with its row count, as a tree (category → sub-category) or one level at a time, and
 * the clean-ups no grid edit does in one go: rename a label everywhere, merge several into one,
 * move sub-labels under another parent. Each is one undoable change; the grid, the charts and the
 * checks follow it. A modal <dialog>: focus stays inside, Escape closes it.
 */
export function LabelsDialog({ onClose }: Props) {
  const api = useTrainsetApi();
  const distribution = useTrainset((s) => s.distribution);
  const header = useTrainset((s) => s.meta?.header ?? []);
  const readOnly = useTrainset((s) => s.otherTab);
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const levels = distribution?.labels.length ?? 0;
  const [layout, setLayout] = useState<LabelLayout>('tree');
  const [find, setFind] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState<{ text: string; undo: boolean; error?: boolean }>({ text: '', undo: false });
  const [busy, setBusy] = useState(false);
  const undoLabel = useTrainset((s) => s.status.undoLabel);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const findRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // Start where a long list is narrowed down.
    findRef.current?.focus();
  }, []);

  const all = useMemo(() => (distribution ? labelItems(distribution, layout) : []), [distribution, layout]);
  const items = useMemo(() => (distribution ? labelItems(distribution, layout, find) : []), [distribution, layout, find]);
  // Ticked labels stay ticked when Find hides them: the action applies to all of them.
  const chosen = all.filter((i) => selected.has(i.key));
  const hidden = chosen.length - items.filter((i) => selected.has(i.key)).length;
  const actions = selectionActions(chosen, levels);
  const cols = (distribution?.labels ?? []).map((l) => header.indexOf(l));

  const choose = (item: LabelItem, on: boolean): void => {
    const next = new Set(selected);
    if (on) next.add(item.key);
    else next.delete(item.key);
    setSelected(next);
  };

  /** Run a change, wait for the counts to follow it, then say what happened (focus goes to that sentence). */
  const run = async (action: () => Promise<{ text: string; undo: boolean }>): Promise<void> => {
    setBusy(true);
    try {
      const result = await action();
      setSelected(new Set());
      setStatus(result);
      // The change is made; if the counts cannot be refreshed now, the next change refreshes them.
      await api
        .getState()
        .refreshDerived()
        .catch(() => undefined);
    } catch (e) {
      setStatus({ text: `That could not be done, and nothing was changed: ${(e as Error).message}`, undo: false, error: true });
    } finally {
      setBusy(false);
      statusRef.current?.focus();
    }
  };

  const apply = (op: EditOp, done: string): Promise<void> =>
    run(async () => {
      if (readOnly) return { text: 'This dataset is open in another tab: changes are paused here.', undo: false };
      const { status: before } = api.getState();
      await api.getState().edit(op);
      // An edit that changed nothing leaves the history where it was.
      const changed = api.getState().status.revision !== before.revision;
      return changed ? { text: done, undo: true } : { text: 'Nothing to change: those rows already have that label.', undo: false };
    });

  const undo = (): Promise<void> =>
    run(async () => {
      const label = undoLabel;
      await api.getState().undo();
      return { text: `Undone: ${label}.`, undo: false };
    });

  const title = `${id}-title`;
  return (
    <dialog ref={ref} className={`modal ${styles.dialog}`} aria-labelledby={title} onClose={onClose}>
      <div className={styles.content}>
        <div className={styles.top}>
          <h2 id={title} className={styles.title}>
            Labels
          </h2>
          <button type="button" className="btn btn-small" onClick={() => ref.current?.close()}>
            Close
          </button>
        </div>
        {!distribution ? (
          <p className={styles.muted}>Map a label column to see its labels.</p>
        ) : (
          <>
            <p className={styles.summary}>{summaryText(distribution)} Rename, merge or move labels here: each change is one undo step.</p>
            <div className={styles.controls}>
              {layoutChoices(distribution).length > 1 && (
                <fieldset className={styles.layouts}>
                  <legend className="visually-hidden">Show labels</legend>
                  {layoutChoices(distribution).map((choice) => (
                    <label key={String(choice.layout)} className={styles.layout}>
                      <input
                        type="radio"
                        name={`${id}-layout`}
                        checked={layout === choice.layout}
                        onChange={() => {
                          setLayout(choice.layout);
                          setSelected(new Set());
                        }}
                      />
                      {choice.label}
                    </label>
                  ))}
                </fieldset>
              )}
              <input
                ref={findRef}
                type="search"
                className="input"
                aria-label="Find a label"
                placeholder="Find a label"
                value={find}
                onChange={(e) => setFind(e.target.value)}
              />
            </div>
            <LabelTable items={items} layout={layout} distribution={distribution} selected={selected} busy={busy} onChoose={choose} />
            <LabelActions
              // A new form (with its default name) when what can be done changes, not on every tick.
              key={actions.rename ? `rename:${chosen[0]!.key}` : actions.merge ? `merge:${chosen[0]!.level}` : 'none'}
              chosen={chosen}
              hidden={hidden}
              actions={actions}
              distribution={distribution}
              cols={cols}
              readOnly={readOnly || busy}
              onApply={apply}
              onClear={() => setSelected(new Set())}
            />
            <div className={styles.statusLine}>
              <p ref={statusRef} tabIndex={-1} role={status.error ? 'alert' : 'status'} className={status.error ? styles.problem : styles.status}>
                {status.text}
              </p>
              {status.undo && undoLabel && !readOnly && (
                <button type="button" className="btn btn-small" disabled={busy} onClick={() => void undo()}>
                  Undo
                </button>
              )}
            </div>
          </>
        )}
      </div>
    </dialog>
  );
}

function summaryText(d: Distribution): string {
  return d.counts.map((c) => `${formatCount(c.values.length)} ${c.column} ${c.values.length === 1 ? 'value' : 'values'}`).join(', ') + '.';
}

function layoutChoices(d: Distribution): { layout: LabelLayout; label: string }[] {
  const out: { layout: LabelLayout; label: string }[] = [];
  if (d.nested) out.push({ layout: 'tree', label: `Tree: ${d.labels[0]} → ${d.labels[1]}` });
  // Every label column can be listed on its own; the tree shows the first two.
  d.labels.forEach((l, i) => out.push({ layout: i === 0 && !d.nested ? 'tree' : i, label: l }));
  return out;
}

interface TableProps {
  busy: boolean;
  items: readonly LabelItem[];
  layout: LabelLayout;
  distribution: Distribution;
  selected: ReadonlySet<string>;
  onChoose(item: LabelItem, on: boolean): void;
}

function LabelTable({ items, layout, distribution, selected, busy, onChoose }: TableProps) {
  const shown = items.slice(0, MAX_ITEMS);
  const parentColumn = distribution.labels[0] ?? '';
  const childColumn = distribution.labels[1] ?? '';
  if (items.length === 0) return <p className={styles.muted}>No label matches.</p>;
  return (
    <div className={styles.scroller} aria-busy={busy || undefined}>
      <table className={styles.table}>
        <caption className="visually-hidden">Labels and their row counts. Tick labels to rename, merge or move them.</caption>
        <thead>
          <tr>
            <th scope="col" className={styles.tick}>
              <span className="visually-hidden">Selected</span>
            </th>
            <th scope="col">Label</th>
            <th scope="col" className={styles.count}>
              Rows
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((item) => {
            const column = distribution.labels[item.level] ?? childColumn;
            const where = item.parent !== undefined ? ` under ${labelName(item.parent)}` : '';
            return (
              <tr key={item.key} className={item.parent !== undefined ? styles.child : layout === 'tree' ? styles.parent : undefined}>
                <td className={styles.tick}>
                  <input
                    type="checkbox"
                    checked={selected.has(item.key)}
                    disabled={busy}
                    aria-label={`${column} ${labelName(item.value)}${where}, ${formatCount(item.count)} rows`}
                    onChange={(e) => onChoose(item, e.target.checked)}
                  />
                </td>
                <td className={styles.name}>
                  <LabelText value={item.value} />
                  {item.parents !== undefined && item.parents > 1 && (
                    <span className={styles.badge} title={`This ${childColumn} appears under ${item.parents} ${parentColumn} values`}>
                      under {item.parents} {parentColumn} values
                    </span>
                  )}
                </td>
                <td className={styles.count}>{formatCount(item.count)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {items.length > shown.length && (
        <p className={styles.muted}>
          Showing {formatCount(shown.length)} of {formatCount(items.length)}: type in Find a label to narrow the list.
        </p>
      )}
    </div>
  );
}
