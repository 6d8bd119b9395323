'use client';

import { useEffect, useRef, useState } from 'react';
import { useTrainset, useTrainsetApi } from '@/components/store/store-provider';
import type { GridColumnMeta } from './columns';
import styles from './toolbar.module.css';
import { ColumnOptions } from './column-options';

const DEBOUNCE_MS = 200;

/** The search field and the column it looks in; matches are marked in the grid's cells. */
export function SearchBox({ columns }: { columns: readonly GridColumnMeta[] }) {
  const api = useTrainsetApi();
  const applied = useTrainset((s) => s.search);
  const [text, setText] = useState(applied.text);
  const sent = useRef(applied.text);

  // The view was cleared elsewhere ("Clear filters"): show what the store applies.
  useEffect(() => {
    if (applied.text !== sent.current) {
      sent.current = applied.text;
      setText(applied.text);
    }
  }, [applied.text]);

  useEffect(() => {
    if (text === sent.current) return;
    const timer = setTimeout(() => {
      sent.current = text;
      void api.getState().setSearch(text, api.getState().search.col);
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [api, text]);

  return (
    <div className={styles.search} role="search">
      <input
        type="search"
        className={`input ${styles.searchInput}`}
        aria-label="Search rows"
        placeholder="Search rows"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            sent.current = text;
            void api.getState().setSearch(text, applied.col);
          }
        }}
      />
      <select
        className={`select ${styles.searchColumn}`}
        aria-label="Search in column"
        value={applied.col ?? ''}
        onChange={(e) => {
          sent.current = text;
          void api.getState().setSearch(text, e.target.value === '' ? null : Number(e.target.value));
        }}
      >
        <ColumnOptions columns={columns} />
      </select>
    </div>
  );
}
