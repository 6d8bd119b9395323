'use client';

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTrainset } from '@/components/store/store-provider';
import styles from './sheet-dialog.module.css';

/**
 * Asked after a workbook with several sheets holding cells is chosen: which sheet is the table.
 * A modal on the native <dialog> (focus trapped, Escape cancels); the sheets are a radio group,
 * so the arrow keys move through them and Enter opens the one selected.
 */
export function SheetDialog() {
  const { choice, chooseSheet, cancel } = useTrainset((s) => ({ choice: s.sheetChoice, chooseSheet: s.chooseSheet, cancel: s.cancelSheetChoice }));
  const ref = useRef<HTMLDialogElement>(null);
  const open = choice !== null;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    else if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={`modal ${styles.dialog}`}
      aria-labelledby="sheet-dialog-title"
      onCancel={(e) => {
        e.preventDefault();
        cancel();
      }}
    >
      {/* Keyed by the workbook, so each one starts on its first sheet. */}
      {choice && <SheetForm key={`${choice.fileName}:${choice.sheets.join('\u0000')}`} {...choice} onChoose={(s) => void chooseSheet(s)} onCancel={cancel} />}
    </dialog>
  );
}

function SheetForm({ fileName, sheets, onChoose, onCancel }: { fileName: string; sheets: string[]; onChoose(sheet: string): void; onCancel(): void }) {
  const [sheet, setSheet] = useState(sheets[0] ?? '');
  const name = useId();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (sheet) onChoose(sheet);
  };
  return (
    <form className={styles.content} onSubmit={submit}>
      <h2 id="sheet-dialog-title" className={styles.title}>
        Which sheet holds the table?
      </h2>
      <p className={styles.body}>
        <strong>{fileName}</strong> has {sheets.length} sheets with cells. Choose the one with the header row and one row per example.
      </p>
      <fieldset className={styles.sheets}>
        <legend className="visually-hidden">Sheets of {fileName}</legend>
        {sheets.map((s, i) => (
          <label key={s} className={styles.sheet}>
            <input
              ref={i === 0 ? first : undefined}
              type="radio"
              name={name}
              value={s}
              checked={sheet === s}
              onChange={() => setSheet(s)}
              onKeyDown={(e) => {
                // Enter on a radio button does not submit a form by itself.
                if (e.key === 'Enter') submit(e);
              }}
            />
            <span>{s}</span>
          </label>
        ))}
      </fieldset>
      <div className={styles.actions}>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary">
          Open sheet
        </button>
      </div>
    </form>
  );
}
