'use client';

import { useMemo, useRef, useState } from 'react';
import { useRevisionNote } from '@/components/app/use-revision-note';
import { useTrainset, useTrainsetApi } from '@/components/store/store-provider';
import { answerModeOf } from '@/lib/engine';
import { BulkBar } from './bulk-bar';
import { describeColumns } from './columns';
import { FindReplaceDialog } from './find-replace-dialog';
import { GridTable, type GridHandle } from './grid-table';
import { StatusLine } from './status-line';
import { Toolbar } from './toolbar';
import { useRowSelection } from './use-row-selection';
import styles from './data-grid.module.css';

/**
 * The dataset grid: toolbar, bulk actions for selected rows, the virtualised grid itself and a
 * status line. Fills its container's height. Rows live in the worker; the grid asks the store
 * for the positions on screen. While another tab holds the dataset, it is read-only.
 */
export function DataGrid() {
  const api = useTrainsetApi();
  const { header, mapping, answer, readOnly } = useTrainset((s) => ({
    header: s.meta?.header,
    mapping: s.meta?.mapping,
    answer: answerModeOf(s.meta),
    readOnly: s.otherTab,
  }));
  const columns = useMemo(() => (header && mapping ? describeColumns(header, mapping, answer) : null), [header, mapping, answer]);
  const rows = useRowSelection();
  const [replacing, setReplacing] = useState(false);
  const [note, setNote] = useRevisionNote();
  const grid = useRef<GridHandle>(null);

  if (!columns) return null;

  const addRow = async () => {
    const { addedId } = await api.getState().edit({ kind: 'add' });
    if (addedId === undefined) return;
    // The engine puts a new row at the end of the view, whatever the sort and filters.
    setNote('Row added at the end. Type its text, then Enter.');
    grid.current?.editNewRow(api.getState().length - 1, addedId);
  };

  return (
    <div className={styles.root}>
      <Toolbar columns={columns} readOnly={readOnly} onAddRow={() => void addRow()} onFindReplace={() => setReplacing(true)} />
      <GridTable columns={columns} selection={rows.selection} onToggleRow={rows.toggleRow} onToggleAll={rows.toggleAll} readOnly={readOnly} handle={grid} />
      {/* Below the grid, not above: rows must not move under the pointer when the first one is ticked. */}
      {rows.count > 0 && <BulkBar columns={columns} rows={rows} readOnly={readOnly} onDone={setNote} onDismiss={() => grid.current?.focus()} />}
      <StatusLine note={note} />
      {replacing && <FindReplaceDialog columns={columns} readOnly={readOnly} onClose={() => setReplacing(false)} onReplaced={setNote} />}
    </div>
  );
}
