'use client';

import { useId, useState } from 'react';
import { useTrainset } from '@/components/store/store-provider';
import type { BadRow } from '@/lib/csv';
import { badRowExplanation, joinedText, truncateField } from './bad-row-text';
import { AlertIcon } from './icons';
import styles from './bad-rows.module.css';

const SHOWN = 20;

/**
 * Rows the reader could not fit under the header. Nothing is dropped silently: each row is
 * joined back into the text (an undoable edit) or discarded by the user.
 */
export function BadRows() {
  const { badRows, header, textCol, delimiter, otherTab, takeBadRow, dropBadRow } = useTrainset((s) => ({
    badRows: s.meta?.badRows ?? null,
    header: s.meta?.header ?? null,
    textCol: s.meta?.mapping ? s.meta.header.indexOf(s.meta.mapping.text) : 0,
    delimiter: s.meta?.info.delimiter ?? ',',
    otherTab: s.otherTab,
    takeBadRow: s.takeBadRow,
    dropBadRow: s.dropBadRow,
  }));
  const [expanded, setExpanded] = useState(true);
  const [showAll, setShowAll] = useState(false);
  // One decision at a time: the store addresses bad rows by position, which shifts after each.
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const listId = useId();
  if (!badRows || !header || badRows.length === 0) return null;

  const act = async (action: (i: number) => Promise<void>, index: number) => {
    setBusy(true);
    try {
      await action(index);
    } finally {
      setBusy(false);
    }
  };
  const n = badRows.length;
  const shown = showAll ? badRows : badRows.slice(0, SHOWN);
  const textName = header[textCol] ?? header[0] ?? 'text';

  return (
    <section className={styles.panel} aria-labelledby={titleId}>
      <div className={styles.head}>
        <AlertIcon className={styles.icon} />
        <div className={styles.headText}>
          <h2 id={titleId} className={styles.title}>
            {n === 1 ? '1 row could not be read' : `${n.toLocaleString('en-US')} rows could not be read`}
          </h2>
          <p className={styles.lead}>
            {n === 1 ? 'It has' : 'They have'} more fields than the header, so {n === 1 ? 'it is' : 'they are'} not in the table yet.{' '}
            {n === 1 ? 'Keep it or discard it' : 'Keep or discard each one'}: keeping joins the extra fields back into <strong>{textName}</strong> (you can undo
            it).
          </p>
        </div>
        <button type="button" className="btn btn-small" aria-expanded={expanded} aria-controls={listId} onClick={() => setExpanded((e) => !e)}>
          {expanded ? 'Hide rows' : 'Show rows'}
        </button>
      </div>
      {expanded && (
        <div id={listId} className={styles.list}>
          <ul>
            {shown.map((row, i) => (
              <BadRowItem
                key={`${row.line}-${row.dataRow}`}
                row={row}
                header={header}
                textCol={textCol}
                delimiter={delimiter}
                disabled={busy || otherTab}
                onTake={() => void act(takeBadRow, i)}
                onDrop={() => void act(dropBadRow, i)}
              />
            ))}
          </ul>
          {!showAll && n > SHOWN && (
            <button type="button" className={`btn btn-small ${styles.more}`} onClick={() => setShowAll(true)}>
              Show all {n.toLocaleString('en-US')} rows
            </button>
          )}
        </div>
      )}
    </section>
  );
}

interface ItemProps {
  row: BadRow;
  header: string[];
  textCol: number;
  delimiter: string;
  disabled: boolean;
  onTake(): void;
  onDrop(): void;
}

function BadRowItem({ row, header, textCol, delimiter, disabled, onTake, onDrop }: ItemProps) {
  const labelId = useId();
  const joined = joinedText(row.fields, row.expected, textCol, delimiter);
  // With several files, the line is the one in the row's own file.
  const where = row.file ? `${row.file.name}, line ${row.file.line.toLocaleString('en-US')}` : `Line ${row.line.toLocaleString('en-US')}`;
  return (
    <li className={styles.item}>
      <div className={styles.itemHead}>
        <span id={labelId} className={styles.line}>
          {where}
        </span>
        <span className={styles.explain}>{badRowExplanation(row.fields.length, row.expected, delimiter)}</span>
      </div>
      <ol className={styles.fields} aria-label={`Fields on ${row.file ? `${row.file.name}, line ${row.file.line}` : `line ${row.line}`}`}>
        {row.fields.slice(0, 12).map((f, i) => (
          <li key={i} className={styles.field} title={f}>
            {f === '' ? <em>empty</em> : truncateField(f, 48)}
          </li>
        ))}
        {row.fields.length > 12 && <li className={styles.field}>+{row.fields.length - 12} more</li>}
      </ol>
      <p className={styles.preview}>
        Joined, <strong>{header[textCol] ?? header[0]}</strong> becomes “{truncateField(joined, 120)}”
      </p>
      <div className={styles.actions}>
        <button type="button" className="btn btn-small" onClick={onTake} disabled={disabled} aria-describedby={labelId}>
          Join into text and keep
        </button>
        <button type="button" className="btn btn-small btn-danger" onClick={onDrop} disabled={disabled} aria-describedby={labelId}>
          Discard
        </button>
      </div>
    </li>
  );
}
