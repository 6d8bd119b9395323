'use client';

import { useEffect, useId, useMemo, useRef, useState, type ToggleEvent } from 'react';
import { useTrainset, useTrainsetApi } from '@/components/store/store-provider';
import type { GridColumnMeta } from './columns';
import { filterValues, moreText } from './combobox-options';
import styles from './toolbar.module.css';

const counts = new Intl.NumberFormat('en-US');

/**
 * A label column's filter: a button opening a popover (the browser's `popover`: Escape and a
 * click outside close it, focus returns to the button) with one checkbox per value and its count.
 * Several values may be kept; unticking the last one removes the filter. The boxes are drawn only
 * while it is open, and only the first matches (a column may have 50,000 labels).
 */
export function LabelFilter({ column }: { column: GridColumnMeta }) {
  const api = useTrainsetApi();
  const kept = useTrainset((s) => s.filters[column.col]);
  const values = useTrainset((s) => s.values[column.col]);
  const [narrow, setNarrow] = useState('');
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null);
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const id = useId();
  const name = `Filter by ${column.title}`;

  // Counts are dropped after every edit; while the panel is open, fetch them again.
  useEffect(() => {
    if (open && values === undefined) void api.getState().loadValues(column.col);
  }, [api, column.col, open, values]);

  const onToggle = (e: ToggleEvent<HTMLDivElement>) => {
    setOpen(e.newState === 'open');
    if (e.newState !== 'open') return;
    const box = buttonRef.current?.getBoundingClientRect();
    if (box) setPlace({ top: box.bottom + 4, left: Math.max(8, Math.min(box.left, window.innerWidth - 296)) });
    requestAnimationFrame(() => panelRef.current?.querySelector<HTMLElement>('input')?.focus());
  };

  const set = (value: string, on: boolean) => {
    const next = new Set(kept ?? []);
    if (on) next.add(value);
    else next.delete(value);
    void api.getState().setFilter(column.col, next.size > 0 ? [...next] : null);
  };

  const { shown, hidden } = useMemo(() => (open && values ? filterValues(values, narrow, kept) : { shown: [], hidden: 0 }), [open, values, narrow, kept]);
  const active = kept !== undefined;
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className={`btn ${styles.filterButton} ${active ? styles.filterOn : ''}`}
        popoverTarget={id}
        aria-label={name}
        aria-describedby={active ? `${id}-state` : undefined}
      >
        {column.title}
        {active && (
          <span id={`${id}-state`} className={styles.filterCount}>
            {kept.length}
            <span className="visually-hidden"> {kept.length === 1 ? 'value' : 'values'} kept</span>
          </span>
        )}
        <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
          <path d="M2.5 4.5 6 8l3.5-3.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      </button>
      <div
        ref={panelRef}
        id={id}
        popover="auto"
        role="dialog"
        aria-label={name}
        className={styles.popover}
        style={place ? { top: place.top, left: place.left } : undefined}
        onToggle={onToggle}
      >
        {(values?.length ?? 0) > 8 && (
          <input
            type="search"
            className={`input ${styles.narrow}`}
            aria-label={`Find a ${column.title} value`}
            placeholder="Find a value"
            value={narrow}
            onChange={(e) => setNarrow(e.target.value)}
          />
        )}
        {values === undefined && <p className={styles.muted}>Loading values…</p>}
        <fieldset className={styles.values}>
          <legend className="visually-hidden">{column.title} values to show</legend>
          {shown.map((v) => (
            <label key={v.value} className={styles.valueRow}>
              <input type="checkbox" checked={kept?.includes(v.value) ?? false} onChange={(e) => set(v.value, e.target.checked)} />
              <span className={styles.valueName}>{v.value === '' ? '(empty)' : v.value}</span>
              <span className={styles.valueCount}>{counts.format(v.count)}</span>
            </label>
          ))}
        </fieldset>
        {hidden > 0 && <p className={styles.muted}>{moreText(hidden)}</p>}
        <div className={styles.popoverActions}>
          <button
            type="button"
            className="btn btn-small"
            disabled={!active}
            aria-label={`Clear ${column.title} filter`}
            onClick={() => void api.getState().setFilter(column.col, null)}
          >
            Clear
          </button>
          <button type="button" className="btn btn-small" popoverTarget={id} popoverTargetAction="hide">
            Done
          </button>
        </div>
      </div>
    </>
  );
}
