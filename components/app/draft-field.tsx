'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';

/** What a typed text means: a value, or why it is not one (shown under the field). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

interface Props<T> {
  id: string;
  label: ReactNode;
  /** The value in the store. */
  value: T;
  format(value: T): string;
  parse(text: string): Parsed<T>;
  /** Called on Enter or leaving the field, only when the typed value differs from `value`. */
  onCommit(value: T): void;
  inputMode?: 'decimal' | 'numeric' | 'text';
  placeholder?: string;
  disabled?: boolean;
  /** Extra text under the field (help, the default), linked to it for screen readers. */
  help?: ReactNode;
  className?: string;
  labelClassName?: string;
  helpClassName?: string;
  errorClassName?: string;
}

/**
 * A text field holding a draft of a stored value: typing does not change the store, Enter or
 * leaving the field commits a valid value, an invalid one says why under the field. Until the user
 * types in it, the field follows the store (a new default, an undo, a reset), even while focused,
 * so it never shows a stale value nor commits one the user did not type. Its element is never
 * remounted, so focus stays where it is after Enter.
 */
export function DraftField<T>(props: Props<T>) {
  const { id, label, value, format, parse, onCommit } = props;
  const [text, setText] = useState(() => format(value));
  const [error, setError] = useState<string | null>(null);
  /** True from the user's first keystroke until the text is committed or given up. */
  const dirty = useRef(false);
  const shown = format(value);

  useEffect(() => {
    if (dirty.current) return;
    setText(shown);
    setError(null);
  }, [shown]);

  const commit = (): void => {
    if (!dirty.current) return;
    const parsed = parse(text);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setError(null);
    dirty.current = false;
    if (format(parsed.value) !== shown) onCommit(parsed.value);
    else setText(shown);
  };

  const described = [props.help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={props.className}>
      <label htmlFor={id} className={props.labelClassName}>
        {label}
      </label>
      <input
        id={id}
        className="input"
        inputMode={props.inputMode ?? 'decimal'}
        autoComplete="off"
        spellCheck={false}
        placeholder={props.placeholder}
        value={text}
        disabled={props.disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        onChange={(e) => {
          dirty.current = true;
          setText(e.target.value);
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      {error && (
        <p id={`${id}-error`} role="alert" className={props.errorClassName}>
          {error}
        </p>
      )}
      {props.help && (
        <p id={`${id}-help`} className={props.helpClassName}>
          {props.help}
        </p>
      )}
    </div>
  );
}
