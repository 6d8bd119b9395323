'use client';

import { useRef, useState, type KeyboardEvent } from 'react';
import type { ColumnKind } from './columns';
import { LabelCombobox } from './label-combobox';
import styles from './data-grid.module.css';

/**
 * Where the active cell goes after an edit ends, as in a spreadsheet: nowhere (a click elsewhere),
 * the same cell (a picked option), or the next cell as the keys say (Enter down, Shift+Enter up,
 * Tab right, Shift+Tab left).
 */
export type CommitMove = 'none' | 'stay' | 'left' | 'right' | 'up' | 'down';

interface CellEditorProps {
  kind: ColumnKind;
  col: number;
  title: string;
  number: number;
  value: string;
  initial: string | undefined;
  onCommit(value: string, move: CommitMove): void;
  onCancel(): void;
}

/** The editor that replaces a cell's text while it is edited: a textarea or a label combobox. */
export function CellEditor(props: CellEditorProps) {
  const done = useRef(false);
  // An editor ends once: the key that saved it and the blur that follows must not save twice.
  const once = (end: () => void) => {
    if (done.current) return;
    done.current = true;
    end();
  };
  const label = `${props.title}, row ${props.number}`;
  if (props.kind === 'text') return <TextEditor {...props} label={label} once={once} />;
  return <LabelEditor {...props} label={label} once={once} />;
}

interface EditorProps extends CellEditorProps {
  label: string;
  once(end: () => void): void;
}

/** A line break at the caret, kept in the field's own undo history where the browser has one. */
function insertNewLine(field: HTMLTextAreaElement): void {
  // execCommand is deprecated but still the only way to edit a field undoably; fall back without it.
  if (document.queryCommandSupported?.('insertText') && document.execCommand('insertText', false, '\n')) return;
  field.setRangeText('\n', field.selectionStart, field.selectionEnd, 'end');
}

/**
 * Enter saves and moves down (Shift+Enter up), Tab saves and moves right (Shift+Tab left),
 * Alt+Enter or Ctrl/Cmd+Enter adds a line, Escape cancels; a click elsewhere saves.
 */
function TextEditor({ label, value, initial, onCommit, onCancel, once }: EditorProps) {
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.nativeEvent.isComposing) return;
    const text = e.currentTarget.value;
    if (e.key === 'Enter' && (e.altKey || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      insertNewLine(e.currentTarget);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      once(() => onCommit(text, e.shiftKey ? 'up' : 'down'));
    } else if (e.key === 'Escape') {
      e.preventDefault();
      once(onCancel);
    } else if (e.key === 'Tab') {
      e.preventDefault();
      once(() => onCommit(text, e.shiftKey ? 'left' : 'right'));
    }
  };
  return (
    <textarea
      className={styles.textEditor}
      aria-label={label}
      aria-describedby="grid-editor-help"
      defaultValue={initial ?? value}
      rows={4}
      autoFocus
      onFocus={(e) => e.currentTarget.setSelectionRange(e.currentTarget.value.length, e.currentTarget.value.length)}
      onKeyDown={onKeyDown}
      onBlur={(e) => {
        const text = e.currentTarget.value;
        once(() => onCommit(text, 'none'));
      }}
    />
  );
}

/**
 * A label is picked from the column's values or typed as a new one. Leaving the field without
 * picking cancels: a half-typed label must not become a new class by accident.
 */
function LabelEditor({ label, col, value, initial, onCommit, onCancel, once }: EditorProps) {
  const [text, setText] = useState(initial ?? value);
  return (
    <LabelCombobox
      col={col}
      label={label}
      text={text}
      typed={initial !== undefined}
      onTextChange={setText}
      onPick={(v, move) => once(() => onCommit(v, move ?? 'stay'))}
      onEscape={() => once(onCancel)}
      onTab={(shift, picked) => once(() => onCommit(picked ?? value, shift ? 'left' : 'right'))}
      onBlur={() => once(onCancel)}
      autoFocus
      variant="cell"
    />
  );
}
